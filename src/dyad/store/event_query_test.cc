#include "dyad/store/event_query.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dyad/store/sqlite_store.h"

namespace dyad::store {
namespace {

namespace fs = std::filesystem;

const dict::CameoCodebook& codebook() {
  static const dict::CameoCodebook book = [] {
    dict::CameoCodebook b;
    Diagnostics diags;
    EXPECT_TRUE(
        b.load_string("code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\n"
                      "036\tExpress intent to meet\t4\t1\tCONSULT\t\t\n"
                      "070\tProvide aid\t7\t2\tAID\t\t\n"
                      "111\tCriticize or denounce\t-2\t3\tACCUSE\t\t\n"
                      "112\tAccuse\t-2\t3\tACCUSE\t\t\n"
                      "190\tUse conventional military force\t-10\t4\tASSAULT\t\t\n",
                      "test.tsv", diags));
    return b;
  }();
  return book;
}

// An event of `mentions` mentions, dated `date` (yyyymmdd by precision) or undated.
doc::EventGroup group(const std::string& source, const std::string& target, const std::string& code,
                      int32_t date, DatePrecision precision, uint32_t mentions) {
  doc::EventGroup g;
  g.source = source;
  g.target = target;
  g.root = doc::cameo_root(code);
  g.period = precision == DatePrecision::kNone ? "article:x" + source + target : std::to_string(date);
  g.id = doc::event_group_id(source, target, g.root, "", g.period);
  for (uint32_t i = 0; i < mentions; ++i) {
    doc::EventMention m;
    m.id = g.id + "-" + std::to_string(i);
    m.article_id = "art" + std::to_string(i);
    m.outlet = "outlet";
    m.code = code;
    m.date = date;
    m.precision = precision;
    g.mentions.push_back(m);
  }
  g.summary = doc::summarize(g.mentions);
  return g;
}

class EventQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad-query-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = dir_ / "events.db";
    SqliteStore store(db_, codebook());
    store.begin_run({"0.1.0", 1, 2, "dicts"}, 1);
    store.begin();
    const auto day = DatePrecision::kDay;
    // Goldstein: 036 +4 (quad 1), 070 +7 (quad 2), 111/112 -2 (quad 3), 190 -10 (quad 4).
    store.add_group(group("RUSGOV", "USAGOV", "111", 20160905, day, 3));                    // E1 Monday
    store.add_group(group("USAGOV", "RUSGOV", "036", 20160907, day, 2));                    // E2 same week
    store.add_group(group("RUSMIL", "USA", "190", 20160912, day, 1));                       // E3 next Monday
    store.add_group(group("USA", "RUS", "070", 20161003, day, 4));                          // E4 a Monday
    store.add_group(group("RUS", "SYR", "190", 20160906, day, 1));                          // E5 another dyad
    store.add_group(group("RUSGOV", "USAGOV", "112", 20160900, DatePrecision::kMonth, 2));  // E6 "last month"
    store.add_group(group("RUSGOV", "USAGOV", "111", 0, DatePrecision::kNone, 1));          // E7 undated
    store.add_group(group("USA", "RUS", "111", 20161102, day, 5));                          // E8 after --to
    store.add_group(group("CHN", "USA", "112", 20160831, day, 1));  // E9 before --from
    store.commit();
  }
  void TearDown() override { fs::remove_all(dir_); }

  QueryOptions dyad_options(QueryPeriod by) const {
    QueryOptions o;
    o.from = "2016-09-01";
    o.to = "2016-10-31";
    o.actors = {"RUS", "USA"};
    o.by = by;
    return o;
  }

  fs::path dir_, db_;
};

void expect_row(const QueryRow& r, const std::string& period, const std::string& source,
                const std::string& target, uint64_t events, uint64_t mentions, double goldstein,
                std::array<uint64_t, 5> quad) {
  EXPECT_EQ(r.period, period);
  EXPECT_EQ(r.source, source);
  EXPECT_EQ(r.target, target);
  EXPECT_EQ(r.events, events) << period << " " << source << " " << target;
  EXPECT_EQ(r.mentions, mentions) << period << " " << source << " " << target;
  EXPECT_DOUBLE_EQ(r.goldstein, goldstein) << period << " " << source << " " << target;
  EXPECT_EQ(r.quad, quad) << period << " " << source << " " << target;
}

TEST_F(EventQueryTest, DyadByWeek) {
  const QueryResult r = query_events(db_, dyad_options(QueryPeriod::kWeek));
  // E1 and E2 in the week of Monday 09-05, one row per direction; E3 (RUSMIL counts as
  // RUS) the week of 09-12; E4 the week of 10-03. E5 and E9 are other dyads or outside,
  // E8 after --to. E6 is dated to the month only, E7 not at all: left out, counted.
  ASSERT_EQ(r.rows.size(), 4u);
  expect_row(r.rows[0], "2016-09-05", "RUS", "USA", 1, 3, -2, {0, 0, 0, 1, 0});
  expect_row(r.rows[1], "2016-09-05", "USA", "RUS", 1, 2, 4, {0, 1, 0, 0, 0});
  expect_row(r.rows[2], "2016-09-12", "RUS", "USA", 1, 1, -10, {0, 0, 0, 0, 1});
  expect_row(r.rows[3], "2016-10-03", "USA", "RUS", 1, 4, 7, {0, 0, 1, 0, 0});
  EXPECT_EQ(r.too_coarse, 1u);
  EXPECT_EQ(r.undated, 1u);
}

