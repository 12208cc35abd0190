#include "dyad/store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace dyad::store {
namespace {

namespace fs = std::filesystem;

const dict::CameoCodebook& codebook() {
  static const dict::CameoCodebook book = [] {
    dict::CameoCodebook b;
    Diagnostics diags;
    EXPECT_TRUE(
        b.load_string("code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\n"
                      "111\tCriticize or denounce\t-2\t3\tACCUSE\tdisapprove\t\n"
                      "112\tAccuse\t-2\t3\tACCUSE\t\t\n"
                      "190\tUse conventional military force\t-10\t4\tASSAULT\t\t\n",
                      "test.tsv", diags));
    return b;
  }();
  return book;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad-store-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path file(const std::string& name) const { return dir_ / name; }

  fs::path dir_;
};

RunInfo run_info() { return {"0.1.0", 0xabc, 0xdef, "dicts"}; }

Event event(std::string source, std::string target, std::string code, uint32_t sentence = 0) {
  Event e;
  e.sentence_index = sentence;
  e.source.code = std::move(source);
  e.target.code = std::move(target);
  e.code = std::move(code);
  return e;
}

Article article(std::string id, std::string date, std::string url) {
  Article a;
  a.id = std::move(id);
  a.story_date = std::move(date);
  a.url = std::move(url);
  a.title = "Title of " + a.id;
  return a;
}

using Input = std::vector<std::pair<Article, std::vector<Event>>>;

// Three articles of 2016-09-19/20: RUSGOV->USAGOV (root 11) reported by a1 (twice, two
// sentences) and a2 on 09-19; a3 of 09-20 reports it again (another day: another event)
// and an assault.
Input input() {
  return {
      {article("a1", "2016-09-19", "https://reuters.com/1"),
       {event("RUSGOV", "USAGOV", "111"), event("RUSGOV", "USAGOV", "112", 3)}},
      {article("a2", "2016-09-19", "https://apnews.com/2"), {event("RUSGOV", "USAGOV", "111", 1)}},
      {article("a3", "2016-09-20", "https://apnews.com/3"),
       {event("RUSGOV", "USAGOV", "111"), event("SYRMIL", "TURMIL", "190", 2)}},
      {article("quiet", "2016-09-20", ""), {}},
  };
}

void code_into(const fs::path& path, const Input& in, size_t batch = 64) {
  DatabaseWriter writer(path, codebook(), {}, batch);
  writer.begin(run_info());
  for (const auto& [a, events] : in) writer.write(a, events);
  writer.end();
}

int64_t scalar(const fs::path& path, const std::string& sql) {
  sqlite::Database db(path, sqlite::Database::Mode::kReadOnly);
  sqlite::Statement s = db.prepare(sql);
  return s.step() ? s.int64(0) : -1;
}

std::string text(const fs::path& path, const std::string& sql) {
  sqlite::Database db(path, sqlite::Database::Mode::kReadOnly);
  sqlite::Statement s = db.prepare(sql);
  return s.step() ? s.text(0) : "(no row)";
}

TEST_F(SqliteStoreTest, WritesArticlesEventsAndMentions) {
  const fs::path db = file("events.db");
  code_into(db, input());
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM articles"), 4);
  // Events: RUSGOV->USAGOV 11 on 09-19 (3 mentions, 2 articles, 2 outlets), the same on
  // 09-20 (1 mention), SYRMIL->TURMIL 19 on 09-20.
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events"), 3);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM mentions"), 5);
  const std::string first = "WHERE source = 'RUSGOV' AND date = '2016-09-19'";
  EXPECT_EQ(scalar(db, "SELECT num_mentions FROM events " + first), 3);
  EXPECT_EQ(scalar(db, "SELECT num_articles FROM events " + first), 2);
  EXPECT_EQ(scalar(db, "SELECT num_sources FROM events " + first), 2);
  EXPECT_EQ(text(db, "SELECT cameo FROM events " + first), "111");  // 2 of 3 mentions
  EXPECT_EQ(scalar(db, "SELECT quad_class FROM events " + first), 3);
  EXPECT_EQ(text(db, "SELECT plover FROM events " + first), "ACCUSE");
  EXPECT_EQ(text(db, "SELECT id FROM events " + first),
            doc::event_group_id("RUSGOV", "USAGOV", "11", "", "2016-09-19/1d"));
  EXPECT_EQ(text(db, "SELECT plover FROM events WHERE root = '19'"), "ASSAULT");
  EXPECT_EQ(scalar(db, "SELECT goldstein FROM events WHERE root = '19'"), -10);
  EXPECT_EQ(text(db, "SELECT outlet FROM articles WHERE id = 'quiet'"), "quiet");
  EXPECT_EQ(scalar(db, "SELECT events FROM articles WHERE id = 'a1'"), 2);
  EXPECT_EQ(text(db, "SELECT value FROM meta WHERE key = 'dictionary_hash'"), "0000000000000def");
  EXPECT_EQ(text(db, "SELECT value FROM meta WHERE key = 'event_window_days'"), "1");
  EXPECT_EQ(scalar(db, "PRAGMA user_version"), kStoreSchemaVersion);
  EXPECT_EQ(scalar(db, "PRAGMA application_id"), kStoreApplicationId);
  // date, dyad, cameo, place (the key) and place_country.
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_%'"),
            5);
  // No event of input() has a place: the key is '' and the place columns NULL.
  EXPECT_EQ(scalar(db,
                   "SELECT count(*) FROM events WHERE place = '' AND place_name IS NULL AND "
                   "place_country IS NULL AND place_lat IS NULL AND place_geonameid IS NULL"),
            3);
}

