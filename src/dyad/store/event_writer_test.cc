#include "dyad/store/event_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/core/utf8.h"
#include "test_support.h"

namespace dyad::store {
namespace {

using nlohmann::json;

// A hand-made codebook: 010 has no PLOVER equivalent, 043 has one (0431 is not listed:
// it falls back to 043), 174's name is long and non-ASCII to test clipping.
const dict::CameoCodebook& codebook() {
  static const dict::CameoCodebook book = [] {
    dict::CameoCodebook b;
    Diagnostics diags;
    const std::string table =
        "# test table\n"
        "code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\n"
        "01\tMAKE PUBLIC STATEMENT\t0\t1\t\t\t\n"
        "010\tMake statement\t0\t1\t\t\t\n"
        "04\tCONSULT\t1\t1\tCONSULT\t\t\n"
        "043\tHost a visit\t2.8\t1\tCONSULT\tvisit\t\n"
        "11\tDISAPPROVE\t-2\t3\tACCUSE\t\t\n"
        "111\tCriticize or denounce\t-2\t3\tACCUSE\tdisapprove\t\n"
        "17\tCOERCE\t-7\t4\tCOERCE\t\t\n"
        "174\tExpel or deport — expulsé et déporté\t-5\t4\tCOERCE\tdeport\tmigration;legal\n";
    EXPECT_TRUE(b.load_string(table, "test.tsv", diags));
    EXPECT_EQ(diags.errors() + diags.warnings(), 0u);
    return b;
  }();
  return book;
}

// Adds the words `forms` to `s`, each found in order in the article text from `from`.
void add_words(const Article& a, Sentence& s, size_t from, const std::vector<std::string>& forms) {
  for (const std::string& f : forms) {
    const size_t at = a.text.find(f, from);
    ASSERT_NE(at, std::string::npos) << f;
    Word w;
    w.form = f;
    w.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + f.size())};
    w.token = static_cast<uint32_t>(s.words.size());
    s.words.push_back(w);
    from = at + f.size();
  }
  s.span = {s.words.front().span.begin, s.words.back().span.end};
}

const char* const kFirst =
    "Café talks: Russian Foreign Minister Sergey Lavrov criticized Washington on Monday.";
const char* const kSecond = "China's envoy hosted 東京 officials and 北京 delegates in Geneva.";

Article make_article() {
  Article a;
  a.id = "story-1";
  a.story_date = "2019-01-04";
  a.source = "AFP";
  a.text = std::string(kFirst) + "\n\n" + kSecond;
  Sentence s0, s1;
  add_words(a, s0, 0,
            {"Café", "talks", ":", "Russian", "Foreign", "Minister", "Sergey", "Lavrov", "criticized",
             "Washington", "on", "Monday", "."});
  s0.starts_paragraph = true;
  add_words(a, s1, s0.span.end,
            {"China", "'s", "envoy", "hosted", "東京", "officials", "and", "北京", "delegates", "in",
             "Geneva", "."});
  s1.starts_paragraph = true;
  a.sentences = {s0, s1};
  return a;
}

Event make_event(uint32_t sentence, std::string source, std::vector<uint32_t> source_words,
                 std::string target, std::vector<uint32_t> target_words, std::string code,
                 std::vector<uint32_t> words) {
  Event e;
  e.sentence_index = sentence;
  e.source.code = std::move(source);
  e.source.words = std::move(source_words);
  e.target.code = std::move(target);
  e.target.words = std::move(target_words);
  e.code = std::move(code);
  e.words = std::move(words);
  e.verb = e.words.empty() ? 0 : e.words.front();
  return e;
}

// 0: RUSGOV criticized USA (111); 1: CHN hosted JPNGOV (0431, PLOVER from 043);
// 2: a statement (010, no PLOVER); 3: a code from a validation dictionary (174K);
// 4: a new actor with no words, "---GOV" target.
std::vector<Event> make_events() {
  std::vector<Event> events;
  events.push_back(make_event(0, "RUSGOV", {3, 4, 5, 6, 7}, "USA", {9}, "111", {8}));
  events.back().pattern = "CAMEO.verbpatterns.txt:120";
  events.back().pattern_text = "- * WASHINGTON";
  events.back().issues = {"DIPLOMACY"};
  events.push_back(make_event(1, "CHN", {0}, "JPNGOV", {4, 5}, "0431", {3, 4, 5}));
  events.back().reverse = true;
  events.push_back(make_event(0, "RUSGOV", {3, 4, 5, 6, 7}, "USA", {9}, "010", {8}));
  events.push_back(make_event(1, "IGOCOPITP", {2}, "CHN", {0}, "174K", {3}));
  events.push_back(make_event(1, "\"TEXT\"", {}, "---GOV", {5}, "111", {3}));
  return events;
}

