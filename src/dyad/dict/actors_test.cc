#include "dyad/dict/actors.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/dict/agents.h"
#include "dyad/dict/discards.h"
#include "dyad/dict/issues.h"
#include "test_support.h"

namespace dyad::dict {
namespace {

using testing::all_messages;
using testing::has_message;

TEST(ActorText, StripsComments) {
  bool xml = false;
  EXPECT_EQ(strip_comments("ABC [X] # note", xml), "ABC [X] ");
  EXPECT_EQ(strip_comments("ABC ; old style", xml), "ABC ");
  EXPECT_EQ(strip_comments("ABC // note", xml), "ABC ");
  EXPECT_EQ(strip_comments("A <!-- c --> B", xml), "A   B");  // the comment becomes a blank
  EXPECT_FALSE(xml);
  EXPECT_EQ(strip_comments("A <!-- open", xml), "A  ");
  EXPECT_TRUE(xml);
  EXPECT_EQ(strip_comments("still comment", xml), "");
  EXPECT_EQ(strip_comments("end --> B", xml), " B");
  EXPECT_FALSE(xml);
}

TEST(ActorText, NormalisesPhrases) {
  EXPECT_EQ(normalize_phrase("Vladimir_PUTIN_"), (Phrase{"VLADIMIR", "PUTIN"}));
  EXPECT_EQ(normalize_phrase(" HAMAS  wing "), (Phrase{"HAMAS", "WING"}));
  EXPECT_TRUE(normalize_phrase("__").empty());
}

TEST(ActorText, ParsesDatesWithPetrarchPivot) {
  int32_t d = 0;
  ASSERT_TRUE(parse_date("000101", d));
  EXPECT_EQ(d, 20000101);
  ASSERT_TRUE(parse_date("301231", d));
  EXPECT_EQ(d, 20301231);
  ASSERT_TRUE(parse_date("310101", d));
  EXPECT_EQ(d, 19310101);
  ASSERT_TRUE(parse_date("991231", d));
  EXPECT_EQ(d, 19991231);
  ASSERT_TRUE(parse_date("18970101", d));
  EXPECT_EQ(d, 18970101);
  ASSERT_TRUE(parse_date("20120229", d));
  EXPECT_FALSE(parse_date("20100229", d));
  EXPECT_FALSE(parse_date("20100931", d));
  EXPECT_FALSE(parse_date("2004017", d));
  EXPECT_FALSE(parse_date("001301", d));
  EXPECT_FALSE(parse_date("00010a", d));
}

constexpr std::string_view kSnippet =
    "# test actors\n"                             // 1
    "VLADIMIR_PUTIN_  # CountryInfo.txt\n"        // 2
    "+PUTIN_\n"                                   // 3
    "+Russian_President_Vladimir_Putin\n"         // 4
    "\t[RUSELI 700101-990809]\n"                  // 5
    "\t[RUSGOV 990809-080507]\n"                  // 6
    "\t[RUSGOV >080508]\n"                        // 7
    "\t[RUSELI]\n"                                // 8
    "AFGHANISTAN_  [AFG]\n"                       // 9
    "+AFGHAN_\n"                                  // 10
    "\n"                                          // 11
    "<!-- a comment\n"                            // 12
    "RUSSIA_ [XXX] inside the comment\n"          // 13
    "-->\n"                                       // 14
    "KOFI_ANNAN_ [IGOUNO 970101-061231] [ELI]\n"  // 15
    "OLD_RULER [USAGOV <990101]\n"                // 16
    "BAD_DATE\n"                                  // 17
    "\t[XYZ 991301-000101]\n"                     // 18
    "\t[XYZ]\n"                                   // 19
    "UNBALANCED [ABC\n"                           // 20
    "EMPTY_CODE [ ]\n"                            // 21
    "+AFGHAN\n"                                   // 22
    "HAMAS WING [pseHMSbrd]\n"                    // 23
    "SPACED\n"                                    // 24
    "\t[HOBGOV 19950601 - 19990815]\n"            // 25
    "\t[HOBELI > 990816]\n"                       // 26
    "\t[HOB 990101 junk]\n"                       // 27
    "<! -- NEW ACTORS -->\n";                     // 28

TEST(ActorDictionary, ReadsEntriesSynonymsAndCodes) {
  Diagnostics diags;
  ActorDictionary dict;
  dict.load_string(kSnippet, "test.actors", diags);
  const Actor* putin = dict.find("PUTIN");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin, dict.find("vladimir putin"));
  EXPECT_EQ(putin, dict.find("RUSSIAN PRESIDENT VLADIMIR PUTIN"));
  ASSERT_EQ(putin->phrases.size(), 3u);
  EXPECT_EQ(putin->phrases[0], (Phrase{"VLADIMIR", "PUTIN"}));
  EXPECT_EQ(putin->where.str(), "test.actors:2");
  ASSERT_EQ(putin->codes.size(), 4u);
  EXPECT_EQ(putin->codes[0].code, "RUSELI");
  EXPECT_EQ(putin->codes[0].from, 19700101);
  EXPECT_EQ(putin->codes[0].to, 19990809);
  EXPECT_EQ(putin->codes[2].from, 20080508);
  EXPECT_EQ(putin->codes[2].to, kMaxDate);
  EXPECT_FALSE(putin->codes[3].bounded());

