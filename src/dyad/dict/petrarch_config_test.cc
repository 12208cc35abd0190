#include "dyad/dict/petrarch_config.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace dyad::dict {
namespace {

TEST(PetrarchConfig, ReadsSectionsKeysListsAndComments) {
  Diagnostics diags;
  const PetrarchConfig config = PetrarchConfig::parse(
      "# PETRARCH options\n"                                    // 1
      "[Dictionaries]\n"                                        // 2
      "verbfile_name    = CAMEO.2.0.txt\n"                      // 3
      "actorfile_list   = A.actors.txt, B.actors.txt ,, \n"     // 4
      "; a comment\n"                                           // 5
      "[Options]\n"                                             // 6
      "require_dyad = True   # only events with both actors\n"  // 7
      "new_actor_length: 0\n"                                   // 8
      "just words\n"                                            // 9
      "[Broken\n",                                              // 10
      "PETR_config.ini", diags);
  ASSERT_NE(config.find("dictionaries", "VERBFILE_NAME"), nullptr);
  EXPECT_EQ(config.find("Dictionaries", "verbfile_name")->value, "CAMEO.2.0.txt");
  EXPECT_EQ(config.find("Dictionaries", "verbfile_name")->where.str(), "PETR_config.ini:3");
  EXPECT_EQ(config.list("Dictionaries", "actorfile_list"),
            (std::vector<std::string>{"A.actors.txt", "B.actors.txt"}));
  EXPECT_EQ(config.find("Options", "require_dyad")->value, "True");
  EXPECT_EQ(config.find("Options", "new_actor_length")->value, "0");
  EXPECT_EQ(config.find("Options", "missing"), nullptr);
  EXPECT_EQ(config.find("Missing", "x"), nullptr);
  ASSERT_EQ(diags.errors(), 2u);
  EXPECT_EQ(diags.collected()[0].where.line, 9u);
  EXPECT_EQ(diags.collected()[1].where.line, 10u);
}

TEST(PetrarchConfig, KeyBeforeAnySectionIsReported) {
  Diagnostics diags;
  const PetrarchConfig config = PetrarchConfig::parse("a = 1\n[S]\nb = 2\n", "x.ini", diags);
  EXPECT_EQ(diags.errors(), 1u);
  EXPECT_EQ(diags.collected()[0].where.str(), "x.ini:1");
  ASSERT_NE(config.find("S", "b"), nullptr);
}

TEST(PetrarchConfig, ReadsPetrarchsSampleConfig) {
  DYAD_REQUIRE_SHARED("petrarch/samples/PETR_config.ini", path);
  Diagnostics diags;
  const PetrarchConfig config = PetrarchConfig::parse(testing::read_file(path), path.string(), diags);
  EXPECT_EQ(diags.errors(), 0u);
  // The names as the file writes them (sed -n '/actorfile_list/p' PETR_config.ini).
  EXPECT_EQ(config.list("Dictionaries", "actorfile_list").size(), 3u);
  ASSERT_NE(config.find("Options", "require_dyad"), nullptr);
  EXPECT_EQ(config.find("Options", "comma_max")->value, "8");
}

}  // namespace
}  // namespace dyad::dict