std::string run(EventFormat format, const Article& article, const std::vector<Event>& events,
                uint64_t* written = nullptr) {
  std::ostringstream out;
  auto writer = make_event_writer(format, out, codebook());
  EXPECT_NE(writer, nullptr);
  RunInfo info;
  info.dyad_version = "0.1.0";
  info.model_checksum = 0xabcdef;
  info.dictionary_hash = 0x0123456789abcdefULL;
  info.dictionaries = "dicts/phoenix";
  writer->begin(info);
  writer->write(article, events);
  writer->end();
  if (written) *written = writer->events_written();
  return out.str();
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

bool valid_utf8(std::string s) { return utf8::sanitize(s) == 0; }

TEST(EventFormat, ParsesNames) {
  EventFormat f = EventFormat::kTable;
  EXPECT_TRUE(parse_event_format("jsonl", f));
  EXPECT_EQ(f, EventFormat::kJsonl);
  EXPECT_TRUE(parse_event_format("table", f));
  EXPECT_EQ(f, EventFormat::kTable);
  EXPECT_TRUE(parse_event_format("tsv", f));
  EXPECT_EQ(f, EventFormat::kTsv);
  EXPECT_TRUE(parse_event_format("gdelt", f));
  EXPECT_EQ(f, EventFormat::kGdelt);
  EXPECT_TRUE(parse_event_format("petrarch", f));
  EXPECT_EQ(f, EventFormat::kPetrarch);
  EXPECT_FALSE(parse_event_format("csv", f));
  EXPECT_FALSE(parse_event_format("JSONL", f));
  EXPECT_FALSE(parse_event_format("", f));
  EXPECT_EQ(f, EventFormat::kPetrarch);
}

TEST(SplitActorCode, Cases) {
  auto check = [](std::string_view code, std::string country, std::string sector) {
    const ActorParts p = split_actor_code(code);
    EXPECT_EQ(p.country, country) << code;
    EXPECT_EQ(p.sector, sector) << code;
  };
  check("RUSGOV", "RUS", "GOV");
  check("IGOCOPITP", "IGO", "COP");
  check("---GOV", "", "GOV");
  check("\"TEXT\"", "", "");
  check("USA", "USA", "");
  check("USAGOVMIL", "USA", "GOV");
  check("---", "", "");
  check("", "", "");
  check("NGO", "NGO", "");
  check("RUSGO", "RUS", "");
}

TEST(EventId, StableAndDistinct) {
  const Article a = make_article();
  const std::vector<Event> events = make_events();
  const std::string id = event_id(a, events[0]);
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(id, event_id(make_article(), make_events()[0]));
  // Every field matters.
  Event e = events[0];
  e.code = "112";
  EXPECT_NE(event_id(a, e), id);
  e = events[0];
  e.sentence_index = 1;
  EXPECT_NE(event_id(a, e), id);
  e = events[0];
  e.target.code = "USAGOV";
  EXPECT_NE(event_id(a, e), id);
  Article other = a;
  other.id = "story-2";
  EXPECT_NE(event_id(other, events[0]), id);
  // Moving bytes from one field to the next gives another id.
  Event x = events[0], y = events[0];
  x.source.code = "RUSGOV";
  x.target.code = "USA";
  y.source.code = "RUSGOVUSA";
  y.target.code = "";
  EXPECT_NE(event_id(a, x), event_id(a, y));
  // Words, pattern and issues are not part of the id.
  e = events[0];
  e.words = {1, 2};
  e.pattern = "x:1";
  e.issues.clear();
  EXPECT_EQ(event_id(a, e), id);
}

TEST(JsonlWriter, HeaderAndEvents) {
  const Article a = make_article();
  const std::vector<Event> events = make_events();
  uint64_t written = 0;
  const std::vector<std::string> out = lines(run(EventFormat::kJsonl, a, events, &written));
  ASSERT_EQ(out.size(), 1 + events.size());
  EXPECT_EQ(written, events.size());

  const json header = json::parse(out[0]);
  EXPECT_EQ(header["type"], "header");
  EXPECT_EQ(header["schema_version"], kEventSchemaVersion);
  EXPECT_EQ(header["dyad_version"], "0.1.0");
  EXPECT_EQ(header["model_checksum"], "0000000000abcdef");
  EXPECT_EQ(header["dictionary_hash"], "0123456789abcdef");
  EXPECT_EQ(header["dictionaries"], "dicts/phoenix");

  const json e0 = json::parse(out[1]);
  EXPECT_EQ(e0["type"], "event");
  EXPECT_EQ(e0["id"], event_id(a, events[0]));
  EXPECT_EQ(e0["article_id"], "story-1");
  EXPECT_EQ(e0["sentence_index"], 0);
  EXPECT_EQ(e0["story_date"], "2019-01-04");
  EXPECT_EQ(e0["date"], "2019-01-04");
  EXPECT_EQ(e0["source"]["code"], "RUSGOV");
  EXPECT_EQ(e0["source"]["country"], "RUS");
  EXPECT_EQ(e0["source"]["sector"], "GOV");
  EXPECT_EQ(e0["source"]["text"], "Russian Foreign Minister Sergey Lavrov");
  // "Café talks: " is 12 code points (13 bytes: é is two).
  EXPECT_EQ(e0["source"]["span"], json::array({12, 50}));
  EXPECT_EQ(e0["target"]["code"], "USA");
  EXPECT_EQ(e0["target"]["country"], "USA");
  EXPECT_TRUE(e0["target"]["sector"].is_null());
  EXPECT_EQ(e0["target"]["text"], "Washington");
  EXPECT_EQ(e0["target"]["span"], json::array({62, 72}));
  EXPECT_EQ(e0["cameo"], "111");
  EXPECT_EQ(e0["cameo_name"], "Criticize or denounce");
  EXPECT_EQ(e0["plover"], "ACCUSE");
  EXPECT_EQ(e0["plover_mode"], "disapprove");
  EXPECT_FALSE(e0.contains("plover_context"));
  EXPECT_EQ(e0["quad_class"], 3);
  EXPECT_EQ(e0["goldstein"], -2.0);
  EXPECT_EQ(e0["issues"], json::array({"DIPLOMACY"}));
  EXPECT_EQ(e0["event_text"], "criticized");
  EXPECT_EQ(e0["pattern"], "CAMEO.verbpatterns.txt:120");
  EXPECT_EQ(e0["pattern_text"], "- * WASHINGTON");
  EXPECT_EQ(e0["sentence"], kFirst);
  EXPECT_FALSE(e0.contains("reverse"));

  // 0431 is not in the table: no name or Goldstein, PLOVER from 043, quad from the root.
  const json e1 = json::parse(out[2]);
  EXPECT_EQ(e1["sentence_index"], 1);
  EXPECT_EQ(e1["cameo"], "0431");
  EXPECT_TRUE(e1["cameo_name"].is_null());
  EXPECT_TRUE(e1["goldstein"].is_null());
  EXPECT_EQ(e1["plover"], "CONSULT");
  EXPECT_EQ(e1["plover_mode"], "visit");
  EXPECT_EQ(e1["quad_class"], 1);
  EXPECT_EQ(e1["source"]["text"], "China");
  EXPECT_EQ(e1["target"]["text"], "東京 officials");
  // The second sentence starts after kFirst (83 code points) and "\n\n".
  const uint32_t second = static_cast<uint32_t>(utf8::length(kFirst)) + 2;
  EXPECT_EQ(e1["source"]["span"], json::array({second, second + 5}));
  EXPECT_EQ(e1["target"]["span"], json::array({second + 21, second + 33}));
  EXPECT_EQ(e1["event_text"], "hosted 東京 officials");
  EXPECT_TRUE(e1["pattern"].is_null());
  EXPECT_TRUE(e1["pattern_text"].is_null());
  EXPECT_EQ(e1["issues"], json::array());
  EXPECT_EQ(e1["sentence"], kSecond);
  EXPECT_EQ(e1["reverse"], true);
  EXPECT_NE(e1["id"], e0["id"]);

  // 010: PLOVER drops roots 01 and 02.
  const json e2 = json::parse(out[3]);
  EXPECT_EQ(e2["cameo_name"], "Make statement");
  EXPECT_TRUE(e2["plover"].is_null());
  EXPECT_FALSE(e2.contains("plover_mode"));
  EXPECT_EQ(e2["quad_class"], 1);
  EXPECT_EQ(e2["goldstein"], 0.0);
  EXPECT_NE(e2["id"], e0["id"]);

  // 174K (a validation-dictionary code): as given, no name, quad class from root 17.
  const json e3 = json::parse(out[4]);
  EXPECT_EQ(e3["cameo"], "174K");
  EXPECT_TRUE(e3["cameo_name"].is_null());
  EXPECT_TRUE(e3["goldstein"].is_null());
  EXPECT_EQ(e3["quad_class"], 4);
  EXPECT_EQ(e3["plover"], "COERCE");
  EXPECT_EQ(e3["plover_context"], "migration;legal");
  EXPECT_EQ(e3["source"]["country"], "IGO");
  EXPECT_EQ(e3["source"]["sector"], "COP");

  // A new actor with no words; an agent without a country.
  const json e4 = json::parse(out[5]);
  EXPECT_EQ(e4["source"]["code"], "\"TEXT\"");
  EXPECT_TRUE(e4["source"]["country"].is_null());
  EXPECT_TRUE(e4["source"]["sector"].is_null());
  EXPECT_TRUE(e4["source"]["text"].is_null());
  EXPECT_TRUE(e4["source"]["span"].is_null());
  EXPECT_TRUE(e4["target"]["country"].is_null());
  EXPECT_EQ(e4["target"]["sector"], "GOV");
}

TEST(JsonlWriter, UnknownDateBadCodesAndBadIndices) {
  Article a = make_article();
  a.story_date.clear();
  a.id = std::string("bad\xff", 4);  // invalid UTF-8 must not throw
  std::vector<Event> events;
  events.push_back(make_event(7, "USA", {0}, "RUS", {1}, "025?", {2}));      // no such sentence
  events.push_back(make_event(0, "USA", {99}, "RUS", {1}, "99", {100, 8}));  // no such word
  const std::vector<std::string> out = lines(run(EventFormat::kJsonl, a, events));
  ASSERT_EQ(out.size(), 3u);
  const json e0 = json::parse(out[1]);
  EXPECT_TRUE(e0["story_date"].is_null());
  EXPECT_TRUE(e0["date"].is_null());
  EXPECT_EQ(e0["article_id"], "bad\xEF\xBF\xBD");
  EXPECT_TRUE(e0["source"]["text"].is_null());
  EXPECT_TRUE(e0["sentence"].is_null());
  EXPECT_EQ(e0["event_text"], "");
  EXPECT_EQ(e0["cameo"], "025?");
  EXPECT_TRUE(e0["cameo_name"].is_null());
  EXPECT_TRUE(e0["plover"].is_null());  // nothing of 02 in the table
  EXPECT_EQ(e0["quad_class"], 1);
  const json e1 = json::parse(out[2]);
  EXPECT_TRUE(e1["source"]["text"].is_null());
  EXPECT_EQ(e1["target"]["text"], "talks");
  EXPECT_EQ(e1["event_text"], "criticized");
  EXPECT_TRUE(e1["quad_class"].is_null());  // 99 is no CAMEO root
  EXPECT_TRUE(e1["plover"].is_null());
}

TEST(JsonlWriter, EmptyCodebook) {
  const dict::CameoCodebook empty;
  std::ostringstream out;
  auto writer = make_event_writer(EventFormat::kJsonl, out, empty);
  writer->begin({});
  writer->write(make_article(), make_events());
  writer->end();
  const std::vector<std::string> l = lines(out.str());
  ASSERT_EQ(l.size(), 6u);
  const json e0 = json::parse(l[1]);
  EXPECT_TRUE(e0["cameo_name"].is_null());
  EXPECT_TRUE(e0["plover"].is_null());
  EXPECT_EQ(e0["quad_class"], 3);
}

// Display columns of `s` (no wide characters in the tested columns).
size_t columns(std::string_view s) { return utf8::length(s); }

// The bytes of `row` from display column `col` on (columns before it: no wide characters).
std::string_view from_column(std::string_view row, size_t col) {
  size_t b = 0;
  for (size_t cp = 0; cp < col && b < row.size(); ++cp) {
    ++b;
    while (b < row.size() && (static_cast<unsigned char>(row[b]) & 0xC0) == 0x80) ++b;
  }
  return row.substr(b);
}

TEST(TableWriter, AlignedAndClipped) {
  const Article a = make_article();
  std::vector<Event> events = make_events();
  events[1].words = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};  // longer than the column
  events[3].words = {4, 4, 4, 4};                            // duplicates collapse
  uint64_t written = 0;
  const std::string text = run(EventFormat::kTable, a, events, &written);
  EXPECT_TRUE(valid_utf8(text));
  const std::vector<std::string> out = lines(text);
  ASSERT_EQ(out.size(), 2 + events.size());
  EXPECT_EQ(written, events.size());
  EXPECT_EQ(out.back(), "5 events");
  // Every column starts where the header's does, after two spaces.
  const std::string& header = out[0];
  EXPECT_TRUE(header.starts_with("date        source        target        cameo  cameo name"));
  for (const char* name : {"source", "target", "cameo", "cameo name", "event text"}) {
    const size_t at = header.find(name);
    ASSERT_NE(at, std::string::npos) << name;
    const size_t col = columns(std::string_view(header).substr(0, at));
    for (size_t i = 1; i + 1 < out.size(); ++i) {
      const std::string_view before =
          std::string_view(out[i]).substr(0, out[i].size() - from_column(out[i], col).size());
      EXPECT_TRUE(before.ends_with("  ")) << name << " row " << i << ": " << out[i];
      EXPECT_FALSE(from_column(out[i], col).starts_with(" ")) << name << " row " << i << ": " << out[i];
    }
  }
  const size_t text_col = columns(std::string_view(header).substr(0, header.find("event text")));
  EXPECT_TRUE(out[1].starts_with("2019-01-04  RUSGOV        USA           111    Criticize or denounce "));
  EXPECT_EQ(from_column(out[1], text_col), "criticized");
  // 50 columns on a terminal (東京 and 北京 take two each): cut after "d", then "...".
  EXPECT_EQ(from_column(out[2], text_col), "China 's envoy hosted 東京 officials and 北京 d...");
  EXPECT_EQ(from_column(out[3], text_col - 32).substr(0, 14), "Make statement");
  // 174K has no name; its event text is one word.
  EXPECT_EQ(from_column(out[4], text_col - 32).substr(0, 2), "- ");
  EXPECT_EQ(from_column(out[4], text_col), "東京");
  EXPECT_TRUE(out[5].find("\"TEXT\"") != std::string::npos);
}

