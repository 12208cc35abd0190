#pragma once

// The SQLite event store (issue #7; docs/events.md, "SQLite database"): `dyad code --out
// FILE.db`. Tables articles, events, mentions (GDELT's Events/Mentions split: an event
// is a group of sentence-level mentions, doc/event_groups.h), runs and meta.
//
// Idempotent. Every id is a content hash (article ids from the input or a hash of the
// article, mention ids from doc/core event_id.h, event ids from their key and period),
// rows are inserted with INSERT OR IGNORE, and an event's counts, date and code are
// recounted from its rows in the mentions table whenever a mention is added to an event
// already stored. So coding the same input twice adds nothing, a resumed or partial run
// adds exactly what is missing, and two databases can later be merged row by row.
//
// Consistent. Everything is written in transactions, one per batch of articles; an
// article's row is written in the same transaction as its last mentions (the grouper
// hands it out only then), so after a crash every article in the database has all its
// events, and `--resume` (has_article) can skip it.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/dict/cameo_codebook.h"
#include "dyad/doc/event_groups.h"
#include "dyad/store/event_writer.h"
#include "dyad/store/sqlite.h"

namespace dyad::store {

// Version of the database layout (tables, columns, meanings); PRAGMA user_version and
// meta.schema_version hold it. Raised when a column changes meaning or goes away.
// 2: events are grouped by their place too (issue #7): events.place is a place key, not
// always '', so an event read in a place has another id than in version 1 and the two
// could not be merged; the place_* columns are new.
inline constexpr int kStoreSchemaVersion = 2;
// PRAGMA application_id of a Dyad database ("Dyad" in ASCII).
inline constexpr int32_t kStoreApplicationId = 0x44796164;

// Whether `path` names a database by its extension: .db or .sqlite (any case).
bool is_database_path(std::string_view path);

// Throws std::runtime_error ("FILE: not a Dyad database ...", "... schema version ...")
// unless `db` holds a Dyad database of kStoreSchemaVersion. An empty database passes
// only when `allow_empty`.
void check_database(sqlite::Database& db, bool allow_empty);

class SqliteStore {
 public:
  // Opens `path` for writing, creating the file and its tables when missing. Throws
  // std::runtime_error naming the file when it is not a Dyad database, has another
  // schema version or cannot be written. `codebook` (names, Goldstein, quad classes,
  // PLOVER) must outlive the store.
  SqliteStore(const std::filesystem::path& path, const dict::CameoCodebook& codebook);
  ~SqliteStore();  // a transaction still open is rolled back
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // The event window the database was written with (meta.event_window_days), 0 when it
  // has none yet.
  int window_days();
  // Records a run (runs table; meta on a new database). Throws when the database was
  // written with another window (its event ids would not match). Returns warnings: the
  // dictionaries or model differ from the previous run's.
  std::vector<std::string> begin_run(const RunInfo& run, int window_days);

  bool has_article(std::string_view id);

  void begin();  // starts a transaction
  void add_article(const doc::ArticleRecord& article);
  void add_group(const doc::EventGroup& group);
  void commit();
  void rollback();
  bool in_transaction() const { return in_transaction_; }

  // `dyad merge`: adds the rows of another Dyad database (a shard), in one transaction.
  // Rows are matched by their content ids, so a row on both sides is kept once, an event
  // on both sides gets the union of its mentions and its counts are recounted from them.
  // Throws when `other` is not a Dyad database or was written with another event window;
  // returns a warning when its dictionaries differ.
  std::vector<std::string> merge(const std::filesystem::path& other);

  struct Counts {
    uint64_t articles = 0, events = 0, mentions = 0;
  };
  Counts counts();                         // rows in the database
  Counts added() const { return added_; }  // rows this store added (committed or not)

  const std::filesystem::path& path() const { return db_.path(); }

 private:
  void recount(const std::string& event_id);

  sqlite::Database db_;
  const dict::CameoCodebook& codebook_;
  std::string coded_at_;
  bool in_transaction_ = false;
  Counts added_;
  std::unique_ptr<sqlite::Statement> insert_article_, insert_event_, insert_mention_, select_mentions_,
      update_event_, has_article_;
};

// `dyad code --out FILE.db`: an EventWriter that groups events (doc::EventGrouper) and
// stores them, committing every `batch_articles` articles and at end().
class DatabaseWriter final : public EventWriter {
 public:
  DatabaseWriter(const std::filesystem::path& path, const dict::CameoCodebook& codebook,
                 doc::GroupOptions options = {}, size_t batch_articles = 64);
  void begin(const RunInfo& run) override;
  void write(const Article& article, const std::vector<Event>& events) override;
  void end() override;
  uint64_t events_written() const override { return events_; }  // sentence-level events

  bool has_article(std::string_view id) { return store_.has_article(id); }
  const std::vector<std::string>& warnings() const { return warnings_; }
  // "events.db: 7 articles, 12 events and 14 mentions added; it holds 9 articles, ..."
  std::string summary();
  SqliteStore& store() { return store_; }

 private:
  void flush(bool finish);

  SqliteStore store_;
  doc::GroupOptions options_;
  doc::EventGrouper grouper_;
  size_t batch_articles_, unflushed_ = 0;
  uint64_t events_ = 0;
  std::vector<std::string> warnings_;
};

}  // namespace dyad::store