  const Actor* afg = dict.find("AFGHAN");
  ASSERT_NE(afg, nullptr);
  EXPECT_EQ(afg->where.line, 9u);
  EXPECT_EQ(*afg->code_for(20200101), "AFG");
  EXPECT_EQ(dict.find("RUSSIA"), nullptr);  // inside <!-- -->

  const Actor* annan = dict.find("KOFI ANNAN");
  ASSERT_NE(annan, nullptr);
  EXPECT_EQ(*annan->code_for(20000101), "IGOUNO");
  EXPECT_EQ(*annan->code_for(20070101), "ELI");

  const Actor* old = dict.find("OLD RULER");
  ASSERT_NE(old, nullptr);
  EXPECT_EQ(*old->code_for(19990101), "USAGOV");  // bounds are inclusive
  EXPECT_EQ(old->code_for(19990102), nullptr);

  ASSERT_NE(dict.find("HAMAS WING"), nullptr);
  EXPECT_EQ(dict.find("HAMAS WING")->codes[0].code, "PSEHMSBRD");
}

TEST(ActorDictionary, PicksCodeByDate) {
  Diagnostics diags;
  ActorDictionary dict;
  dict.load_string(kSnippet, "test.actors", diags);
  const Actor* putin = dict.find("PUTIN");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(*putin->code_for(19950101), "RUSELI");
  EXPECT_EQ(*putin->code_for(19990809), "RUSELI");  // first range covering it wins
  EXPECT_EQ(*putin->code_for(20000301), "RUSGOV");
  EXPECT_EQ(*putin->code_for(20080507), "RUSGOV");
  EXPECT_EQ(*putin->code_for(20150101), "RUSGOV");
  EXPECT_EQ(*putin->code_for(19600101), "RUSELI");  // default
}

TEST(ActorDictionary, ReportsProblemsWithLines) {
  Diagnostics diags;
  ActorDictionary dict;
  dict.load_string(kSnippet, "test.actors", diags);
  EXPECT_TRUE(has_message(diags, 18, "bad date")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 20, "unbalanced '['")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 21, "empty code")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 22, "duplicate actor phrase 'AFGHAN'")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 22, "test.actors:9")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 27, "bad date")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 28, "malformed <!-- --> comment")) << all_messages(diags);
  EXPECT_EQ(diags.errors(), 5u) << all_messages(diags);
  const Actor* spaced = dict.find("SPACED");  // blanks inside restrictions are tolerated
  ASSERT_NE(spaced, nullptr);
  ASSERT_EQ(spaced->codes.size(), 2u);
  EXPECT_EQ(*spaced->code_for(19970101), "HOBGOV");
  EXPECT_EQ(*spaced->code_for(20000101), "HOBELI");
  // The reader went on after each problem.
  const Actor* bad = dict.find("BAD DATE");
  ASSERT_NE(bad, nullptr);
  ASSERT_EQ(bad->codes.size(), 1u);
  EXPECT_EQ(bad->codes[0].code, "XYZ");
  EXPECT_NE(dict.find("HAMAS WING"), nullptr);
  EXPECT_EQ(diags.collected().front().str().substr(0, 15), "test.actors:18:");
}

TEST(ActorDictionary, ReportsOrphanLinesAndCodelessActors) {
  Diagnostics diags;
  ActorDictionary dict;
  dict.load_string("+ORPHAN\n\t[ABC]\nNO_CODE\nNEXT [N]\n", "o.txt", diags);
  EXPECT_TRUE(has_message(diags, 1, "synonym line without an actor"));
  EXPECT_TRUE(has_message(diags, 2, "code line without an actor"));
  EXPECT_TRUE(has_message(diags, 3, "has no code"));
  EXPECT_EQ(dict.size(), 2u);
}

