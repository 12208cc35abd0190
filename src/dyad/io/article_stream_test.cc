#include "dyad/io/article_stream.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <random>
#include <sstream>

#include "dyad/io/article_id.h"
#include "dyad/io/read_for_test.h"
#include "test_support.h"

namespace dyad::io {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::TempDir;

const std::string kEnglish =
    "Rebels seized the town on Monday and the army withdrew to the capital, officials said. The United "
    "Nations "
    "said it was concerned about the fighting in the region.";
const std::string kFrench =
    "Le président de la République a annoncé mardi une série de mesures pour soutenir les entreprises "
    "touchées "
    "par la crise. Selon le gouvernement, ces mesures devraient permettre de sauver des milliers d'emplois.";

struct StreamResult {
  std::vector<Article> articles;
  std::vector<std::string> messages;
  ReadStats stats;
  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const auto& a : articles) out.push_back(a.id);
    return out;
  }
};

StreamResult read_all(std::vector<std::string> paths, ReadOptions options = {}) {
  StreamResult r;
  Diagnostics diags([&](const Diagnostic& d) { r.messages.push_back(d.str()); });
  ArticleStream stream(std::move(paths), options, diags);
  Article a;
  while (stream.next(a)) r.articles.push_back(a);
  r.stats = stream.stats();
  return r;
}

std::string jsonl(const std::string& id, const std::string& text) {
  return nlohmann::json{{"id", id}, {"text", text}}.dump() + "\n";
}

TEST(ArticleStream, ParseInputFormat) {
  InputFormat f;
  ASSERT_TRUE(parse_input_format("jsonl", f));
  EXPECT_EQ(f, InputFormat::kJsonl);
  ASSERT_TRUE(parse_input_format("petrarch", f));
  EXPECT_EQ(f, InputFormat::kPetrarch);
  ASSERT_TRUE(parse_input_format("auto", f));
  EXPECT_EQ(f, InputFormat::kAuto);
  EXPECT_FALSE(parse_input_format("pdf", f));
  EXPECT_STREQ(input_format_name(InputFormat::kCsv), "csv");
  EXPECT_STREQ(input_format_name(InputFormat::kText), "text");
}

// The acceptance test for bad input: every kind of broken record is reported as
// file:line, skipped and counted, and every good record still comes out.
TEST(ArticleStream, BadInputIsReportedSkippedAndTheGoodRecordsSurvive) {
  TempDir dir;
  const std::string jsonl_path =
      dir.write("a.jsonl", jsonl("j1", kEnglish) + "{\"id\":\"j2\",\"text\":\"The talks were cut sh\n" +
                               jsonl("j3", kEnglish) + jsonl("j4", kFrench) + jsonl("j5", "") +
                               "{\"id\":\"j6\",\"text\":\"" + kEnglish + " caf\xE9\xFF.\"}\n" +
                               "{\"id\":\"j7\",\"date\":\"2019-02-30\",\"text\":\"x\"}\n");
  const std::string csv_path =
      dir.write("b.csv", "id,text\nc1,\"" + kEnglish + "\"\nc2,\"He said \"no\" twice.\"\nc3,\"" + kEnglish +
                             "\"\nc4,\"" + kEnglish + "\nc5,\"" + kEnglish + "\"\n");
  std::string garbage;
  std::mt19937 rng(7);
  for (int i = 0; i < 100000; ++i) garbage.push_back(static_cast<char>(rng() & 0xFF));
  const std::string bin_path = dir.write("c.txt", garbage);
  std::string high_garbage;  // no NUL bytes, so it is read, and fails the English test
  for (int i = 0; i < 3000; ++i)
    high_garbage.push_back(static_cast<char>(0x80 | (rng() & 0x3F)));  // lone continuation bytes
  const std::string high_path = dir.write("d.txt", high_garbage);
  const std::string empty_path = dir.write("e.txt", "");

  const auto r = read_all({dir.path().string()});
  EXPECT_THAT(r.ids(), ElementsAre("j1", "j3", "j6", "c1", "c3", "c5"));
  const std::string a = jsonl_path, b = csv_path;
  EXPECT_THAT(
      r.messages,
      ElementsAre(
          HasSubstr(a + ":2: error: invalid JSON: "),
          HasSubstr(a + ":4: warning: skipped: the text does not look like English"),
          a + ":5: error: no text: the article body (\"text\") is missing or empty; record skipped",
          a + ":6: warning: 2 invalid UTF-8 bytes replaced by U+FFFD; the input should be UTF-8 "
              "(convert it, e.g. with iconv)",
          a + ":7: error: bad \"date\" \"2019-02-30\": day 30 does not exist in 2019-02; record "
              "skipped",
          HasSubstr(b + ":3: error: broken CSV quoting: on line 3 a closing quote is followed by 'n'"),
          HasSubstr(b + ":5: error: broken CSV quoting: on line 6 a closing quote is followed by 'R'"),
          bin_path + ": error: not text: the file contains NUL bytes (binary data, or UTF-16); "
                     "convert it to UTF-8 text; file skipped",
          high_path + ":1: warning: 3000 invalid UTF-8 bytes replaced by U+FFFD; the input should "
                      "be UTF-8 (convert it, e.g. with iconv)",
          HasSubstr(high_path + ":1: warning: skipped: the text does not look like English"),
          empty_path + ": warning: empty file: nothing to read"));
  EXPECT_EQ(r.articles[2].invalid_utf8, 2u);
  EXPECT_THAT(r.articles[2].text, HasSubstr("caf\xEF\xBF\xBD\xEF\xBF\xBD."));
  // records: 7 JSONL + 5 CSV + 1 binary file + 1 garbage text; the empty file has none.
  EXPECT_EQ(r.stats.records, 14u);
  EXPECT_EQ(r.stats.skipped, 8u);
  EXPECT_EQ(r.stats.non_english, 2u);
  EXPECT_EQ(r.stats.files, 5u);
}

