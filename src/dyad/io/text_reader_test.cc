#include "dyad/io/text_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dyad/io/read_for_test.h"

namespace dyad::io {
namespace {

using testing::read_with;

TEST(TextReader, FirstLineIsTheHeadlineWhenABlankLineFollows) {
  auto r = read_with(InputFormat::kText,
                     "Rebels seize town\r\n\r\n\r\nRebels seized the town.\n\nSecond paragraph.\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Rebels seize town");
  EXPECT_EQ(r.articles[0].text, "Rebels seized the town.\n\nSecond paragraph.\n");
  EXPECT_EQ(r.articles[0].origin.str(), "t:1");
  EXPECT_EQ(r.stats.records, 1u);
}

TEST(TextReader, NoHeadlineWithoutBlankLine) {
  auto r = read_with(InputFormat::kText, "Rebels seized the town\non Monday.\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "");
  EXPECT_EQ(r.articles[0].text, "Rebels seized the town\non Monday.\n");
}

TEST(TextReader, WhiteSpaceOnlyYieldsNothing) {
  auto r = read_with(InputFormat::kText, " \n\n\t\n");
  EXPECT_TRUE(r.articles.empty());
  EXPECT_EQ(r.stats.records, 0u);
}

TEST(TextReader, TooLargeIsRejected) {
  ReadOptions options;
  options.max_record_bytes = 64;
  auto r = read_with(InputFormat::kText, std::string(200, 'w'), options);
  EXPECT_TRUE(r.articles.empty());
  EXPECT_THAT(r.messages(),
              ::testing::ElementsAre(::testing::HasSubstr("t:1: error: text file is larger than 64 "
                                                          "bytes; skipped")));
  EXPECT_EQ(r.stats.skipped, 1u);
}

TEST(TextReader, InvalidUtf8Counted) {
  auto r = read_with(InputFormat::kText, "Bad \x80\x81 bytes.");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].invalid_utf8, 2u);
  EXPECT_EQ(r.articles[0].text, "Bad \xEF\xBF\xBD\xEF\xBF\xBD bytes.");
}

}  // namespace
}  // namespace dyad::io
