#include "dyad/io/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dyad/io/read_for_test.h"

namespace dyad::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::read_with;

TEST(CsvReader, ReadsQuotedMultilineFieldsAndEscapes) {
  const std::string csv =
      "url,date,title,text,section\r\n"
      "http://a,2019-01-04,\"Blast, dozens dead\",\"First line.\r\n\r\nHe said \"\"no\"\".\",world\r\n"
      "http://b,,Plain,Unquoted text here,\r\n";
  auto r = read_with(InputFormat::kCsv, csv);
  EXPECT_THAT(r.messages(), ElementsAre());
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.url, "http://a");
  EXPECT_EQ(a.story_date, "2019-01-04");
  EXPECT_EQ(a.title, "Blast, dozens dead");
  EXPECT_EQ(a.text, "First line.\r\n\r\nHe said \"no\".");
  EXPECT_EQ(a.extra["section"], "world");
  EXPECT_EQ(a.origin.str(), "t:2");
  EXPECT_EQ(r.articles[1].origin.str(), "t:5");  // the line its first byte is on
  EXPECT_EQ(r.articles[1].story_date, "");
  EXPECT_EQ(r.articles[1].text, "Unquoted text here");
  EXPECT_EQ(r.stats.records, 2u);
  EXPECT_EQ(r.stats.skipped, 0u);
}

TEST(CsvReader, StrayQuoteInsideQuotedFieldIsReportedAndTheRestIsRead) {
  const std::string csv =
      "id,text\n"
      "1,\"Good one.\"\n"
      "2,\"He said \"hi\" to me.\"\n"
      "3,\"Good three.\"\n";
  auto r = read_with(InputFormat::kCsv, csv);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "1");
  EXPECT_EQ(r.articles[1].id, "3");
  EXPECT_EQ(r.articles[1].origin.line, 4u);
  EXPECT_THAT(r.messages(),
              ElementsAre("t:3: error: broken CSV quoting: on line 3 a closing quote is followed by "
                          "'h' instead of a comma or line end; a quote inside a quoted field must "
                          "be doubled (\"\"); record skipped"));
  EXPECT_EQ(r.stats.records, 3u);
  EXPECT_EQ(r.stats.skipped, 1u);
}

TEST(CsvReader, UnterminatedQuoteDoesNotSwallowTheRestOfTheFile) {
  const std::string csv =
      "id,text\n"
      "1,\"Good one.\"\n"
      "2,\"This quote is never closed.\n"
      "3,Good three.\n"
      "4,Good four.\n";
  auto r = read_with(InputFormat::kCsv, csv);
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].id, "1");
  EXPECT_EQ(r.articles[1].id, "3");
  EXPECT_EQ(r.articles[1].origin.line, 4u);
  EXPECT_EQ(r.articles[2].id, "4");
  ASSERT_EQ(r.diags.collected().size(), 1u);
  EXPECT_EQ(
      r.messages()[0],
      "t:3: error: unterminated quoted field: the quote opened on line 3 is never closed before the end of "
      "the file; this record is skipped and reading goes on at line 4; escape quotes inside fields as \"\"");
  EXPECT_EQ(r.stats.skipped, 1u);
}

TEST(CsvReader, UnterminatedQuoteRunningIntoTheNextQuotedRecord) {
  const std::string csv =
      "id,text\n"
      "1,\"Opened here\n"
      "2,\"Good two.\"\n";
  auto r = read_with(InputFormat::kCsv, csv);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "2");
  EXPECT_EQ(r.articles[0].text, "Good two.");
  ASSERT_EQ(r.diags.collected().size(), 1u);
  EXPECT_THAT(r.messages()[0], HasSubstr("t:2: error: broken CSV quoting: on line 3"));
}

TEST(CsvReader, RunawayQuoteFollowedByAnotherOne) {
  const std::string csv =
      "id,text\n"
      "1,\"a\n"
      "2,b\n"
      "3,\"c\n"
      "4,d\n";
  auto r = read_with(InputFormat::kCsv, csv);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "2");
  EXPECT_EQ(r.articles[1].id, "4");
  EXPECT_THAT(
      r.messages(),
      ElementsAre(HasSubstr("t:2: error: broken CSV quoting: on line 4 a closing quote is followed by 'c'"),
                  HasSubstr("t:4: error: unterminated quoted field: the quote opened on line 4 is never "
                            "closed before the end of the file")));
}

TEST(CsvReader, WrongFieldCountBadDateAndEmptyLines) {
  const std::string csv =
      "id,date,text\n"
      "\n"
      "1,2019-02-30,Bad date.\n"
      "2,2019-03-01,Too,many\n"
      "3,2019-03-02\n"
      "4,2019-03-03,Fine.\n";
  auto r = read_with(InputFormat::kCsv, csv);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "4");
  EXPECT_EQ(r.articles[0].origin.line, 6u);
  EXPECT_THAT(
      r.messages(),
      ElementsAre("t:3: error: bad date '2019-02-30' in column 'date': day 30 does not exist in 2019-02; "
                  "fix it or leave it empty",
                  HasSubstr("t:4: error: CSV record has 4 fields but the header has 3 columns"),
                  HasSubstr("t:5: error: CSV record has 2 fields but the header has 3 columns")));
  EXPECT_EQ(r.stats.records, 4u);
  EXPECT_EQ(r.stats.skipped, 3u);
}

TEST(CsvReader, HeaderWithoutTextColumnSkipsTheFile) {
  auto r = read_with(InputFormat::kCsv, "id,body\n1,Some body.\n");
  EXPECT_TRUE(r.articles.empty());
  EXPECT_THAT(r.messages(),
              ElementsAre(HasSubstr("t:1: error: CSV header has no 'text' column (columns: id, body)")));
}

TEST(CsvReader, RecordOverTheSizeLimitIsRejectedAndReadingGoesOn) {
  ReadOptions options;
  options.max_record_bytes = 1000;
  const std::string csv = "id,text\n1,\"" + std::string(5000, 'x') + "\"\n2,Small.\n3," +
                          std::string(3000, 'y') + "\n4,Small too.\n";
  auto r = read_with(InputFormat::kCsv, csv, options);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "2");
  EXPECT_EQ(r.articles[1].id, "4");
  EXPECT_THAT(
      r.messages(),
      ElementsAre("t:2: error: CSV record is larger than 1000 bytes (is the quote opened on line 2 never "
                  "closed?); record skipped",
                  "t:4: error: CSV record is larger than 1000 bytes; record skipped"));
}

TEST(CsvReader, InvalidUtf8IsReplacedAndCounted) {
  auto r = read_with(InputFormat::kCsv, "id,text\n1,caf\xE9 au lait\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, "caf\xEF\xBF\xBD au lait");
  EXPECT_EQ(r.articles[0].invalid_utf8, 1u);
}

TEST(CsvReader, LastRecordWithoutNewline) {
  auto r = read_with(InputFormat::kCsv, "text,id\n\"A quoted body\",7");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "7");
  EXPECT_TRUE(r.messages().empty());
}

}  // namespace
}  // namespace dyad::io