TEST(TableWriter, ClipsNamesSafely) {
  Article a = make_article();
  a.story_date.clear();
  std::vector<Event> events = {make_event(0, "RUSGOV", {3}, "USA", {9}, "174", {8})};
  const std::vector<std::string> out = lines(run(EventFormat::kTable, a, events));
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(valid_utf8(out[1]));
  const size_t text_col = columns(std::string_view(out[0]).substr(0, out[0].find("event text")));
  // "Expel or deport — expulsé et déporté" is 36 columns: 27 shown, then "...".
  EXPECT_TRUE(out[1].starts_with("-           RUSGOV")) << out[1];
  EXPECT_EQ(from_column(out[1], text_col - 32), "Expel or deport — expulsé e...  criticized");
  EXPECT_EQ(out.back(), "1 event");
}

TEST(TableWriter, NoEvents) {
  const std::vector<std::string> out = lines(run(EventFormat::kTable, make_article(), {}));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1], "0 events");
}

TEST(TsvWriter, HeaderAndColumns) {
  Article a = make_article();
  std::vector<Event> events = make_events();
  events[0].pattern = "file\twith tab:3";
  const std::vector<std::string> out = lines(run(EventFormat::kTsv, a, events));
  ASSERT_EQ(out.size(), 1 + events.size());
  const std::vector<std::string> header = fields(out[0]);
  const std::vector<std::string> expected = {
      "GLOBALEVENTID",     "SQLDATE",         "Actor1Code",          "Actor1Name",
      "Actor1CountryCode", "Actor1Type1Code", "Actor2Code",          "Actor2Name",
      "Actor2CountryCode", "Actor2Type1Code", "EventCode",           "EventBaseCode",
      "EventRootCode",     "QuadClass",       "GoldsteinScale",      "SOURCEURL",
      "Dyad_EventID",      "Dyad_ArticleID",  "Dyad_SentenceIndex",  "Dyad_PLOVER",
      "Dyad_Pattern",      "ActionGeo_Type",  "ActionGeo_FullName",  "ActionGeo_CountryCode",
      "ActionGeo_Lat",     "ActionGeo_Long",  "ActionGeo_FeatureID", "Dyad_ActionGeo_ADM1"};
  EXPECT_EQ(header, expected);
  for (size_t i = 1; i < out.size(); ++i) EXPECT_EQ(fields(out[i]).size(), header.size()) << out[i];
  const std::vector<std::string> r0 = fields(out[1]);
  EXPECT_EQ(r0[0], std::to_string(std::stoull(event_id(a, events[0]), nullptr, 16) & 0x7FFFFFFFFFFFFFFFULL));
  EXPECT_EQ(r0[1], "20190104");
  EXPECT_EQ(r0[2], "RUSGOV");
  EXPECT_EQ(r0[3], "Russian Foreign Minister Sergey Lavrov");
  EXPECT_EQ(r0[4], "RUS");
  EXPECT_EQ(r0[5], "GOV");
  EXPECT_EQ(r0[6], "USA");
  EXPECT_EQ(r0[7], "Washington");
  EXPECT_EQ(r0[8], "USA");
  EXPECT_EQ(r0[9], "");
  EXPECT_EQ(r0[10], "111");
  EXPECT_EQ(r0[11], "111");
  EXPECT_EQ(r0[12], "11");
  EXPECT_EQ(r0[13], "3");
  EXPECT_EQ(r0[14], "-2");
  EXPECT_EQ(r0[15], "story-1");  // no url: the article id
  EXPECT_EQ(r0[16], event_id(a, events[0]));
  EXPECT_EQ(r0[17], "story-1");
  EXPECT_EQ(r0[18], "0");
  EXPECT_EQ(r0[19], "ACCUSE");
  EXPECT_EQ(r0[20], "file with tab:3");
  for (size_t i = 21; i < 28; ++i) EXPECT_EQ(r0[i], "") << i;  // no place
  const std::vector<std::string> r1 = fields(out[2]);
  EXPECT_EQ(r1[10], "0431");
  EXPECT_EQ(r1[11], "043");
  EXPECT_EQ(r1[12], "04");
  EXPECT_EQ(r1[13], "1");
  EXPECT_EQ(r1[14], "");  // no Goldstein for 0431
  EXPECT_EQ(r1[19], "CONSULT");
  const std::vector<std::string> r2 = fields(out[3]);
  EXPECT_EQ(r2[14], "0");
  EXPECT_EQ(r2[19], "");  // 010: no PLOVER

  a.url = "https://example.org/a";
  EXPECT_EQ(fields(lines(run(EventFormat::kTsv, a, events))[1])[15], "https://example.org/a");
}

