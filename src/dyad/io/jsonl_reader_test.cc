#include "dyad/io/jsonl_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dyad/io/read_for_test.h"

namespace dyad::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::read_with;

TEST(JsonlReader, ReadsFieldsAndKeepsUnknownOnes) {
  const std::string data =
      R"({"id":"a1","date":"2019-01-04T10:00:00Z","title":"T","text":"Body.","source":"AFP","url":"http://x","lang":"en","tags":[1,2]})"
      "\n\n"
      R"({"id":42,"date":"2019-01-05","text":"Second."})"
      "\r\n"
      R"({"text":"No id, no date.","date":null})";
  auto r = read_with(InputFormat::kJsonl, data);
  EXPECT_TRUE(r.messages().empty());
  ASSERT_EQ(r.articles.size(), 3u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.story_date, "2019-01-04");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.text, "Body.");
  EXPECT_EQ(a.source, "AFP");
  EXPECT_EQ(a.url, "http://x");
  EXPECT_EQ(a.extra["lang"], "en");
  EXPECT_EQ(a.extra["tags"], nlohmann::json::parse("[1,2]"));
  EXPECT_EQ(a.origin.str(), "t:1");
  EXPECT_EQ(r.articles[1].id, "42");
  EXPECT_EQ(r.articles[1].origin.line, 3u);
  EXPECT_EQ(r.articles[2].id, "");  // generated later, by ArticleStream
  EXPECT_EQ(r.articles[2].origin.line, 4u);
  EXPECT_EQ(r.stats.records, 3u);
}

TEST(JsonlReader, TruncatedJsonIsReportedWithItsLineAndSkipped) {
  const std::string data = R"({"id":"1","text":"Good."})"
                           "\n"
                           R"({"id":"2","text":"Cut off in the mid)"
                           "\n"
                           R"({"id":"3","text":"Good too."})"
                           "\n";
  auto r = read_with(InputFormat::kJsonl, data);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "1");
  EXPECT_EQ(r.articles[1].id, "3");
  ASSERT_EQ(r.messages().size(), 1u);
  EXPECT_THAT(r.messages()[0], HasSubstr("t:2: error: invalid JSON: "));
  EXPECT_THAT(r.messages()[0], HasSubstr("each line must be one complete JSON object; record skipped"));
  EXPECT_EQ(r.stats.records, 3u);
  EXPECT_EQ(r.stats.skipped, 1u);
}

TEST(JsonlReader, ImpossibleDateWrongTypesAndNonObjects) {
  const std::string data = R"({"id":"1","date":"2019-02-30","text":"x"})"
                           "\n"
                           R"({"id":"2","text":["not","a","string"]})"
                           "\n"
                           R"(["an","array"])"
                           "\n"
                           R"({"id":"4","date":"yesterday","text":"x"})"
                           "\n"
                           R"({"id":"5","text":"Fine."})"
                           "\n";
  auto r = read_with(InputFormat::kJsonl, data);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "5");
  EXPECT_THAT(
      r.messages(),
      ElementsAre("t:1: error: bad \"date\" \"2019-02-30\": day 30 does not exist in 2019-02; record skipped",
                  "t:2: error: field \"text\" must be a string, not a JSON array; record skipped",
                  HasSubstr("t:3: error: expected a JSON object {\"text\": ...}, found a JSON array"),
                  HasSubstr("t:4: error: bad \"date\" \"yesterday\": expected an ISO 8601 date")));
  EXPECT_EQ(r.stats.skipped, 4u);
}

TEST(JsonlReader, PrettyPrintedJsonGetsAHint) {
  auto r = read_with(InputFormat::kJsonl, "{\n  \"text\": \"x\"\n}\n");
  EXPECT_TRUE(r.articles.empty());
  ASSERT_FALSE(r.messages().empty());
  EXPECT_THAT(r.messages()[0], HasSubstr("t:1: error: invalid JSON"));
  EXPECT_THAT(r.messages()[0], HasSubstr("pretty-printed JSON document; write one JSON object per line"));
}

TEST(JsonlReader, InvalidUtf8InsideStringsIsRepairedNotFatal) {
  auto r = read_with(InputFormat::kJsonl, "{\"text\":\"caf\xE9 \xFF\xFE ok\"}\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, "caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD ok");
  EXPECT_EQ(r.articles[0].invalid_utf8, 3u);
  EXPECT_TRUE(r.messages().empty());  // the warning is ArticleStream's
}

TEST(JsonlReader, OverlongLineIsRejectedWithoutHoldingIt) {
  ReadOptions options;
  options.max_record_bytes = 100;
  const std::string data = "{\"text\":\"" + std::string(10000, 'a') + "\"}\n{\"text\":\"short\"}\n";
  auto r = read_with(InputFormat::kJsonl, data, options);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, "short");
  EXPECT_EQ(r.articles[0].origin.line, 2u);
  EXPECT_THAT(r.messages(),
              ElementsAre("t:1: error: line is longer than 100 bytes; record skipped (is this really "
                          "JSON Lines?)"));
}

}  // namespace
}  // namespace dyad::io