TEST_F(SqliteStoreTest, EventsCarryTheirPlace) {
  const fs::path db = file("events.db");
  Input in = input();
  // a1's two RUSGOV->USAGOV mentions in Geneva (a city: a GeoNames id), a2's in Texas (a
  // division: none), so the 09-19 event of input() splits in two; a3's assault in Syria.
  const EventPlace geneva = dyad::testing::geneva_place();
  EventPlace texas;
  texas.name = "Texas";
  texas.country = "USA";
  texas.admin1 = "Texas";
  texas.feature = "admin1";  // no coordinates: lat and lon NULL
  EventPlace syria;
  syria.name = "Syria";
  syria.country = "SYR";
  syria.feature = "country";
  for (Event& e : in[0].second) e.place = geneva;
  in[1].second[0].place = texas;
  in[2].second[1].place = syria;
  code_into(db, in);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events"), 4);
  // The ids are event_group_id with place_key (doc/event_groups.h) in the place field.
  const std::string in_geneva = "WHERE place = '2660646'";
  EXPECT_EQ(text(db, "SELECT id FROM events " + in_geneva),
            doc::event_group_id("RUSGOV", "USAGOV", "11", "2660646", "2016-09-19/1d"));
  EXPECT_EQ(scalar(db, "SELECT num_mentions FROM events " + in_geneva), 2);
  EXPECT_EQ(text(db,
                 "SELECT place_name || '|' || place_country || '|' || place_admin1 || '|' || "
                 "place_feature FROM events " +
                     in_geneva),
            "Genève|CHE|Genève|seat");
  EXPECT_EQ(text(db, "SELECT printf('%.4f %.4f %d', place_lat, place_lon, place_geonameid) FROM events " +
                         in_geneva),
            "46.2022 6.1457 2660646");
  const std::string in_texas = "WHERE place = 'USA/Texas/Texas'";
  EXPECT_EQ(text(db, "SELECT id FROM events " + in_texas),
            doc::event_group_id("RUSGOV", "USAGOV", "11", "USA/Texas/Texas", "2016-09-19/1d"));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events " + in_texas +
                           " AND place_lat IS NULL AND place_lon IS NULL AND place_geonameid IS NULL"),
            1);
  EXPECT_EQ(scalar(db,
                   "SELECT count(*) FROM events WHERE place_country = 'SYR' AND place_admin1 IS NULL "
                   "AND place = 'SYR//Syria' AND root = '19'"),
            1);
  // Shards merged keep the place columns.
  {
    SqliteStore merged(file("merged.db"), codebook());
    merged.merge(db);
  }
  const std::string columns =
      "SELECT group_concat(id || place || ifnull(place_name, '-') || ifnull(place_country, '-') || "
      "ifnull(place_admin1, '-') || ifnull(place_lat, '-') || ifnull(place_lon, '-') || "
      "ifnull(place_geonameid, '-') || ifnull(place_feature, '-'), ' ') FROM (SELECT * FROM events ORDER "
      "BY id)";
  EXPECT_EQ(text(file("merged.db"), columns), text(db, columns));
}

