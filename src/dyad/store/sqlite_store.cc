#include "dyad/store/sqlite_store.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <stdexcept>

#include "dyad/core/version.h"
#include "dyad/doc/event_date.h"

namespace dyad::store {
namespace {

// The layout (docs/events.md, "SQLite database"). Dates are ISO 8601 text by precision:
// YYYY-MM-DD, YYYY-MM or YYYY, NULL when unknown.
constexpr const char* kSchema = R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  dyad_version TEXT NOT NULL,
  model_checksum TEXT NOT NULL,
  dictionary_hash TEXT NOT NULL,
  dictionaries TEXT NOT NULL,
  event_window_days INTEGER NOT NULL
);
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  url TEXT,
  title TEXT,
  story_date TEXT,
  source TEXT,
  outlet TEXT NOT NULL,
  sentences INTEGER NOT NULL,
  events INTEGER NOT NULL,
  coded_at TEXT NOT NULL,
  duplicate_of TEXT
);
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  date TEXT,
  period TEXT NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  quad_class INTEGER,
  goldstein REAL,
  plover TEXT,
  place TEXT NOT NULL,
  place_name TEXT,
  place_country TEXT,
  place_admin1 TEXT,
  place_lat REAL,
  place_lon REAL,
  place_geonameid INTEGER,
  place_feature TEXT,
  num_mentions INTEGER NOT NULL,
  num_sources INTEGER NOT NULL,
  num_articles INTEGER NOT NULL
);
CREATE TABLE mentions (
  event_id TEXT NOT NULL,
  id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  sentence_index INTEGER NOT NULL,
  date TEXT,
  cameo TEXT NOT NULL,
  outlet TEXT NOT NULL,
  source_text TEXT,
  target_text TEXT,
  event_text TEXT,
  pattern TEXT,
  sentence TEXT,
  PRIMARY KEY (event_id, id)
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_dyad ON events(source, target);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_place ON events(place);
CREATE INDEX events_place_country ON events(place_country);
CREATE INDEX mentions_article ON mentions(article_id);
)sql";