TEST(ArticleStream, FiftyMegabyteLineIsReadInLinearTime) {
  TempDir dir;
  std::string sentence = "The minister said that the talks with the rebels would go on in the capital. ";
  std::string body;
  body.reserve(size_t{50} << 20);
  while (body.size() < (size_t{50} << 20)) body += sentence;
  const std::string path = dir.write(
      "big.jsonl", nlohmann::json{{"id", "big"}, {"text", body}}.dump() + "\n" + jsonl("after", kEnglish));
  body.clear();
  body.shrink_to_fit();
  const auto start = std::chrono::steady_clock::now();
  const auto r = read_all({path});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_THAT(r.ids(), ElementsAre("big", "after"));
  EXPECT_GE(r.articles[0].text.size(), size_t{50} << 20);
  EXPECT_THAT(r.messages, IsEmpty());
  EXPECT_LT(seconds, 60.0) << "reading one 50 MB line should take about a second, not minutes";
}

TEST(ArticleStream, RecordOverTheCapIsRejectedWithAClearMessage) {
  TempDir dir;
  const std::string path =
      dir.write("big.jsonl", "{\"text\":\"" + std::string(3 << 20, 'a') + "\"}\n" + jsonl("after", kEnglish));
  ReadOptions options;
  options.max_record_bytes = 1 << 20;
  const auto r = read_all({path}, options);
  EXPECT_THAT(r.ids(), ElementsAre("after"));
  EXPECT_THAT(r.messages,
              ElementsAre(path + ":1: error: line is longer than 1.0 MB; record skipped (is this really "
                                 "JSON Lines?)"));
  EXPECT_EQ(r.stats.skipped, 1u);
}

TEST(ArticleStream, WalksDirectoriesInSortedOrderAndSkipsNonInput) {
  TempDir dir;
  dir.write("b/2.txt", "Second\n\n" + kEnglish);
  dir.write("b/1.txt", "First\n\n" + kEnglish);
  dir.write("a.jsonl", jsonl("a", kEnglish));
  dir.write("c/d/e.csv", "id,text\ne,\"" + kEnglish + "\"\n");
  dir.write(".hidden.txt", kEnglish);
  dir.write(".git/x.txt", kEnglish);
  dir.write("README.md", "# Read me\n");  // a directory's own notes: skipped silently
  dir.write("LICENSE", "Permission is hereby granted...\n");
  const std::string notes = dir.write("notes.rtf", "{\\rtf1 notes}\n");
  const std::string page = dir.write("p.HTML", "<html><body><p>" + kEnglish + "</p></body></html>");
  const std::string petr = dir.write("s.xml", "<Sentences><Sentence id=\"s1\" date=\"20080804\"><Text>" +
                                                  kEnglish + "</Text></Sentence></Sentences>");
  ReadOptions options;
  options.default_date = "2020-01-01";
  const auto r = read_all({dir.path().string()}, options);
  ASSERT_EQ(r.articles.size(), 6u);
  EXPECT_EQ(r.articles[0].id, "a");
  EXPECT_EQ(r.articles[1].title, "First");
  EXPECT_EQ(r.articles[2].title, "Second");
  EXPECT_EQ(r.articles[3].id, "e");
  EXPECT_EQ(r.articles[4].origin.file, page);
  EXPECT_EQ(r.articles[5].id, "s1");
  EXPECT_EQ(r.articles[5].story_date, "2008-08-04");  // its own date wins
  EXPECT_EQ(r.articles[0].story_date, "2020-01-01");  // the default for the others
  EXPECT_EQ(r.articles[1].id, make_article_id("", "First", kEnglish));
  EXPECT_THAT(r.messages,
              ElementsAre(notes + ": warning: skipped: not a known input file (.txt .jsonl .json "
                                  ".ndjson .csv .html .htm .xml); name it so, or pass it by name"));
  EXPECT_EQ(r.stats.files, 6u);
}