TEST(GdeltWriter, SixtyOneColumns) {
  Article a = make_article();
  a.url = "https://example.org/a";
  const std::vector<Event> events = make_events();
  uint64_t written = 0;
  const std::vector<std::string> out = lines(run(EventFormat::kGdelt, a, events, &written));
  ASSERT_EQ(out.size(), events.size());  // no header
  EXPECT_EQ(written, events.size());
  for (const std::string& line : out) EXPECT_EQ(fields(line).size(), 61u) << line;
  const std::vector<std::string> r = fields(out[0]);
  EXPECT_EQ(r[0], std::to_string(std::stoull(event_id(a, events[0]), nullptr, 16) & 0x7FFFFFFFFFFFFFFFULL));
  EXPECT_EQ(r[1], "20190104");
  EXPECT_EQ(r[2], "201901");
  EXPECT_EQ(r[3], "2019");
  EXPECT_EQ(r[4], "2019.0110");  // (0 * 30 + 4) / 365
  EXPECT_EQ(r[5], "RUSGOV");
  EXPECT_EQ(r[6], "Russian Foreign Minister Sergey Lavrov");
  EXPECT_EQ(r[7], "RUS");
  EXPECT_EQ(r[8], "");
  EXPECT_EQ(r[12], "GOV");
  EXPECT_EQ(r[15], "USA");
  EXPECT_EQ(r[16], "Washington");
  EXPECT_EQ(r[17], "USA");
  EXPECT_EQ(r[25], "1");  // the first sentence is the lead
  EXPECT_EQ(r[26], "111");
  EXPECT_EQ(r[27], "111");
  EXPECT_EQ(r[28], "11");
  EXPECT_EQ(r[29], "3");
  EXPECT_EQ(r[30], "-2");
  EXPECT_EQ(r[31], "1");
  EXPECT_EQ(r[32], "1");
  EXPECT_EQ(r[33], "1");
  for (size_t i = 34; i < 60; ++i) EXPECT_EQ(r[i], "") << i;
  EXPECT_EQ(r[60], "https://example.org/a");
  const std::vector<std::string> r1 = fields(out[1]);
  EXPECT_EQ(r1[25], "0");  // second paragraph
  // "IGOCOPITP": country IGO, types COP and ITP.
  const std::vector<std::string> r3 = fields(out[3]);
  EXPECT_EQ(r3[7], "IGO");
  EXPECT_EQ(r3[12], "COP");
  EXPECT_EQ(r3[13], "ITP");
  EXPECT_EQ(r3[14], "");
}