std::string hex16(uint64_t v) { return fmt::format("{:016x}", v); }

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::optional<std::string> text_or_null(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

std::optional<std::string> iso_or_null(int32_t date, DatePrecision precision) {
  return text_or_null(doc::iso_date(date, precision));
}

// "2016-09-19" -> 20160919 (day); "2016-09" -> 20160900 (month); "2016" -> 20160000.
void parse_iso(const std::string& iso, int32_t& date, DatePrecision& precision) {
  date = 0;
  precision = DatePrecision::kNone;
  auto number = [&](size_t at, size_t n) {
    int32_t v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  if (iso.size() != 4 && iso.size() != 7 && iso.size() != 10) return;
  const int32_t year = number(0, 4), month = iso.size() >= 7 ? number(5, 2) : 0,
                day = iso.size() == 10 ? number(8, 2) : 0;
  if (year < 0 || month < 0 || day < 0) return;
  date = year * 10000 + month * 100 + day;
  precision = iso.size() == 10  ? DatePrecision::kDay
              : iso.size() == 7 ? DatePrecision::kMonth
                                : DatePrecision::kYear;
}

// Whether `schema`.articles has the duplicate_of column (added after schema version 1
// was first written; older files gain it when opened for writing).
bool has_duplicate_column(sqlite::Database& db, const std::string& schema) {
  sqlite::Statement s = db.prepare("PRAGMA " + schema + ".table_info(articles)");
  while (s.step())
    if (s.text(1) == "duplicate_of") return true;
  return false;
}

std::string meta(sqlite::Database& db, const std::string& key) {
  sqlite::Statement s = db.prepare("SELECT value FROM meta WHERE key = ?1");
  s.bind_text(1, key);
  return s.step() ? s.text(0) : std::string();
}

}  // namespace

bool is_database_path(std::string_view path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext == ".db" || ext == ".sqlite";
}

void check_database(sqlite::Database& db, bool allow_empty) {
  const std::string file = db.path().string();
  // What to do instead: read the right file; when writing (allow_empty), or write a new one.
  const std::string instead = std::string("give the .db file that `dyad code --out FILE.db` wrote") +
                              (allow_empty ? ", or a new file name" : "");
  int64_t application = 0, version = 0, tables = 0;
  try {
    sqlite::Statement a = db.prepare("PRAGMA application_id");
    if (a.step()) application = a.int64(0);
    sqlite::Statement v = db.prepare("PRAGMA user_version");
    if (v.step()) version = v.int64(0);
    sqlite::Statement t = db.prepare("SELECT count(*) FROM sqlite_master");
    if (t.step()) tables = t.int64(0);
  } catch (const std::runtime_error&) {
    throw std::runtime_error(file + ": not a Dyad database (not an SQLite file at all); " + instead);
  }
  if (tables == 0 && application == 0) {
    if (allow_empty) return;
    throw std::runtime_error(file + ": not a Dyad database (it is empty); write one with `dyad code --out " +
                             file + " ARTICLES...`");
  }
  if (application != kStoreApplicationId)
    throw std::runtime_error(file + ": not a Dyad database (an SQLite database of another program); " +
                             instead);
  if (version != kStoreSchemaVersion)
    throw std::runtime_error(
        fmt::format("{}: Dyad database schema version {}, but this dyad ({}) reads version {}; {}", file,
                    version, kVersion, kStoreSchemaVersion,
                    version > kStoreSchemaVersion ? "use a newer dyad to read it"
                                                  : "re-code the articles into a new file with this dyad"));
}

// ---------------------------------------------------------------------------------------
// SqliteStore

SqliteStore::SqliteStore(const std::filesystem::path& path, const dict::CameoCodebook& codebook)
    : db_(path, sqlite::Database::Mode::kReadWriteCreate), codebook_(codebook), coded_at_(now_utc()) {
  check_database(db_, true);
  sqlite::Statement tables = db_.prepare("SELECT count(*) FROM sqlite_master");
  tables.step();
  if (tables.int64(0) == 0) {
    db_.exec("BEGIN IMMEDIATE");
    try {
      db_.exec(kSchema);
      db_.exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};", kStoreApplicationId,
                           kStoreSchemaVersion));
      sqlite::Statement m = db_.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)");
      m.bind_text(1, "schema_version").bind_text(2, std::to_string(kStoreSchemaVersion)).run();
      db_.exec("COMMIT");
    } catch (...) {
      db_.exec("ROLLBACK");
      throw;
    }
  }
  if (!has_duplicate_column(db_, "main")) db_.exec("ALTER TABLE articles ADD COLUMN duplicate_of TEXT");
  insert_article_ =
      std::make_unique<sqlite::Statement>(db_,
                                          "INSERT OR IGNORE INTO articles (id, url, title, story_date, "
                                          "source, outlet, sentences, events, coded_at, duplicate_of) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  insert_event_ = std::make_unique<sqlite::Statement>(
      db_,
      "INSERT OR IGNORE INTO events (id, date, period, source, target, cameo, root, quad_class, goldstein, "
      "plover, place, num_mentions, num_sources, num_articles, place_name, place_country, place_admin1, "
      "place_lat, place_lon, place_geonameid, place_feature) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
      "?21)");
  insert_mention_ = std::make_unique<sqlite::Statement>(
      db_,
      "INSERT OR IGNORE INTO mentions (event_id, id, article_id, sentence_index, date, cameo, outlet, "
      "source_text, target_text, event_text, pattern, sentence) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  select_mentions_ = std::make_unique<sqlite::Statement>(
      db_, "SELECT id, article_id, outlet, date, cameo FROM mentions WHERE event_id = ?1");
  update_event_ = std::make_unique<sqlite::Statement>(db_,
                                                      "UPDATE events SET date = ?2, cameo = ?3, quad_class = "
                                                      "?4, goldstein = ?5, plover = ?6, num_mentions = ?7, "
                                                      "num_sources = ?8, num_articles = ?9 WHERE id = ?1");
  has_article_ = std::make_unique<sqlite::Statement>(db_, "SELECT 1 FROM articles WHERE id = ?1");
}

