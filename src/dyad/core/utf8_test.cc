#include "dyad/core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad::utf8 {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(Utf8, ValidInputIsUntouched) {
  std::string s = "plain ASCII, caf\xC3\xA9, \xE2\x82\xAC 5, \xF0\x9F\x98\x80 and more ascii text here";
  const std::string before = s;
  EXPECT_EQ(sanitize(s), 0u);
  EXPECT_EQ(s, before);
  std::string empty;
  EXPECT_EQ(sanitize(empty), 0u);
}

TEST(Utf8, ReplacesEachBadByte) {
  std::string s =
      "a\xFF"
      "b";
  EXPECT_EQ(sanitize(s), 1u);
  EXPECT_EQ(s, "a" + kFffd + "b");

  // Truncated 3-byte sequence at the end: both bytes replaced.
  s = "x\xE2\x82";
  EXPECT_EQ(sanitize(s), 2u);
  EXPECT_EQ(s, "x" + kFffd + kFffd);

  // Lone continuation byte, in the middle of long ASCII (exercises the word-at-a-time path).
  s = std::string(40, 'a') + "\x80" + std::string(40, 'b');
  EXPECT_EQ(sanitize(s), 1u);
  EXPECT_EQ(s, std::string(40, 'a') + kFffd + std::string(40, 'b'));
}

TEST(Utf8, RejectsOverlongsSurrogatesAndOutOfRange) {
  std::string overlong = "\xC0\xAF";  // '/' encoded in two bytes
  EXPECT_EQ(sanitize(overlong), 2u);
  std::string overlong3 = "\xE0\x80\xAF";
  EXPECT_EQ(sanitize(overlong3), 3u);
  std::string surrogate = "\xED\xA0\x80";  // U+D800
  EXPECT_EQ(sanitize(surrogate), 3u);
  std::string too_big = "\xF4\x90\x80\x80";  // U+110000
  EXPECT_EQ(sanitize(too_big), 4u);
  std::string f5 = "\xF5\x80\x80\x80";
  EXPECT_EQ(sanitize(f5), 4u);
  std::string max = "\xF4\x8F\xBF\xBF";  // U+10FFFF is fine
  EXPECT_EQ(sanitize(max), 0u);
}

TEST(Utf8, SanitizedOutputIsValid) {
  std::string s;
  for (int i = 0; i < 256; ++i) s.push_back(static_cast<char>(i));
  const uint32_t replaced = sanitize(s);
  EXPECT_EQ(replaced, 128u);  // every byte >= 0x80 is invalid on its own here
  std::string again = s;
  EXPECT_EQ(sanitize(again), 0u);
  EXPECT_EQ(length(s), 256u);
}

TEST(Utf8, NextDecodesAndAdvances) {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  size_t i = 0;
  EXPECT_EQ(next(s, i), U'a');
  EXPECT_EQ(i, 1u);
  EXPECT_EQ(next(s, i), U'\u00E9');
  EXPECT_EQ(i, 3u);
  EXPECT_EQ(next(s, i), U'\u20AC');
  EXPECT_EQ(i, 6u);
  EXPECT_EQ(next(s, i), U'\U0001F600');
  EXPECT_EQ(i, 10u);
  EXPECT_EQ(length(s), 4u);
}

TEST(Utf8, AppendRoundTrips) {
  std::string out;
  for (char32_t cp : {U'A', U'\u00E9', U'\u20AC', U'\U0001F600', U'\U0010FFFF'}) append(out, cp);
  size_t i = 0;
  EXPECT_EQ(next(out, i), U'A');
  EXPECT_EQ(next(out, i), U'\u00E9');
  EXPECT_EQ(next(out, i), U'\u20AC');
  EXPECT_EQ(next(out, i), U'\U0001F600');
  EXPECT_EQ(next(out, i), U'\U0010FFFF');
  EXPECT_EQ(i, out.size());
  std::string bad;
  append(bad, 0xD800);
  EXPECT_EQ(bad, kFffd);
}

}  // namespace
}  // namespace dyad::utf8