// Event 1 ("... in Geneva") in Genève, event 0 in Texas (a division without
// coordinates), event 3 in Syria (a country); the others have no place.
std::vector<Event> placed_events() {
  std::vector<Event> events = make_events();
  events[1].place = dyad::testing::geneva_place();
  events[0].place.name = "Texas";
  events[0].place.country = "USA";
  events[0].place.admin1 = "Texas";
  events[0].place.feature = "admin1";
  events[3].place.name = "Syria";
  events[3].place.country = "SYR";
  events[3].place.lat = 35;
  events[3].place.lon = 38;
  events[3].place.has_coordinates = true;
  events[3].place.feature = "country";
  return events;
}

TEST(EventWriters, ThePlaceInJsonl) {
  const std::vector<std::string> out = lines(run(EventFormat::kJsonl, make_article(), placed_events()));
  ASSERT_EQ(out.size(), 6u);
  const json geneva = json::parse(out[2])["place"];
  EXPECT_EQ(geneva,
            json::parse(R"({"name":"Genève","country":"CHE","admin1":"Genève","lat":46.2022,"lon":6.1457,)"
                        R"("geonameid":2660646,"feature":"seat"})"));
  // Unknown parts are null, not 0 or "": a division without coordinates, a country.
  const json texas = json::parse(out[1])["place"];
  EXPECT_EQ(texas["name"], "Texas");
  EXPECT_TRUE(texas["lat"].is_null());
  EXPECT_TRUE(texas["lon"].is_null());
  EXPECT_TRUE(texas["geonameid"].is_null());
  EXPECT_EQ(texas["feature"], "admin1");
  const json syria = json::parse(out[4])["place"];
  EXPECT_TRUE(syria["admin1"].is_null());
  EXPECT_EQ(syria["lat"], 35.0);
  // No place: "place" is null (and present, as the other unknown fields are).
  const json none = json::parse(out[3]);
  ASSERT_TRUE(none.contains("place"));
  EXPECT_TRUE(none["place"].is_null());
}