SqliteStore::~SqliteStore() {
  if (in_transaction_) {
    try {
      rollback();
    } catch (...) {  // closing the connection rolls back too
    }
  }
}

int SqliteStore::window_days() {
  const std::string w = meta(db_, "event_window_days");
  return w.empty() ? 0 : std::stoi(w);
}

std::vector<std::string> SqliteStore::begin_run(const RunInfo& run, int window) {
  std::vector<std::string> warnings;
  const int stored = window_days();
  if (stored != 0 && stored != window)
    throw std::runtime_error(fmt::format(
        "{}: written with an event window of {} day{}, not {}: its event ids would not match; use "
        "--event-window {} or another file",
        path().string(), stored, stored == 1 ? "" : "s", window, stored));
  sqlite::Statement last =
      db_.prepare("SELECT model_checksum, dictionary_hash, dictionaries FROM runs ORDER BY id DESC LIMIT 1");
  if (last.step()) {
    if (last.text(1) != hex16(run.dictionary_hash))
      warnings.push_back(fmt::format(
          "{}: the dictionaries ({}, hash {}) differ from the previous run's ({}, hash {}): events coded "
          "with both will be mixed",
          path().string(), run.dictionaries, hex16(run.dictionary_hash), last.text(2), last.text(1)));
    if (last.text(0) != hex16(run.model_checksum))
      warnings.push_back(fmt::format("{}: the model (checksum {}) differs from the previous run's ({})",
                                     path().string(), hex16(run.model_checksum), last.text(0)));
  }
  db_.exec("BEGIN IMMEDIATE");
  try {
    sqlite::Statement r = db_.prepare(
        "INSERT INTO runs (started_at, dyad_version, model_checksum, dictionary_hash, dictionaries, "
        "event_window_days) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    r.bind_text(1, coded_at_)
        .bind_text(2, run.dyad_version)
        .bind_text(3, hex16(run.model_checksum))
        .bind_text(4, hex16(run.dictionary_hash))
        .bind_text(5, run.dictionaries)
        .bind_int(6, window)
        .run();
    // The first run's values; later runs are in `runs`.
    sqlite::Statement m = db_.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES (?1, ?2)");
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"dyad_version", run.dyad_version},
                                     {"model_checksum", hex16(run.model_checksum)},
                                     {"dictionary_hash", hex16(run.dictionary_hash)},
                                     {"dictionaries", run.dictionaries},
                                     {"event_window_days", std::to_string(window)},
                                     {"created_at", coded_at_}}) {
      m.bind_text(1, key).bind_text(2, value).run();
      m.reset();
    }
    db_.exec("COMMIT");
  } catch (...) {
    db_.exec("ROLLBACK");
    throw;
  }
  return warnings;
}

bool SqliteStore::has_article(std::string_view id) {
  has_article_->reset();
  has_article_->bind_text(1, id);
  const bool found = has_article_->step();
  has_article_->reset();
  return found;
}

void SqliteStore::begin() {
  if (in_transaction_) return;
  db_.exec("BEGIN IMMEDIATE");
  in_transaction_ = true;
}

void SqliteStore::commit() {
  if (!in_transaction_) return;
  db_.exec("COMMIT");
  in_transaction_ = false;
}

void SqliteStore::rollback() {
  if (!in_transaction_) return;
  in_transaction_ = false;
  db_.exec("ROLLBACK");
}

