#include "dyad/text/normalize.h"

#include <gtest/gtest.h>

namespace dyad::text {
namespace {

TEST(NormalizeForm, AsciiPassesThroughUnchanged) {
  EXPECT_EQ(normalize_form("Kremlin"), "Kremlin");
  EXPECT_EQ(normalize_form("n't"), "n't");
  EXPECT_EQ(normalize_form("``"), "``");
  EXPECT_EQ(normalize_form(""), "");
}

TEST(NormalizeForm, TypographicQuotesAndApostrophesBecomeAscii) {
  EXPECT_EQ(normalize_form("n\u2019t"), "n't");
  EXPECT_EQ(normalize_form("\u2019s"), "'s");
  EXPECT_EQ(normalize_form("\u201C"), "\"");
  EXPECT_EQ(normalize_form("\u201D"), "\"");
  EXPECT_EQ(normalize_form("\u2018"), "'");
  EXPECT_EQ(normalize_form("\u00AB"), "\"");
}

TEST(NormalizeForm, DashesEllipsisAndSpaces) {
  EXPECT_EQ(normalize_form("\u2014"), "--");
  EXPECT_EQ(normalize_form("\u2013"), "-");
  EXPECT_EQ(normalize_form("\u2026"), "...");
  EXPECT_EQ(normalize_form("10\u00A0000"), "10 000");
  EXPECT_EQ(normalize_form("O\u2019Neill"), "O'Neill");
}

TEST(NormalizeForm, ComposesToNfcAndKeepsOtherLetters) {
  // "e" + COMBINING ACUTE ACCENT -> "é"
  EXPECT_EQ(normalize_form("Mace\u0301do"), "Mac\u00E9do");
  EXPECT_EQ(normalize_form("S\u00E3o"), "S\u00E3o");
  EXPECT_EQ(normalize_form("\u0410\u043B\u0435\u043A\u0441\u0435\u0439"),
            "\u0410\u043B\u0435\u043A\u0441\u0435\u0439");
  EXPECT_EQ(normalize_form("\u20AC"), "\u20AC");  // euro sign stays
}

}  // namespace
}  // namespace dyad::text
