#include "dyad/dict/dict_stats.h"

#include <gtest/gtest.h>

#include "dyad/dict/native_format.h"
#include "test_support.h"

namespace dyad::dict {
namespace {

TEST(DictStats, SectorOfCodes) {
  EXPECT_EQ(sector_of("USAGOV"), "GOV");
  EXPECT_EQ(sector_of("RUSGOVMIL"), "GOV");  // the first role after the country
  EXPECT_EQ(sector_of("AFRREB"), "REB");
  EXPECT_EQ(sector_of("IGOUNOHLH"), "IGO");  // organisations by their prefix
  EXPECT_EQ(sector_of("NGOHRI"), "NGO");
  EXPECT_EQ(sector_of("IMGMUSALQ"), "IMG");
  EXPECT_EQ(sector_of("GOV"), "GOV");  // agent codes start with their sector
  EXPECT_EQ(sector_of("GOVMIL"), "GOV");
  EXPECT_EQ(sector_of("USA"), kNoSector);
  EXPECT_EQ(sector_of("USAGUM"), kNoSector);
  EXPECT_EQ(sector_of("US"), kNoSector);
  EXPECT_TRUE(is_cameo_region("MEA"));
  EXPECT_FALSE(is_cameo_region("USA"));
}

// PLOVER types come from the pattern's plover: field, else the block's, else the CAMEO
// codebook; codes without one fall in the named rows.
TEST(DictStats, PloverTypesOfVerbsAndPatterns) {
  Diagnostics diags;
  CameoCodebook codebook;
  ASSERT_TRUE(
      codebook.load_string("code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\n"
                           "020\tAppeal\t3\t1\t\t\t\n"
                           "111\tCriticize\t-2\t3\tACCUSE\t\t\n"
                           "190\tUse force\t-10\t4\tASSAULT\t\t\n",
                           "codes.tsv", diags));
  DictionarySet set;
  set.verbs = read_native_verbs(
      "dyad-dictionary 1 verbs\n"
      "block ATTACK [190]\n"  // verbs: the codebook's ASSAULT
      "  verb ATTACK\n"
      "  verb SLAM [111]\n"                // its own code: ACCUSE
      "  pattern * + OVER BUDGET [111]\n"  // ACCUSE by the codebook
      "  pattern * + WITH ROCKETS [190]  plover: ASSAULT\n"
      "block URGE [020]  plover: REQUEST\n"  // the block's field wins for its verbs
      "  verb URGE\n"
      "  pattern * + [020]\n"  // ... and its patterns
      "block SEND [---]\n"
      "  verb SEND  forms: SENDS SENT SENDING\n"  // no event
      "  pattern * AID [0999]\n",                 // not in this codebook
      "verbs.dyad", diags);
  ASSERT_EQ(diags.errors(), 0u) << testing::all_messages(diags);
  const DictionaryStats s = compute_stats(set, &codebook);
  EXPECT_EQ(s.verb_blocks, 3u);
  EXPECT_EQ(s.verbs, 4u);
  EXPECT_EQ(s.patterns, 4u);
  const std::map<std::string, size_t, std::less<>> verbs = {
      {"ASSAULT", 1}, {"ACCUSE", 1}, {"REQUEST", 1}, {std::string(kNoEvent), 1}};
  EXPECT_EQ(s.verbs_by_plover, verbs);
  const std::map<std::string, size_t, std::less<>> patterns = {
      {"ACCUSE", 1}, {"ASSAULT", 1}, {"REQUEST", 1}, {std::string(kNotCameo), 1}};
  EXPECT_EQ(s.patterns_by_plover, patterns);

  const DictionaryStats none = compute_stats(set, nullptr);        // no codebook
  EXPECT_EQ(none.verbs_by_plover.at(std::string(kNotCameo)), 2u);  // ATTACK, SLAM
}

// examples/dictionaries, counted by hand from its three files:
//  verbs.dyad: 14 blocks; 23 verbs (CRITICIZE 3, ACCUSE 2, REJECT 1, DEMAND 1, URGE 2,
//    MEET 1, NEGOTIATE 1, VISIT 1, SEND 1, IMPOSE 1, ATTACK 3, PROTEST 3, SUMMON 1,
//    THREATEN 2); 8 patterns (REJECT 2, MEET 1, SEND 3, IMPOSE 1, SUMMON 1). No plover:
//    fields, so types come from the codes: 111/112 ACCUSE (3+2 verbs; SUMMON's
//    AMBASSADOR pattern [111]), 120/125 REJECT (1 verb; PROPOSAL pattern), 100 REQUEST,
//    020 (URGE, CALL ON) no PLOVER type, 040/046/042 CONSULT (3 verbs; WITH pattern),
//    070 AID (AID and CONVOY patterns), 150 MOBILIZE (TROOPS), 163 COERCE (SANCTIONS),
//    190 ASSAULT (3), 140/141 PROTEST (3), 130 THREATEN (2); SEND, IMPOSE, SUMMON and
//    the ACCUSATION pattern are [---].
//  actors.dyad: 25 actors, 20 '+' lines (45 phrases), one code each, LUKASHENKO's dated:
//    15 countries (ARMENIA ... CHINA, GAZA [PSE] among them), 2 organisations (EU, UN),
//    7 capitals coded COUNTRY+GOV (WASHINGTON, MOSCOW, KREMLIN, MINSK, TEHRAN, NEW
//    DELHI, BEIJING).
//  agents.dyad: 27 lines: 14 ~GOV, 4 ~MIL, 4 ~OPP, 2 ~COP, 1 each ~REB ~CVL ~BUS.
TEST(DictStats, ExampleDictionariesCountedByHand) {
  Diagnostics diags;
  DictionarySet set;
  ASSERT_TRUE(load_dictionary_set(testing::source_dir() / "examples" / "dictionaries", set, diags));
  CameoCodebook codebook;
  ASSERT_TRUE(load_default_codebook(codebook, diags));
  const DictionaryStats s = compute_stats(set, &codebook);
  EXPECT_EQ(s.verb_blocks, 14u);
  EXPECT_EQ(s.verbs, 23u);
  EXPECT_EQ(s.patterns, 8u);
  const std::map<std::string, size_t, std::less<>> verbs = {{"ACCUSE", 5},
                                                            {"REJECT", 1},
                                                            {"REQUEST", 1},
                                                            {"CONSULT", 3},
                                                            {"ASSAULT", 3},
                                                            {"PROTEST", 3},
                                                            {"THREATEN", 2},
                                                            {std::string(kNoPloverType), 2},
                                                            {std::string(kNoEvent), 3}};
  EXPECT_EQ(s.verbs_by_plover, verbs);
  const std::map<std::string, size_t, std::less<>> patterns = {{"ACCUSE", 1},
                                                               {"REJECT", 1},
                                                               {"CONSULT", 1},
                                                               {"AID", 2},
                                                               {"MOBILIZE", 1},
                                                               {"COERCE", 1},
                                                               {std::string(kNoEvent), 1}};
  EXPECT_EQ(s.patterns_by_plover, patterns);

  EXPECT_EQ(s.actors, 25u);
  EXPECT_EQ(s.actor_phrases, 45u);
  EXPECT_EQ(s.actor_codes, 25u);
  EXPECT_EQ(s.dated_codes, 1u);
  EXPECT_EQ(s.countries, 15u);
  EXPECT_EQ(s.organisations, 2u);
  EXPECT_EQ(s.regions, 0u);
  EXPECT_EQ(s.dated_actors, 1u);
  EXPECT_EQ(s.other_actors, 7u);
  const std::map<std::string, size_t, std::less<>> actor_sectors = {
      {std::string(kNoSector), 15}, {"GOV", 8}, {"IGO", 2}};
  EXPECT_EQ(s.actor_codes_by_sector, actor_sectors);

  EXPECT_EQ(s.agent_forms, 27u);
  EXPECT_EQ(s.agent_entries, 27u);
  const std::map<std::string, size_t, std::less<>> agent_sectors = {
      {"GOV", 14}, {"MIL", 4}, {"OPP", 4}, {"COP", 2}, {"REB", 1}, {"CVL", 1}, {"BUS", 1}};
  EXPECT_EQ(s.agents_by_sector, agent_sectors);

  const std::string text = format_stats(s);
  EXPECT_NE(text.find("verbs: 14 blocks, 23 verbs, 8 patterns\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  ACCUSE                   5         1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  countries               15\n"), std::string::npos) << text;
  EXPECT_NE(text.find("agents: 27 forms (27 written)\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace dyad::dict