void SqliteStore::add_article(const doc::ArticleRecord& a) {
  begin();
  sqlite::Statement& s = *insert_article_;
  s.reset();
  s.bind_text(1, a.id)
      .bind_optional(2, text_or_null(a.url))
      .bind_optional(3, text_or_null(a.title))
      .bind_optional(4, text_or_null(a.story_date))
      .bind_optional(5, text_or_null(a.source))
      .bind_text(6, a.outlet)
      .bind_int(7, a.sentences)
      .bind_int(8, a.events)
      .bind_text(9, coded_at_)
      .bind_optional(10, text_or_null(a.duplicate_of))
      .run();
  added_.articles += static_cast<uint64_t>(db_.changes());
}

void SqliteStore::add_group(const doc::EventGroup& group) {
  begin();
  const doc::EventSummary& sum = group.summary;
  const int quad = quad_class_of(codebook_, sum.code);
  const dict::CameoCode* exact = codebook_.find(sum.code);
  const dict::CameoCode* nearest = codebook_.find_nearest(sum.code);
  sqlite::Statement& e = *insert_event_;
  e.reset();
  e.bind_text(1, group.id).bind_optional(2, iso_or_null(sum.date, sum.precision)).bind_text(3, group.period);
  e.bind_text(4, group.source).bind_text(5, group.target).bind_text(6, sum.code).bind_text(7, group.root);
  if (quad)
    e.bind_int(8, quad);
  else
    e.bind_null(8);
  if (exact)
    e.bind_real(9, exact->goldstein);
  else
    e.bind_null(9);
  e.bind_optional(10, nearest && nearest->has_plover() ? std::optional(nearest->plover_type) : std::nullopt);
  e.bind_text(11, group.place)
      .bind_int(12, sum.num_mentions)
      .bind_int(13, sum.num_sources)
      .bind_int(14, sum.num_articles);
  const EventPlace& where = group.location;
  if (where.known()) {
    e.bind_text(15, where.name)
        .bind_optional(16, text_or_null(where.country))
        .bind_optional(17, text_or_null(where.admin1))
        .bind_optional(21, text_or_null(where.feature));
    if (where.has_coordinates)
      e.bind_real(18, where.lat).bind_real(19, where.lon);
    else
      e.bind_null(18).bind_null(19);
    if (where.geonameid != 0)
      e.bind_int(20, where.geonameid);
    else
      e.bind_null(20);
  } else {
    for (int i = 15; i <= 21; ++i) e.bind_null(i);
  }
  e.run();
  const bool created = db_.changes() > 0;
  added_.events += created ? 1 : 0;

  int64_t added = 0;
  sqlite::Statement& m = *insert_mention_;
  for (const doc::EventMention& mention : group.mentions) {
    m.reset();
    m.bind_text(1, group.id)
        .bind_text(2, mention.id)
        .bind_text(3, mention.article_id)
        .bind_int(4, mention.sentence_index)
        .bind_optional(5, iso_or_null(mention.date, mention.precision))
        .bind_text(6, mention.code)
        .bind_text(7, mention.outlet)
        .bind_optional(8, text_or_null(mention.source_text))
        .bind_optional(9, text_or_null(mention.target_text))
        .bind_optional(10, text_or_null(mention.event_text))
        .bind_optional(11, text_or_null(mention.pattern))
        .bind_optional(12, text_or_null(mention.sentence))
        .run();
    added += db_.changes();
  }
  added_.mentions += static_cast<uint64_t>(added);
  // An event already stored (an earlier run, an earlier part of this one) that gained
  // mentions: its counts come from all of its mentions, not from this group alone.
  if (!created && added > 0) recount(group.id);
}