TEST_F(SqliteStoreTest, RerunAddsNothing) {
  const fs::path db = file("events.db");
  code_into(db, input());
  const std::string snapshot =
      "SELECT group_concat(id || ':' || num_mentions || '/' || num_articles || '/' || num_sources, ' ') "
      "FROM (SELECT * FROM events ORDER BY id)";
  const std::string before = text(db, snapshot);
  code_into(db, input());
  code_into(db, input(), 1);  // other batch boundaries: the same
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM articles"), 4);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events"), 3);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM mentions"), 5);
  EXPECT_EQ(text(db, snapshot), before);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM runs"), 3);
}

TEST_F(SqliteStoreTest, LaterRunsMergeIntoStoredEvents) {
  // a1 alone, then everything: a2's mention joins a1's event, whose counts are recounted
  // from the mentions table (3 mentions, not 1 + 3).
  const fs::path db = file("events.db");
  Input in = input();
  code_into(db, {in[0]});
  const std::string first = "SELECT num_mentions FROM events WHERE source = 'RUSGOV' AND date = '2016-09-19'";
  EXPECT_EQ(scalar(db, first), 2);
  code_into(db, in);
  EXPECT_EQ(scalar(db, first), 3);
  EXPECT_EQ(scalar(db, "SELECT num_sources FROM events WHERE source = 'RUSGOV' AND date = '2016-09-19'"), 2);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM mentions"), 5);
}

TEST_F(SqliteStoreTest, PartialGroupsOfTheSameIdAreMerged) {
  // Out-of-order input hands out two groups with one id (doc/event_groups.h).
  const fs::path db = file("events.db");
  code_into(db, {{article("a1", "2016-09-19", "https://x.org/1"), {event("RUS", "USA", "111")}},
                 {article("a2", "2016-09-30", "https://x.org/2"), {event("CHN", "USA", "111")}},
                 {article("a3", "2016-09-19", "https://y.org/3"), {event("RUS", "USA", "112")}}});
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events"), 2);
  EXPECT_EQ(scalar(db, "SELECT num_mentions FROM events WHERE source = 'RUS'"), 2);
  EXPECT_EQ(scalar(db, "SELECT num_sources FROM events WHERE source = 'RUS'"), 2);
  EXPECT_EQ(text(db, "SELECT cameo FROM events WHERE source = 'RUS'"), "111");  // a tie: the smaller
}

TEST_F(SqliteStoreTest, ResumeSeesOnlyCompleteArticles) {
  const fs::path db = file("events.db");
  Input in = input();
  {
    // Batches of one article: a1's event is still open (within the window) after its
    // batch, so a1 is not recorded yet; "quiet" would be, but the run stops before it.
    DatabaseWriter writer(db, codebook(), {}, 1);
    writer.begin(run_info());
    writer.write(in[0].first, in[0].second);
    EXPECT_FALSE(writer.has_article("a1"));
    // No end(): the run is interrupted here.
  }
  {
    SqliteStore store(db, codebook());
    EXPECT_FALSE(store.has_article("a1"));
    EXPECT_EQ(store.counts().mentions, 0u);
  }
  code_into(db, in);
  SqliteStore store(db, codebook());
  for (const char* id : {"a1", "a2", "a3", "quiet"}) EXPECT_TRUE(store.has_article(id)) << id;
  EXPECT_FALSE(store.has_article("a4"));
}