TEST(ArticleStream, NamedFileWithoutExtensionIsDetectedByContent) {
  TempDir dir;
  const std::string a = dir.write("NEWS", jsonl("x1", kEnglish) + jsonl("x2", kEnglish));
  const std::string b =
      dir.write("SENTENCES", "<?xml version=\"1.0\"?>\n<Sentences>\n<Sentence id=\"p1\"><Text>" + kEnglish +
                                 "</Text></Sentence></Sentences>");
  const std::string c = dir.write("TABLE", "title,text\nT,\"" + kEnglish + "\"\n");
  const std::string d =
      dir.write("PAGE", "<!DOCTYPE html><html><body><article><p>" + kEnglish + "</p></article>");
  const std::string e = dir.write("PLAIN", kEnglish);
  const auto r = read_all({a, b, c, d, e});
  ASSERT_EQ(r.articles.size(), 6u);
  EXPECT_EQ(r.articles[0].id, "x1");
  EXPECT_EQ(r.articles[2].id, "p1");
  EXPECT_EQ(r.articles[3].title, "T");
  EXPECT_EQ(r.articles[4].text, kEnglish);
  EXPECT_EQ(r.articles[5].text, kEnglish);
  EXPECT_THAT(r.messages, IsEmpty());
}

TEST(ArticleStream, ExplicitFormatOverridesTheExtension) {
  TempDir dir;
  const std::string a = dir.write("news.txt", jsonl("x1", kEnglish));
  ReadOptions options;
  options.format = InputFormat::kJsonl;
  const auto r = read_all({a}, options);
  EXPECT_THAT(r.ids(), ElementsAre("x1"));
}

TEST(ArticleStream, MissingPathIsAnErrorAndTheOthersAreRead) {
  TempDir dir;
  const std::string good = dir.write("a.txt", kEnglish);
  const std::string missing = (dir.path() / "nope.jsonl").string();
  const auto r = read_all({missing, good});
  EXPECT_EQ(r.articles.size(), 1u);
  EXPECT_THAT(r.messages, ElementsAre(missing + ": error: cannot read: no such file or directory"));
}

TEST(ArticleStream, FileWithNoArticlesIsWarnedAbout) {
  TempDir dir;
  const std::string a = dir.write("blank.jsonl", "\n\n  \n");
  const auto r = read_all({a});
  EXPECT_TRUE(r.articles.empty());
  EXPECT_THAT(r.messages, ElementsAre(a + ": warning: no articles found in this input"));
}

TEST(ArticleStream, ReadsStandardInputWhenNoPathOrDash) {
  for (const std::vector<std::string>& paths : {std::vector<std::string>{}, std::vector<std::string>{"-"}}) {
    std::istringstream fake(jsonl("s1", kEnglish) + "{broken\n" + jsonl("s2", kEnglish));
    std::streambuf* saved = std::cin.rdbuf(fake.rdbuf());
    const auto r = read_all(paths);
    std::cin.rdbuf(saved);
    std::cin.clear();
    EXPECT_THAT(r.ids(), ElementsAre("s1", "s2"));
    ASSERT_EQ(r.messages.size(), 1u);
    EXPECT_THAT(r.messages[0], HasSubstr("-:2: error: invalid JSON"));
  }
}

TEST(ArticleStream, GeneratedIdsAreStable) {
  TempDir dir;
  const std::string a =
      dir.write("a.jsonl", nlohmann::json{{"source", "AFP"}, {"title", "T"}, {"text", kEnglish}}.dump());
  const auto r1 = read_all({a});
  const auto r2 = read_all({a});
  ASSERT_EQ(r1.articles.size(), 1u);
  EXPECT_EQ(r1.articles[0].id, make_article_id("AFP", "T", kEnglish));
  EXPECT_EQ(r1.articles[0].id, r2.articles[0].id);
  EXPECT_EQ(r1.articles[0].id.size(), 16u);
}

// Independent count, from the shell:
//   python3 -c "import csv; print(len(list(csv.DictReader(open(F, newline='', encoding='utf-8')))))"
// gives 171 for wikinews_2019.csv and 124 for wikinews_2020.csv (none has an empty text).
TEST(ArticleStream, ReadsTheWikinewsCsvFiles) {
  DYAD_REQUIRE_SHARED("news/wikinews/wikinews_2019.csv", csv2019);
  DYAD_REQUIRE_SHARED("news/wikinews/wikinews_2020.csv", csv2020);
  const auto r2019 = read_all({csv2019.string()});
  EXPECT_EQ(r2019.articles.size(), 171u);
  EXPECT_EQ(r2019.stats.records, 171u);
  EXPECT_EQ(r2019.stats.skipped, 0u);
  EXPECT_THAT(r2019.messages, IsEmpty());
  ASSERT_FALSE(r2019.articles.empty());
  EXPECT_EQ(r2019.articles[0].title,
            "Magnitogorsk apartment building collapses after explosion, dozens dead");
  EXPECT_EQ(r2019.articles[0].story_date, "2019-01-04");
  EXPECT_EQ(r2019.articles[0].origin.line, 2u);
  EXPECT_THAT(r2019.articles[0].text,
              HasSubstr("of \"presumably between 36 and 40 people under the rubble\", while"));
  const auto r2020 = read_all({csv2020.string()});
  EXPECT_EQ(r2020.articles.size(), 124u);
  EXPECT_EQ(r2020.stats.skipped, 0u);
  EXPECT_THAT(r2020.messages, IsEmpty());
}

}  // namespace
}  // namespace dyad::io