TEST(EventWriters, ThePlaceInTsvAndGdelt) {
  const Article a = make_article();
  const std::vector<Event> events = placed_events();
  const std::vector<std::string> tsv = lines(run(EventFormat::kTsv, a, events));
  ASSERT_EQ(tsv.size(), 6u);
  // ActionGeo_Type .. Dyad_ActionGeo_ADM1, columns 21-27 of tsv. Types as GDELT's: 4 a
  // city outside the US, 2 a US state, 1 a country.
  auto place_columns = [](const std::string& line) {
    const std::vector<std::string> f = fields(line);
    return std::vector<std::string>(f.begin() + 21, f.end());
  };
  EXPECT_EQ(place_columns(tsv[2]),
            (std::vector<std::string>{"4", "Genève, CHE", "CHE", "46.2022", "6.1457", "2660646", "Genève"}));
  EXPECT_EQ(place_columns(tsv[1]), (std::vector<std::string>{"2", "Texas, USA", "USA", "", "", "", "Texas"}));
  EXPECT_EQ(place_columns(tsv[4]), (std::vector<std::string>{"1", "Syria", "SYR", "35", "38", "", ""}));
  EXPECT_EQ(place_columns(tsv[3]), (std::vector<std::string>{"", "", "", "", "", "", ""}));

  const std::vector<std::string> gdelt = lines(run(EventFormat::kGdelt, a, events));
  ASSERT_EQ(gdelt.size(), 5u);
  const std::vector<std::string> r = fields(gdelt[1]);
  ASSERT_EQ(r.size(), 61u);
  // Columns 52-59: ActionGeo_Type, FullName, CountryCode, ADM1Code (no FIPS code: empty),
  // ADM2Code, Lat, Long, FeatureID.
  EXPECT_EQ(std::vector<std::string>(r.begin() + 51, r.begin() + 59),
            (std::vector<std::string>{"4", "Genève, CHE", "CHE", "", "", "46.2022", "6.1457", "2660646"}));
  for (size_t i = 34; i < 51; ++i) EXPECT_EQ(r[i], "") << i;  // tone and the actors' places
  const std::vector<std::string> none = fields(gdelt[2]);
  for (size_t i = 51; i < 59; ++i) EXPECT_EQ(none[i], "") << i;
}