TEST_F(SqliteStoreTest, AnUncommittedBatchLeavesThePreviousState) {
  const fs::path db = file("events.db");
  code_into(db, input());
  {
    SqliteStore store(db, codebook());
    store.begin();
    doc::EventGrouper grouper;
    grouper.add(article("new", "2016-10-01", "https://z.org/1"), {event("IRN", "ISR", "190")});
    grouper.add(article("a1", "2016-09-19", "https://other.org/9"), {event("RUSGOV", "USAGOV", "111", 7)});
    const auto out = grouper.finish();
    for (const auto& g : out.groups) store.add_group(g);
    for (const auto& a : out.articles) store.add_article(a);
    EXPECT_EQ(store.counts().events, 4u);  // visible inside the transaction
    EXPECT_TRUE(store.in_transaction());
    // Destroyed without commit(): as if the process died here.
  }
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM articles"), 4);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM events"), 3);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM mentions"), 5);
  EXPECT_EQ(scalar(db, "SELECT num_mentions FROM events WHERE source = 'RUSGOV' AND date = '2016-09-19'"), 3);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM articles WHERE id = 'new'"), 0);
}

TEST_F(SqliteStoreTest, RefusesFilesThatAreNotDyadDatabases) {
  const fs::path text_file = file("notes.db");
  const std::string notes = "these are not the events you are looking for\n";
  std::ofstream(text_file) << notes;
  try {
    SqliteStore store(text_file, codebook());
    FAIL() << "opened a text file";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("notes.db: not a Dyad database"), std::string::npos) << e.what();
  }
  EXPECT_EQ(fs::file_size(text_file), notes.size());  // left as it was

  const fs::path other = file("other.db");
  {
    sqlite::Database db(other, sqlite::Database::Mode::kReadWriteCreate);
    db.exec("CREATE TABLE t (x)");
  }
  try {
    SqliteStore store(other, codebook());
    FAIL() << "opened another program's database";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("another program"), std::string::npos) << e.what();
  }

  // Version 1 grouped every event under the empty place: its ids would not match.
  const fs::path older = file("older.db");
  code_into(older, {});
  {
    sqlite::Database db(older, sqlite::Database::Mode::kReadWriteCreate);
    db.exec("PRAGMA user_version = 1");
  }
  try {
    SqliteStore store(older, codebook());
    FAIL() << "opened schema version 1";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("older.db: Dyad database schema version 1"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("re-code"), std::string::npos) << e.what();
  }

  const fs::path newer = file("newer.db");
  code_into(newer, {});
  {
    sqlite::Database db(newer, sqlite::Database::Mode::kReadWriteCreate);
    db.exec("PRAGMA user_version = 99");
  }
  try {
    SqliteStore store(newer, codebook());
    FAIL() << "opened schema version 99";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("schema version 99"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("newer dyad"), std::string::npos) << e.what();
  }
}

TEST_F(SqliteStoreTest, RefusesAnotherWindowAndWarnsAboutOtherDictionaries) {
  const fs::path db = file("events.db");
  code_into(db, input());
  {
    SqliteStore store(db, codebook());
    EXPECT_EQ(store.window_days(), 1);
    EXPECT_THROW(store.begin_run(run_info(), 7), std::runtime_error);
  }
  SqliteStore store(db, codebook());
  RunInfo other = run_info();
  other.dictionary_hash = 0x123;
  const auto warnings = store.begin_run(other, 1);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("dictionaries"), std::string::npos);
}

// Every row of the events table, ids and counts, as text.
std::string events_table(const fs::path& path) {
  sqlite::Database db(path, sqlite::Database::Mode::kReadOnly);
  sqlite::Statement s = db.prepare(
      "SELECT id, date, period, source, target, cameo, num_mentions, num_sources, num_articles FROM events "
      "ORDER BY id");
  std::string out;
  while (s.step()) {
    for (int c = 0; c < 9; ++c) out += s.text(c) + (c == 8 ? "\n" : " ");
  }
  return out;
}