TEST_F(EventQueryTest, DyadByMonthTakesMonthDatedEvents) {
  const QueryResult r = query_events(db_, dyad_options(QueryPeriod::kMonth));
  // September RUS->USA: E1 (-2, 3 mentions), E3 (-10, 1), E6 (-2, 2): 3 events, 6
  // mentions, Goldstein -14, quad 3 two of three, quad 4 one of three.
  ASSERT_EQ(r.rows.size(), 3u);
  expect_row(r.rows[0], "2016-09", "RUS", "USA", 3, 6, -14, {0, 0, 0, 2, 1});
  EXPECT_DOUBLE_EQ(r.rows[0].share(3), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(r.rows[0].share(4), 1.0 / 3.0);
  expect_row(r.rows[1], "2016-09", "USA", "RUS", 1, 2, 4, {0, 1, 0, 0, 0});
  expect_row(r.rows[2], "2016-10", "USA", "RUS", 1, 4, 7, {0, 0, 1, 0, 0});
  EXPECT_EQ(r.too_coarse, 0u);
  EXPECT_EQ(r.undated, 1u);
}

TEST_F(EventQueryTest, OneActorAndAPloverType) {
  QueryOptions o;
  o.actors = {"RUS"};
  o.types = {"assault"};
  o.by = QueryPeriod::kYear;
  const QueryResult r = query_events(db_, o);
  // The two 190s involving RUS: E3 (RUSMIL->USA) and E5 (RUS->SYR), each -10.
  ASSERT_EQ(r.rows.size(), 2u);
  expect_row(r.rows[0], "2016", "RUS", "SYR", 1, 1, -10, {0, 0, 0, 0, 1});
  expect_row(r.rows[1], "2016", "RUS", "USA", 1, 1, -10, {0, 0, 0, 0, 1});
}

TEST_F(EventQueryTest, EveryDyadWithACameoPrefix) {
  QueryOptions o;
  o.types = {"11"};
  o.by = QueryPeriod::kMonth;
  const QueryResult r = query_events(db_, o);
  // 11x: E9 CHN->USA in August; E1 + E6 RUS->USA in September (5 mentions, -4); E8
  // USA->RUS in November (5 mentions); E7 undated.
  ASSERT_EQ(r.rows.size(), 3u);
  expect_row(r.rows[0], "2016-08", "CHN", "USA", 1, 1, -2, {0, 0, 0, 1, 0});
  expect_row(r.rows[1], "2016-09", "RUS", "USA", 2, 5, -4, {0, 0, 0, 2, 0});
  expect_row(r.rows[2], "2016-11", "USA", "RUS", 1, 5, -2, {0, 0, 0, 1, 0});
  EXPECT_EQ(r.undated, 1u);
}

TEST_F(EventQueryTest, Formats) {
  const QueryOptions o = dyad_options(QueryPeriod::kWeek);
  const QueryResult r = query_events(db_, o);
  std::ostringstream csv;
  write_query_result(r, o, QueryFormat::kCsv, csv);
  EXPECT_EQ(csv.str(),
            "period,source,target,events,mentions,goldstein_sum,verbal_coop,material_coop,verbal_conflict,"
            "material_conflict\n"
            "2016-09-05,RUS,USA,1,3,-2,0.0000,0.0000,1.0000,0.0000\n"
            "2016-09-05,USA,RUS,1,2,4,1.0000,0.0000,0.0000,0.0000\n"
            "2016-09-12,RUS,USA,1,1,-10,0.0000,0.0000,0.0000,1.0000\n"
            "2016-10-03,USA,RUS,1,4,7,0.0000,1.0000,0.0000,0.0000\n");
  std::ostringstream json;
  write_query_result(r, o, QueryFormat::kJson, json);
  const auto doc = nlohmann::json::parse(json.str());
  ASSERT_EQ(doc["rows"].size(), 4u);
  EXPECT_EQ(doc["rows"][3]["mentions"], 4);
  EXPECT_EQ(doc["rows"][3]["material_coop"], 1.0);
  EXPECT_EQ(doc["left_out"]["too_coarse"], 1);
  std::ostringstream table;
  write_query_result(r, o, QueryFormat::kTable, table);
  EXPECT_NE(table.str().find("week of"), std::string::npos) << table.str();
  EXPECT_NE(table.str().find("4 rows, 4 events (left out: 1 undated, 1 dated less precisely than a week)"),
            std::string::npos)
      << table.str();
}

TEST_F(EventQueryTest, BadOptionsAndFiles) {
  QueryOptions o = dyad_options(QueryPeriod::kDay);
  o.from = "2016-13-01";
  EXPECT_THROW(query_events(db_, o), std::invalid_argument);
  o = dyad_options(QueryPeriod::kDay);
  o.from = "2016-11-01";
  EXPECT_THROW(query_events(db_, o), std::invalid_argument);  // after --to
  o = dyad_options(QueryPeriod::kDay);
  o.actors.push_back("CHN");
  EXPECT_THROW(query_events(db_, o), std::invalid_argument);
  try {
    query_events(dir_ / "missing.db", {});
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("missing.db: no such file"), std::string::npos) << e.what();
  }
  std::ofstream(dir_ / "text.db") << "not a database at all, just some text that is long enough to matter\n";
  try {
    query_events(dir_ / "text.db", {});
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("text.db: not a Dyad database"), std::string::npos) << e.what();
  }
}

TEST(EventQueryNames, Parse) {
  QueryPeriod p;
  EXPECT_TRUE(parse_query_period("week", p));
  EXPECT_EQ(p, QueryPeriod::kWeek);
  EXPECT_FALSE(parse_query_period("fortnight", p));
  QueryFormat f;
  EXPECT_TRUE(parse_query_format("csv", f));
  EXPECT_EQ(f, QueryFormat::kCsv);
  EXPECT_FALSE(parse_query_format("xml", f));
}

}  // namespace
}  // namespace dyad::store