TEST(ActorDictionary, LongestMatchOverTokens) {
  Diagnostics diags;
  ActorDictionary dict;
  dict.load_string(kSnippet, "test.actors", diags);
  std::vector<std::string_view> tokens{"RUSSIAN", "PRESIDENT", "VLADIMIR", "PUTIN", "SAID"};
  auto m = dict.longest_match(tokens, 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m.length, 4u);
  EXPECT_EQ(m.actor, dict.find("PUTIN"));
  auto m2 = dict.longest_match(tokens, 2);
  ASSERT_TRUE(m2);
  EXPECT_EQ(m2.length, 2u);
  EXPECT_FALSE(dict.longest_match(tokens, 1));
}

TEST(ActorDictionary, ReportsMissingFile) {
  Diagnostics diags;
  ActorDictionary dict;
  EXPECT_FALSE(dict.load_file("/nonexistent/x.actors.txt", diags));
  EXPECT_EQ(diags.errors(), 1u);
}

// Loads the real Phoenix dictionaries. Independent counts (comments cut with sed, then
// the entry lines counted with grep), run in ../shared/data/petrarch/phoenix:
//   actors (primary phrases, i.e. lines not starting with '+' or '['):
//     sed -e 's/[#;].*//' F | grep -vE '^\s*$' | grep -cvE '^\s*[+[]'
//       Countries 18390, International 7841, MilNonState 1021 (27252 in all)
//   agents (entry lines: not blank, not a "!SET! = ..." substitution set):
//     sed -e 's/[#;].*//' Phoenix.agents.txt | grep -vE '^\s*$' | grep -cvE '^\s*!.*='  -> 2245
//   discards: sed -e 's/[#;].*//' Phoenix.discards.txt | grep -cvE '^\s*$'  -> 506
//   issues (phrase lines, <ISSUE> tags excluded):
//     sed -e 's/#.*//' Phoenix.IssueCoding.txt | grep -vE '^\s*$' | grep -cvE '^\s*</?ISSUE'  -> 3170
TEST(ActorDictionary, LoadsPhoenixDictionaries) {
  DYAD_REQUIRE_SHARED("petrarch/phoenix/Phoenix.Countries.actors.txt", countries);
  const auto dir = countries.parent_path();
  std::map<std::string, uint64_t> errors, warnings;  // by file name
  Diagnostics diags([&](const Diagnostic& d) {
    std::string name = std::filesystem::path(d.where.file).filename().string();
    ++(d.severity == Severity::kError ? errors : warnings)[name];
  });
  auto t0 = std::chrono::steady_clock::now();
  ActorDictionary actors;
  ASSERT_TRUE(actors.load_file(countries, diags));
  size_t n_countries = actors.size();
  ASSERT_TRUE(actors.load_file(dir / "Phoenix.International.actors.txt", diags));
  size_t n_international = actors.size() - n_countries;
  ASSERT_TRUE(actors.load_file(dir / "Phoenix.MilNonState.actors.txt", diags));
  size_t n_mil = actors.size() - n_countries - n_international;
  AgentDictionary agents;
  ASSERT_TRUE(agents.load_file(dir / "Phoenix.agents.txt", diags));
  DiscardList discards;
  ASSERT_TRUE(discards.load_file(dir / "Phoenix.discards.txt", diags));
  IssueDictionary issues;
  ASSERT_TRUE(issues.load_file(dir / "Phoenix.IssueCoding.txt", diags));
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "[ loaded Phoenix actors (" << actors.size() << " actors, " << actors.phrase_count()
            << " phrases), agents (" << agents.size() << " forms), discards (" << discards.size()
            << "), issues (" << issues.size() << " forms) in " << ms << " ms; " << diags.errors()
            << " errors, " << diags.warnings() << " warnings ]\n";

  // An actor is dropped only when every one of its phrases is rejected (a duplicate, a
  // warning, or a bad phrase, an error), so each count may fall short of the grep count
  // by at most the problems reported for that file.
  auto problems = [&](const char* f) { return errors[f] + warnings[f]; };
  EXPECT_LE(n_countries, 18390u);
  EXPECT_GE(n_countries + problems("Phoenix.Countries.actors.txt"), 18390u);
  EXPECT_LE(n_international, 7841u);
  EXPECT_GE(n_international + problems("Phoenix.International.actors.txt"), 7841u);
  EXPECT_LE(n_mil, 1021u);
  EXPECT_GE(n_mil + problems("Phoenix.MilNonState.actors.txt"), 1021u);
  // Every rejected agent or issue line is an error for that line.
  EXPECT_EQ(agents.entry_count() + errors["Phoenix.agents.txt"], 2245u);
  EXPECT_EQ(issues.line_count() + errors["Phoenix.IssueCoding.txt"], 3170u);
  // Discards: every line is kept except duplicates (warnings) and errors.
  EXPECT_EQ(discards.size() + problems("Phoenix.discards.txt"), 506u);
  // The files do have known problems, e.g. Phoenix.agents.txt:544 "[~ENV}" and
  // Phoenix.International.actors.txt:40 "[KORGOVBUS 2004017-20061201]".
  EXPECT_EQ(errors["Phoenix.agents.txt"], 2u);

  const Actor* putin = actors.find("VLADIMIR PUTIN");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin, actors.find("PRIME MINISTER PUTIN"));
  EXPECT_EQ(*putin->code_for(19950101), "RUSELI");
  EXPECT_EQ(*putin->code_for(20030615), "RUSGOV");
  EXPECT_EQ(*putin->code_for(20120101), "RUSGOV");
  EXPECT_EQ(putin->where.line, 39559u);
  const Actor* afg = actors.find("AFGHANISTAN");
  ASSERT_NE(afg, nullptr);
  EXPECT_EQ(*afg->code_for(20100101), "AFG");

  std::vector<std::string_view> tokens{"RUSSIAN", "PRIME", "MINISTER", "VLADIMIR", "PUTIN", "SAID"};
  auto m = actors.longest_match(tokens, 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m.length, 5u);
  EXPECT_EQ(m.actor, putin);
  auto a = agents.longest_match(tokens, 1);
  ASSERT_TRUE(a);
  EXPECT_EQ(a.length, 2u);
  EXPECT_EQ(a.agent->code, "GOV") << a.agent->where.str();
  ASSERT_NE(agents.find("PRIME MINISTERS"), nullptr);
  ASSERT_NE(discards.find("MONTHS LATER"), nullptr);
  ASSERT_NE(issues.find("KINDERGARTENS"), nullptr);
  EXPECT_EQ(issues.find("KINDERGARTENS")->code, "EARLY_CHILDHOOD_EDUCATION");
}