TEST(PetrarchWriter, Columns) {
  Article a = make_article();
  std::vector<Event> events = make_events();
  // A repeat of event 0 in another sentence merges with it (one line per story).
  events.push_back(events[0]);
  events.back().sentence_index = 1;
  events.back().issues = {"DIPLOMACY", "SECURITY"};
  uint64_t written = 0;
  const std::vector<std::string> out = lines(run(EventFormat::kPetrarch, a, events, &written));
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(written, 5u);
  const std::vector<std::string> r0 = fields(out[0]);
  EXPECT_EQ(r0, (std::vector<std::string>{"20190104", "RUSGOV", "USA", "111", "DIPLOMACY,2;SECURITY,1",
                                          "story-1_0;story-1_1", "AFP"}));
  const std::vector<std::string> r1 = fields(out[1]);
  EXPECT_EQ(r1, (std::vector<std::string>{"20190104", "CHN", "JPNGOV", "0431", "", "story-1_1", "AFP"}));
  EXPECT_EQ(fields(out[4])[1], "\"TEXT\"");

  a.url = "https://example.org/a";
  a.source.clear();
  const std::vector<std::string> with_url = fields(lines(run(EventFormat::kPetrarch, a, events))[1]);
  EXPECT_EQ(with_url, (std::vector<std::string>{"20190104", "CHN", "JPNGOV", "0431", "", "story-1_1",
                                                "https://example.org/a", "NULL"}));
}

