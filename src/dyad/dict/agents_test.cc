#include "dyad/dict/agents.h"

#include <gtest/gtest.h>

#include "test_support.h"

#include <string>
#include <string_view>
#include <vector>

namespace dyad::dict {
namespace {

using testing::all_messages;
using testing::has_message;

TEST(AgentPlural, FollowsPetrarchRules) {
  EXPECT_EQ(regular_plural("MINISTER"), "MINISTERS");
  EXPECT_EQ(regular_plural("MILITARY"), "MILITARIES");
  EXPECT_EQ(regular_plural("CONGRESS"), "CONGRESSES");
  EXPECT_EQ(regular_plural("BUS"), "BUSS");  // only SS takes ES in PETRARCH's rule
  EXPECT_EQ(regular_plural("party"), "parties");
  EXPECT_EQ(regular_plural(""), "");
}

constexpr std::string_view kAgents =
    "<!-- AGENTS -->\n"                              // 1
    "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"    // 2
    "MINISTER [~GOV] # ns\n"                         // 3
    "HUMAN_RIGHTS_BODY  [NGO~]\n"                    // 4
    "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"  // 5
    "MEDIA {} [~MED]\n"                              // 6
    "CONGRESS!PERSON! [~LEG]\n"                      // 7
    "SECURITY SERVICE [~GOV]\n"                      // 8
    "PARTY [~PTY]\n"                                 // 9
    "NO_TILDE [GOV]\n"                               // 10
    "UNCLOSED [~GOV\n"                               // 11
    "MINISTER [~ELI]\n"                              // 12
    "!UNKNOWN!_OF_WALKS [~GOV]\n"                    // 13
    "NO_CODE_HERE\n"                                 // 14
    "BROKEN {PLURAL [~GOV]\n"                        // 15
    "FISHER!PERSON![~AGR]\n"                         // 16
    "EMPTY [~]\n";                                   // 17

TEST(AgentDictionary, ReadsEntriesPluralsAndPlacement) {
  Diagnostics diags;
  AgentDictionary dict;
  dict.load_string(kAgents, "test.agents", diags);
  const Agent* m = dict.find("MINISTER");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->code, "GOV");
  EXPECT_EQ(m->placement, Agent::Placement::kAfterActor);
  EXPECT_EQ(m->where.str(), "test.agents:3");
  EXPECT_FALSE(m->generated);
  const Agent* ms = dict.find("MINISTERS");
  ASSERT_NE(ms, nullptr);
  EXPECT_TRUE(ms->generated);
  EXPECT_EQ(ms->where.line, 3u);

  const Agent* ngo = dict.find("HUMAN RIGHTS BODIES");
  ASSERT_NE(ngo, nullptr);
  EXPECT_EQ(ngo->code, "NGO");
  EXPECT_EQ(ngo->placement, Agent::Placement::kBeforeActor);

  ASSERT_NE(dict.find("ATTORNEYS GENERAL"), nullptr);
  EXPECT_EQ(dict.find("ATTORNEY GENERALS"), nullptr);
  ASSERT_NE(dict.find("MEDIA"), nullptr);
  EXPECT_EQ(dict.find("MEDIAS"), nullptr);
  for (const char* f : {"CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN", "CONGRESSWOMEN", "CONGRESSPERSON"})
    EXPECT_NE(dict.find(f), nullptr) << f;
  EXPECT_EQ(dict.find("CONGRESSMANS"), nullptr);
  ASSERT_NE(dict.find("FISHERMEN"), nullptr);
  EXPECT_EQ(dict.find("FISHERMEN")->code, "AGR");
  ASSERT_NE(dict.find("SECURITY SERVICES"), nullptr);
  ASSERT_NE(dict.find("PARTIES"), nullptr);
  EXPECT_EQ(dict.substitutions().at("!PERSON!").size(), 5u);
  EXPECT_EQ(dict.entry_count(), 9u);

  std::vector<std::string> tokens{"THE", "SECURITY", "SERVICES", "SAID"};
  auto match = dict.longest_match(tokens, 1);
  ASSERT_TRUE(match);
  EXPECT_EQ(match.length, 2u);
  EXPECT_EQ(match.agent->code, "GOV");
}

TEST(AgentDictionary, ReportsProblemsWithLines) {
  Diagnostics diags;
  AgentDictionary dict;
  dict.load_string(kAgents, "test.agents", diags);
  EXPECT_TRUE(has_message(diags, 10, "needs '~'")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 11, "unbalanced '['")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 12, "duplicate agent phrase 'MINISTER'")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 12, "test.agents:3")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 13, "undefined substitution set !UNKNOWN!")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 14, "without a [code]")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 15, "unbalanced '{'")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 17, "bad agent code")) << all_messages(diags);
  EXPECT_EQ(diags.errors(), 6u) << all_messages(diags);
  EXPECT_EQ(diags.warnings(), 1u) << all_messages(diags);
  EXPECT_EQ(dict.find("MINISTER")->code, "GOV");  // the first is kept
}

TEST(AgentDictionary, WrittenEntryBeatsGeneratedPlural) {
  Diagnostics diags;
  AgentDictionary dict;
  dict.load_string("OFFICER [~GOV]\nOFFICERS [~MIL]\n", "x", diags);
  EXPECT_EQ(diags.warnings(), 0u);
  EXPECT_EQ(dict.find("OFFICERS")->code, "MIL");
  EXPECT_EQ(dict.find("OFFICER")->code, "GOV");
}

}  // namespace
}  // namespace dyad::dict
