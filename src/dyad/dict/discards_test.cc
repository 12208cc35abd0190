#include "dyad/dict/discards.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace dyad::dict {
namespace {

TEST(DiscardList, ReadsSentenceAndStoryDiscards) {
  Diagnostics diags;
  DiscardList list;
  list.load_string(
      "# Story-level discards are indicated with a '+'.\n"  // 1
      "MONTHS LATER\n"                                      // 2
      "+ World Golf Championships   # pas\n"                // 3
      "+Manchester_United\n"                                // 4
      "1914\n"                                              // 5
      "months later\n"                                      // 6
      "BAD [X]\n"                                           // 7
      "+\n",                                                // 8
      "test.discards", diags);
  ASSERT_EQ(list.size(), 4u);
  const Discard* d = list.find("MONTHS LATER");
  ASSERT_NE(d, nullptr);
  EXPECT_FALSE(d->story_level);
  EXPECT_EQ(d->where.str(), "test.discards:2");
  const Discard* s = list.find("WORLD GOLF CHAMPIONSHIPS");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->story_level);
  ASSERT_NE(list.find("MANCHESTER UNITED"), nullptr);
  EXPECT_TRUE(list.find("MANCHESTER UNITED")->story_level);
  ASSERT_NE(list.find("1914"), nullptr);

  ASSERT_EQ(diags.collected().size(), 3u);
  EXPECT_EQ(diags.collected()[0].where.line, 6u);
  EXPECT_NE(diags.collected()[0].message.find("duplicate discard phrase"), std::string::npos);
  EXPECT_EQ(diags.collected()[1].where.line, 7u);
  EXPECT_EQ(diags.collected()[2].where.line, 8u);
  EXPECT_NE(diags.collected()[2].message.find("empty"), std::string::npos);

  std::vector<std::string_view> tokens{"FANS", "OF", "MANCHESTER", "UNITED", "CHEERED"};
  auto m = list.longest_match(tokens, 2);
  ASSERT_TRUE(m);
  EXPECT_EQ(m.length, 2u);
  EXPECT_TRUE(m.discard->story_level);
}

}  // namespace
}  // namespace dyad::dict