// Event dates from the document stage (doc/event_date.h): the resolved date by its
// precision, the expression's text, and the story date where none was resolved.
TEST(EventWriters, EventDates) {
  Article a = make_article();  // story date 2019-01-04; sentence 0 ends "on Monday."
  std::vector<Event> events = make_events();
  events[0].date = 20181231;  // "on Monday" before Friday 2019-01-04
  events[0].date_precision = DatePrecision::kDay;
  events[0].date_words = {11};
  events[1].date = 20181200;
  events[1].date_precision = DatePrecision::kMonth;
  events[2].date = 20180000;
  events[2].date_precision = DatePrecision::kYear;
  events[3].date = 20190230;  // not a day: the story date is written instead
  events[3].date_precision = DatePrecision::kDay;

  const std::vector<std::string> jsonl = lines(run(EventFormat::kJsonl, a, events));
  ASSERT_EQ(jsonl.size(), 1 + events.size());
  EXPECT_EQ(json::parse(jsonl[0])["schema_version"], 2);
  const json e0 = json::parse(jsonl[1]), e1 = json::parse(jsonl[2]), e2 = json::parse(jsonl[3]),
             e3 = json::parse(jsonl[4]);
  EXPECT_EQ(e0["story_date"], "2019-01-04");
  EXPECT_EQ(e0["date"], "2018-12-31");
  EXPECT_EQ(e0["date_precision"], "day");
  EXPECT_EQ(e0["date_text"], "Monday");
  EXPECT_EQ(e1["date"], "2018-12");
  EXPECT_EQ(e1["date_precision"], "month");
  EXPECT_TRUE(e1["date_text"].is_null());
  EXPECT_EQ(e2["date"], "2018");
  EXPECT_EQ(e2["date_precision"], "year");
  EXPECT_EQ(e3["date"], "2019-01-04");
  EXPECT_EQ(e3["date_precision"], "day");

  const std::vector<std::string> gdelt = lines(run(EventFormat::kGdelt, a, events));
  EXPECT_EQ(fields(gdelt[0])[1], "20181231");
  EXPECT_EQ(fields(gdelt[0])[4], "2018.9890");  // 2018 + (11 * 30 + 31) / 365
  EXPECT_EQ(fields(gdelt[1])[1], "20181200");
  EXPECT_EQ(fields(gdelt[1])[2], "201812");
  EXPECT_EQ(fields(gdelt[1])[3], "2018");
  EXPECT_EQ(fields(gdelt[1])[4], "");  // no FractionDate without a day
  EXPECT_EQ(fields(gdelt[2])[1], "20180000");
  EXPECT_EQ(fields(gdelt[3])[1], "20190104");
  EXPECT_EQ(fields(lines(run(EventFormat::kTsv, a, events))[1])[1], "20181231");
  EXPECT_TRUE(lines(run(EventFormat::kTable, a, events))[2].starts_with("2018-12     "));
  // PETRARCH's lines keep the story date.
  EXPECT_EQ(fields(lines(run(EventFormat::kPetrarch, a, events))[0])[0], "20190104");
}

}  // namespace
}  // namespace dyad::store