// The PETRARCH validation suite's small dictionaries: known entries and the problems
// the files really have.
TEST(ActorDictionary, LoadsValidationSuite) {
  DYAD_REQUIRE_SHARED("petrarch/validate/PETR.Validate.actors.txt", actors_path);
  const auto dir = actors_path.parent_path();
  Diagnostics diags;
  ActorDictionary actors;
  ASSERT_TRUE(actors.load_file(actors_path, diags));
  AgentDictionary agents;
  ASSERT_TRUE(agents.load_file(dir / "PETR.Validate.agents.txt", diags));
  DiscardList discards;
  ASSERT_TRUE(discards.load_file(dir / "PETR.Validate.discards.txt", diags));

  ASSERT_NE(actors.find("DANISH"), nullptr);
  EXPECT_EQ(*actors.find("DANISH")->code_for(20000101), "DNK");
  ASSERT_NE(actors.find("ENT"), nullptr);  // code on the following tab line
  EXPECT_EQ(*actors.find("ENT")->code_for(20000101), "ENT");
  EXPECT_EQ(actors.find("HAMAS"), actors.find("hamas"));
  const Actor* gollum = actors.find("SMEAGOL");  // [HOB < 950601] [HOBGOV 19950601 - 19990815] ...
  ASSERT_NE(gollum, nullptr);
  EXPECT_EQ(*gollum->code_for(19940101), "HOB");
  EXPECT_EQ(*gollum->code_for(19970101), "HOBGOV");
  EXPECT_EQ(*gollum->code_for(20000101), "HOBREB");
  EXPECT_EQ(*actors.find("PALESTINIAN")->code_for(20000101), "PSE");  // [pse] uppercased
  ASSERT_NE(agents.find("CONGRESSES"), nullptr);
  ASSERT_NE(agents.find("CONGRESSWOMEN"), nullptr);
  ASSERT_NE(agents.find("MINISTRIES OF SILLY WALKS"), nullptr);
  EXPECT_EQ(agents.find("ATTORNEYS GENERAL")->code, "GOV");
  ASSERT_NE(discards.find("TYPHOON"), nullptr);
  EXPECT_TRUE(discards.find("TYPHOON")->story_level);
  EXPECT_FALSE(discards.find("MONTHS LATER")->story_level);

  EXPECT_TRUE(has_message(diags, 159, "duplicate actor phrase 'PALESTINIAN'")) << all_messages(diags);
  EXPECT_TRUE(has_message(diags, 220, "malformed <!-- --> comment")) << all_messages(diags);
  EXPECT_EQ(diags.errors(), 1u) << all_messages(diags);
}

}  // namespace
}  // namespace dyad::dict