void SqliteStore::recount(const std::string& event_id) {
  std::vector<doc::EventMention> mentions;
  sqlite::Statement& s = *select_mentions_;
  s.reset();
  s.bind_text(1, event_id);
  while (s.step()) {
    doc::EventMention m;
    m.id = s.text(0);
    m.article_id = s.text(1);
    m.outlet = s.text(2);
    parse_iso(s.text(3), m.date, m.precision);
    m.code = s.text(4);
    mentions.push_back(std::move(m));
  }
  s.reset();
  const doc::EventSummary sum = doc::summarize(mentions);
  const int quad = quad_class_of(codebook_, sum.code);
  const dict::CameoCode* exact = codebook_.find(sum.code);
  const dict::CameoCode* nearest = codebook_.find_nearest(sum.code);
  sqlite::Statement& u = *update_event_;
  u.reset();
  u.bind_text(1, event_id).bind_optional(2, iso_or_null(sum.date, sum.precision)).bind_text(3, sum.code);
  if (quad)
    u.bind_int(4, quad);
  else
    u.bind_null(4);
  if (exact)
    u.bind_real(5, exact->goldstein);
  else
    u.bind_null(5);
  u.bind_optional(6, nearest && nearest->has_plover() ? std::optional(nearest->plover_type) : std::nullopt);
  u.bind_int(7, sum.num_mentions).bind_int(8, sum.num_sources).bind_int(9, sum.num_articles).run();
}

std::vector<std::string> SqliteStore::merge(const std::filesystem::path& other) {
  std::vector<std::string> warnings;
  {
    sqlite::Database in(other, sqlite::Database::Mode::kReadOnly);
    check_database(in, false);
    const std::string theirs = meta(in, "event_window_days"), ours = meta(db_, "event_window_days");
    if (!ours.empty() && !theirs.empty() && ours != theirs)
      throw std::runtime_error(fmt::format(
          "{}: written with an event window of {} days, {} with {}: their event ids would not match",
          other.string(), theirs, path().string(), ours));
    const std::string their_dicts = meta(in, "dictionary_hash"), our_dicts = meta(db_, "dictionary_hash");
    if (!our_dicts.empty() && their_dicts != our_dicts)
      warnings.push_back(fmt::format("{}: coded with other dictionaries (hash {}) than {} (hash {})",
                                     other.string(), their_dicts, path().string(), our_dicts));
  }
  sqlite::Statement attach = db_.prepare("ATTACH DATABASE ?1 AS shard");
  attach.bind_text(1, other.string()).run();
  try {
    const std::string duplicate_of = has_duplicate_column(db_, "shard") ? "duplicate_of" : "NULL";
    begin();
    db_.exec("INSERT OR IGNORE INTO meta (key, value) SELECT key, value FROM shard.meta");
    db_.exec(
        "INSERT INTO runs (started_at, dyad_version, model_checksum, dictionary_hash, dictionaries, "
        "event_window_days) SELECT s.started_at, s.dyad_version, s.model_checksum, s.dictionary_hash, "
        "s.dictionaries, s.event_window_days FROM shard.runs s WHERE NOT EXISTS (SELECT 1 FROM main.runs r "
        "WHERE r.started_at = s.started_at AND r.dyad_version = s.dyad_version AND r.model_checksum = "
        "s.model_checksum AND r.dictionary_hash = s.dictionary_hash AND r.dictionaries = s.dictionaries) "
        "ORDER BY s.id");
    db_.exec(
        "INSERT OR IGNORE INTO articles (id, url, title, story_date, source, outlet, sentences, events, "
        "coded_at, duplicate_of) SELECT id, url, title, story_date, source, outlet, sentences, events, "
        "coded_at, " +
        duplicate_of + " FROM shard.articles");
    added_.articles += static_cast<uint64_t>(db_.changes());
    // Events stored on both sides that gain mentions: recounted from all their mentions.
    std::vector<std::string> touched;
    sqlite::Statement t = db_.prepare(
        "SELECT DISTINCT s.event_id FROM shard.mentions s WHERE EXISTS (SELECT 1 FROM main.events e WHERE "
        "e.id = s.event_id) AND NOT EXISTS (SELECT 1 FROM main.mentions m WHERE m.event_id = s.event_id "
        "AND m.id = s.id) ORDER BY s.event_id");
    while (t.step()) touched.push_back(t.text(0));
    t.reset();
    db_.exec(
        "INSERT OR IGNORE INTO events (id, date, period, source, target, cameo, root, quad_class, goldstein, "
        "plover, place, place_name, place_country, place_admin1, place_lat, place_lon, place_geonameid, "
        "place_feature, num_mentions, num_sources, num_articles) SELECT id, date, period, source, target, "
        "cameo, root, quad_class, goldstein, plover, place, place_name, place_country, place_admin1, "
        "place_lat, place_lon, place_geonameid, place_feature, num_mentions, num_sources, num_articles FROM "
        "shard.events");
    added_.events += static_cast<uint64_t>(db_.changes());
    db_.exec(
        "INSERT OR IGNORE INTO mentions (event_id, id, article_id, sentence_index, date, cameo, outlet, "
        "source_text, target_text, event_text, pattern, sentence) SELECT event_id, id, article_id, "
        "sentence_index, date, cameo, outlet, source_text, target_text, event_text, pattern, sentence FROM "
        "shard.mentions");
    added_.mentions += static_cast<uint64_t>(db_.changes());
    for (const std::string& id : touched) recount(id);
    commit();
  } catch (...) {
    rollback();
    db_.exec("DETACH DATABASE shard");
    throw;
  }
  db_.exec("DETACH DATABASE shard");
  return warnings;
}