TEST_F(SqliteStoreTest, ShardsMergedGiveTheSameEventsAsOneRun) {
  const Input all = input();
  code_into(file("one.db"), all);
  // Two shards that split the articles of one event between them (a1 | a2, a3, quiet).
  code_into(file("s1.db"), Input(all.begin(), all.begin() + 1));
  code_into(file("s2.db"), Input(all.begin() + 1, all.end()));
  {
    SqliteStore merged(file("merged.db"), codebook());
    EXPECT_TRUE(merged.merge(file("s1.db")).empty());
    EXPECT_TRUE(merged.merge(file("s2.db")).empty());
    EXPECT_EQ(merged.added().articles, 4u);
    EXPECT_EQ(merged.added().mentions, 5u);
    // Merging again adds nothing.
    merged.merge(file("s2.db"));
    EXPECT_EQ(merged.added().mentions, 5u);
  }
  EXPECT_EQ(events_table(file("merged.db")), events_table(file("one.db")));
  EXPECT_NE(events_table(file("one.db")).find(" 3 2 2\n"), std::string::npos);  // a1 twice, a2
  EXPECT_EQ(scalar(file("merged.db"), "SELECT count(*) FROM mentions"), 5);
  EXPECT_EQ(scalar(file("merged.db"), "SELECT count(*) FROM articles"), 4);
  EXPECT_EQ(text(file("merged.db"), "SELECT value FROM meta WHERE key = 'event_window_days'"), "1");
  EXPECT_GE(scalar(file("merged.db"), "SELECT count(*) FROM runs"), 1);  // identical runs kept once
}

TEST_F(SqliteStoreTest, MergeRefusesAnotherWindowAndNonDatabases) {
  code_into(file("day.db"), input());
  {
    DatabaseWriter writer(file("week.db"), codebook(), {7});
    writer.begin(run_info());
    writer.end();
  }
  std::ofstream(file("notes.db")) << "not a database";
  SqliteStore merged(file("merged.db"), codebook());
  merged.merge(file("day.db"));
  EXPECT_THROW(merged.merge(file("week.db")), std::runtime_error);
  EXPECT_THROW(merged.merge(file("notes.db")), std::runtime_error);
  EXPECT_EQ(merged.counts().articles, 4u);
}

TEST_F(SqliteStoreTest, ANearCopyIsStoredButItsEventsCountedOnce) {
  Input in = input();
  Article copy = article("a1-copy", "2016-09-19", "https://example-paper.com/7");
  copy.duplicate_of = "a1";
  in.push_back({copy, {event("RUSGOV", "USAGOV", "111"), event("RUSGOV", "USAGOV", "112", 3)}});
  code_into(file("e.db"), in);
  code_into(file("plain.db"), input());
  EXPECT_EQ(events_table(file("e.db")), events_table(file("plain.db")));
  EXPECT_EQ(text(file("e.db"), "SELECT duplicate_of FROM articles WHERE id = 'a1-copy'"), "a1");
  EXPECT_EQ(scalar(file("e.db"), "SELECT events FROM articles WHERE id = 'a1-copy'"), 2);
  EXPECT_EQ(scalar(file("e.db"), "SELECT count(*) FROM mentions WHERE article_id = 'a1-copy'"), 0);
  EXPECT_EQ(scalar(file("e.db"), "SELECT count(*) FROM articles WHERE duplicate_of IS NULL"), 4);
}

TEST_F(SqliteStoreTest, AnOlderFileGainsTheDuplicateColumn) {
  code_into(file("old.db"), input());
  {
    sqlite::Database db(file("old.db"), sqlite::Database::Mode::kReadWriteCreate);
    db.exec("ALTER TABLE articles DROP COLUMN duplicate_of");
  }
  {
    SqliteStore merged(file("merged.db"), codebook());
    merged.merge(file("old.db"));  // read without the column
    EXPECT_EQ(merged.counts().articles, 4u);
  }
  code_into(file("old.db"), input());  // opened for writing: the column is added
  EXPECT_EQ(scalar(file("old.db"), "SELECT count(*) FROM articles WHERE duplicate_of IS NULL"), 4);
}

TEST(SqliteStorePath, DatabaseExtensions) {
  EXPECT_TRUE(is_database_path("events.db"));
  EXPECT_TRUE(is_database_path("dir/Events.SQLite"));
  EXPECT_FALSE(is_database_path("events.jsonl"));
  EXPECT_FALSE(is_database_path("db"));
  EXPECT_FALSE(is_database_path(""));
}

}  // namespace
}  // namespace dyad::store
