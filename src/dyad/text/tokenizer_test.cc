#include "dyad/text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad::text {
namespace {

std::vector<RawToken> scan(std::string_view text) {
  std::vector<RawToken> out;
  tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, out);
  return out;
}

TEST(Tokenizer, MultiwordSplitPointsAreByteOffsets) {
  std::string_view text = "I don\u2019t";  // the apostrophe is 3 bytes
  std::vector<RawToken> t = scan(text);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].begin, 2u);
  EXPECT_EQ(t[1].end, 9u);
  EXPECT_EQ(t[1].words, 2);
  EXPECT_EQ(t[1].split[0], 4u);  // "do" | "n’t"
}

TEST(Tokenizer, RecordsSpacesAndLineBreaksBeforeTokens) {
  std::vector<RawToken> t = scan("Hello,\nworld (AP)");
  ASSERT_EQ(t.size(), 6u);
  EXPECT_FALSE(t[1].space_before);  // ","
  EXPECT_TRUE(t[2].newline_before);
  EXPECT_TRUE(t[2].space_before);
  EXPECT_TRUE(t[3].space_before);  // "("
  EXPECT_FALSE(t[3].newline_before);
  EXPECT_FALSE(t[4].space_before);  // "AP"
}

TEST(Tokenizer, RespectsRegionBounds) {
  std::string_view text = "ignored Kremlin said ignored";
  std::vector<RawToken> out;
  tokenize(text, Span{8, 20}, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].begin, 8u);
  EXPECT_EQ(out[1].end, 20u);
}

TEST(Tokenizer, AbbreviationHelpers) {
  EXPECT_TRUE(is_abbreviation_token("Mr."));
  EXPECT_TRUE(is_abbreviation_token("V."));
  EXPECT_TRUE(is_abbreviation_token("U.S."));
  EXPECT_FALSE(is_abbreviation_token("..."));
  EXPECT_FALSE(is_abbreviation_token("army."));
  EXPECT_TRUE(abbreviation_may_end_sentence("Inc."));
  EXPECT_TRUE(abbreviation_may_end_sentence("U.S."));
  EXPECT_FALSE(abbreviation_may_end_sentence("Mr."));
}

}  // namespace
}  // namespace dyad::text