SqliteStore::Counts SqliteStore::counts() {
  Counts c;
  sqlite::Statement s = db_.prepare(
      "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM "
      "mentions)");
  if (s.step()) {
    c.articles = static_cast<uint64_t>(s.int64(0));
    c.events = static_cast<uint64_t>(s.int64(1));
    c.mentions = static_cast<uint64_t>(s.int64(2));
  }
  return c;
}

// ---------------------------------------------------------------------------------------
// DatabaseWriter

DatabaseWriter::DatabaseWriter(const std::filesystem::path& path, const dict::CameoCodebook& codebook,
                               doc::GroupOptions options, size_t batch_articles)
    : store_(path, codebook),
      options_(options),
      grouper_(options),
      batch_articles_(std::max<size_t>(1, batch_articles)) {}

void DatabaseWriter::begin(const RunInfo& run) { warnings_ = store_.begin_run(run, options_.window_days); }

void DatabaseWriter::write(const Article& article, const std::vector<Event>& events) {
  grouper_.add(article, events);
  events_ += events.size();
  if (++unflushed_ >= batch_articles_) flush(false);
}

void DatabaseWriter::end() { flush(true); }

void DatabaseWriter::flush(bool finish) {
  doc::EventGrouper::Output out = finish ? grouper_.finish() : grouper_.take_closed();
  unflushed_ = 0;
  if (out.groups.empty() && out.articles.empty()) return;
  store_.begin();
  try {
    for (const doc::EventGroup& group : out.groups) store_.add_group(group);
    for (const doc::ArticleRecord& article : out.articles) store_.add_article(article);
    store_.commit();
  } catch (...) {
    store_.rollback();
    throw;
  }
}

std::string DatabaseWriter::summary() {
  const SqliteStore::Counts added = store_.added(), total = store_.counts();
  return fmt::format(
      "{}: added {} article{}, {} event{}, {} mention{}; it holds {} article{}, {} event{}, {} mention{}",
      store_.path().string(), added.articles, added.articles == 1 ? "" : "s", added.events,
      added.events == 1 ? "" : "s", added.mentions, added.mentions == 1 ? "" : "s", total.articles,
      total.articles == 1 ? "" : "s", total.events, total.events == 1 ? "" : "s", total.mentions,
      total.mentions == 1 ? "" : "s");
}

}  // namespace dyad::store
