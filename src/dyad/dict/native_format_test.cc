#include "dyad/dict/native_format.h"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace dyad::dict {
namespace {

using K = PatternTokenKind;

std::string all(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& m : d.collected()) out += m.str() + "\n";
  return out;
}

bool has(const Diagnostics& d, uint64_t line, std::string_view fragment) {
  for (const Diagnostic& m : d.collected())
    if (m.where.line == line && m.message.find(fragment) != std::string::npos) return true;
  return false;
}

template <class Dict>
std::string native_text(const Dict& d, bool provenance = true) {
  std::ostringstream out;
  NativeWriteOptions options;
  options.provenance = provenance;
  write_native(d, out, options);
  return out.str();
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += s + "\n";
  return out;
}

// ---------------------------------------------------------------------------------------
// Verbs

const char* const kPetrarchVerbs =
    "&CURRENCY\n"                                            // 1
    "+DOLLAR\n"                                              // 2
    "+SWISS_FRANC_\n"                                        // 3
    "+&COIN\n"                                               // 4
    "&COIN_\n"                                               // 5
    "+PENNY\n"                                               // 6
    "--- MAKE_STATEMENT [010] ---\n"                         // 7
    "SAY {SAID SAYS SAYING}   # jw 11/14/91\n"               // 8
    "COMMENT\n"                                              // 9
    "CLARIFY {CLARIFIES CLARIFIED } [040]\n"                 // 10
    "+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}\n"               // 11
    "KLM_NOP_+RST [002]\n"                                   // 12
    "HUSH {} [:194]\n"                                       // 13
    "- $ * (TO {BANNED PARTIES}) +   [1722]  # ADD # too\n"  // 14
    "- IN_* &CURRENCY ^ WITH_%  [042:043]\n"                 // 15
    "- &COIN *_OUT [0334]\n"                                 // 16
    "- ** \"QUOTED\" [:194]\n"                               // 17
    "--- [---] ---\n"                                        // 18
    "~ a (a b ATTACK) SAY = a b 015\n";                      // 19

TEST(NativeVerbs, RoundTripsEveryConstruct) {
  Diagnostics d1;
  std::istringstream in(kPetrarchVerbs);
  const VerbDictionary original = read_verb_dictionary(in, "t.verbs", d1);
  ASSERT_EQ(d1.errors(), 0u) << all(d1);
  ASSERT_EQ(original.patterns().size(), 4u);
  const std::string text = native_text(original);

  // The file says what matches: forms written out, generated ones as regular:.
  EXPECT_TRUE(text.starts_with("dyad-dictionary 1 verbs\n")) << text;
  EXPECT_NE(text.find("synset COIN no-plurals  # t.verbs:5\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  + DOLLAR  plural: DOLLARS\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  + SWISS FRANC\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  + &COIN\n"), std::string::npos) << text;
  EXPECT_NE(text.find("block MAKE_STATEMENT [010]  # t.verbs:7\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  verb SAY  forms: SAID SAYS SAYING  # t.verbs:8\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  verb COMMENT  regular: COMMENTS COMMENTED COMMENTING"), std::string::npos) << text;
  EXPECT_NE(text.find("  verb +BREAK DOWN  forms: BREAKS BROKE  phrases: \"BREAKS DOWN\" \"BROKE DOWN\""),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  verb KLM NOP +RST [002]  regular: RSTS RSTED RSTING"), std::string::npos) << text;
  EXPECT_NE(text.find("  verb HUSH [:194]  forms:  #"), std::string::npos) << text;
  EXPECT_NE(text.find("  pattern $ * (TO {BANNED PARTIES}) + [1722]  note: \"ADD # too\"  # t.verbs:14"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  pattern IN_* &CURRENCY ^ WITH_% [042:043]"), std::string::npos) << text;
  EXPECT_NE(text.find("  pattern \"** \\\"QUOTED\\\"\" [:194]"), std::string::npos) << text;
  EXPECT_NE(text.find("block \"\" [---]"), std::string::npos) << text;
  EXPECT_NE(text.find("transform a ( a b ATTACK ) SAY = a b 015  # t.verbs:19"), std::string::npos) << text;

  Diagnostics d2;
  const VerbDictionary back = read_native_verbs(text, "verbs.dyad", d2);
  EXPECT_EQ(d2.errors(), 0u) << all(d2) << text;
  EXPECT_EQ(d2.warnings(), 1u) << all(d2);  // the block without a name, as in the original
  EXPECT_EQ(differences(original, back), std::vector<std::string>{}) << text;
  EXPECT_EQ(back.verbs()[0].where.str(), "verbs.dyad:" + std::to_string(back.verbs()[0].where.line));
  // Written again without provenance, the text is the same.
  EXPECT_EQ(native_text(original, false), native_text(back, false));
}

TEST(NativeVerbs, ReadsHandWrittenText) {
  const char* const text =
      "dyad-dictionary 1 verbs\n"             // 1
      "# Hand-written.\n"                     // 2
      "synset &Weapon\n"                      // 3
      "  + rifle  plural: rifles\n"           // 4
      "  + \"ak-47\"\n"                       // 5
      "block ACCUSE [112]  plover: accuse\n"  // 6
      "  verb ACCUSE\n"                       // 7 regular forms made
      "  verb +HIT OUT [111]  forms: HITS HITTING  phrases: \"hits out\" \"HITTING OUT\"\n"  // 8
      "  pattern * $ OF_&WEAPON [1123]  plover: ASSAULT  note: \"checked 2024\"\n"           // 9
      "  pattern   * {  BIG   NEWS }  [112]   # provenance comment\n"                        // 10
      "transform a b SAY = a b 010\n";                                                       // 11
  Diagnostics diags;
  const VerbDictionary d = read_native_verbs(text, "v.dyad", diags);
  EXPECT_EQ(diags.collected().size(), 0u) << all(diags);
  ASSERT_EQ(d.synsets().size(), 1u);
  EXPECT_EQ(d.synsets()[0].name, "WEAPON");
  EXPECT_EQ(d.synsets()[0].where.line, 3u);
  ASSERT_EQ(d.synsets()[0].members.size(), 2u);
  EXPECT_EQ(d.synsets()[0].members[0].plural, "RIFLES");
  EXPECT_EQ(d.synsets()[0].members[1].words, (std::vector<std::string>{"AK-47"}));
  EXPECT_EQ(d.synsets()[0].members[1].plural, "");
  ASSERT_EQ(d.blocks().size(), 1u);
  EXPECT_EQ(d.blocks()[0].plover, "ACCUSE");
  EXPECT_EQ(d.blocks()[0].code, (EventCode{"112", ""}));
  ASSERT_EQ(d.verbs().size(), 2u);
  EXPECT_FALSE(d.verbs()[0].irregular);
  EXPECT_EQ(d.verbs()[0].forms, (std::vector<std::string>{"ACCUSES", "ACCUSED", "ACCUSING"}));
  const Verb& hit = d.verbs()[1];
  EXPECT_EQ(hit.lemma, "HIT");
  EXPECT_EQ(hit.words_after, (std::vector<std::string>{"OUT"}));
  EXPECT_TRUE(hit.irregular);
  EXPECT_EQ(hit.phrase_forms, (std::vector<std::string>{"HITS OUT", "HITTING OUT"}));
  EXPECT_EQ(d.code_of(hit).code, "111");
  EXPECT_EQ(d.verbs_for_form("HITTING").size(), 1u);
  ASSERT_EQ(d.patterns().size(), 2u);
  const VerbPattern& p = d.patterns()[0];
  EXPECT_EQ(p.plover, "ASSAULT");
  EXPECT_EQ(p.comment, "checked 2024");
  EXPECT_EQ(p.before, (std::vector<PatternToken>{}));
  EXPECT_EQ(p.after, (std::vector<PatternToken>{
                         {K::kSource, "$", false}, {K::kWord, "OF", false}, {K::kSynset, "WEAPON", true}}));
  EXPECT_EQ(d.patterns()[1].text, "* {  BIG   NEWS }");  // as written, inner blanks kept
  EXPECT_EQ(d.patterns()[1].where.str(), "v.dyad:10");
  EXPECT_EQ(d.patterns_for("accuse").size(), 2u);
  ASSERT_EQ(d.transformations().size(), 1u);
  EXPECT_EQ(d.transformations()[0].rhs, (std::vector<std::string>{"a", "b", "010"}));
}

TEST(NativeVerbs, ReportsBadLinesWithNumbersAndGoesOn) {
  const char* const text =
      "dyad-dictionary 1 verbs\n"                      // 1
      "  + ORPHAN\n"                                   // 2 member outside a synset
      "verb EARLY\n"                                   // 3 verb before any block
      "synset\n"                                       // 4 no name
      "block FIRST [01 X]\n"                           // 5 bad code (block kept, [---])
      "  verb SAY [010] forms: SAID  regular: SAYS\n"  // 6 both forms and regular
      "  verb CLEAR UP\n"                              // 7 no '+'
      "  verb +A +B\n"                                 // 8 two '+'
      "  pattern * (TO + [010]\n"                      // 9 unbalanced (
      "  pattern * &NOPE [010]\n"                      // 10 unknown synset (kept)
      "  pattern NO VERB [010]\n"                      // 11 no '*'
      "  pattern * NOCODE\n"                           // 12 no code
      "  pattern * X [010] colour: red\n"              // 13 unknown field
      "  pattern * \"open [010]\n"                     // 14 unterminated quote
      "frobnicate X\n"                                 // 15 unknown record
      "transform a b\n"                                // 16 no '='
      "  verb GOOD\n"                                  // 17 fine
      "  pattern * GOOD [020]\n"                       // 18 fine
      "  pattern * GOOD [020]\n"                       // 19 duplicate, dropped
      "  pattern * X ]\n";                             // 20 unbalanced ]
  Diagnostics diags;
  const VerbDictionary d = read_native_verbs(text, "bad.dyad", diags);
  const std::string msgs = all(diags);
  EXPECT_TRUE(has(diags, 2, "outside a synset")) << msgs;
  EXPECT_TRUE(has(diags, 3, "outside a block")) << msgs;
  EXPECT_TRUE(has(diags, 4, "synset without a name")) << msgs;
  EXPECT_TRUE(has(diags, 5, "bad code [01 X]")) << msgs;
  EXPECT_TRUE(has(diags, 6, "both forms: and regular:")) << msgs;
  EXPECT_TRUE(has(diags, 7, "needs a '+'")) << msgs;
  EXPECT_TRUE(has(diags, 8, "more than one '+'")) << msgs;
  EXPECT_TRUE(has(diags, 9, "unbalanced '('")) << msgs;
  EXPECT_TRUE(has(diags, 10, "unknown synset &NOPE")) << msgs;
  EXPECT_TRUE(has(diags, 11, "without the verb marker")) << msgs;
  EXPECT_TRUE(has(diags, 12, "without a [code]")) << msgs;
  EXPECT_TRUE(has(diags, 13, "unexpected colour:")) << msgs;
  EXPECT_TRUE(has(diags, 14, "unterminated quoted string")) << msgs;
  EXPECT_TRUE(has(diags, 15, "unknown record 'frobnicate'")) << msgs;
  EXPECT_TRUE(has(diags, 16, "without '='")) << msgs;
  EXPECT_TRUE(has(diags, 19, "duplicate pattern")) << msgs;
  EXPECT_TRUE(has(diags, 20, "unbalanced ']'")) << msgs;
  EXPECT_EQ(diags.collected().size(), 17u) << msgs;
  for (const Diagnostic& m : diags.collected()) EXPECT_EQ(m.where.file, "bad.dyad");
  ASSERT_EQ(d.blocks().size(), 1u);
  EXPECT_EQ(d.blocks()[0].code.code, "---");
  ASSERT_EQ(d.verbs().size(), 1u);
  EXPECT_EQ(d.verbs()[0].lemma, "GOOD");
  ASSERT_EQ(d.patterns().size(), 2u);  // &NOPE (kept, cannot match) and GOOD
}

TEST(NativeFormat, HeaderNamesKindAndVersion) {
  Diagnostics d1;
  const ActorDictionary a = read_native_actors("dyad-dictionary 1 verbs\nactor X [Y]\n", "a.dyad", d1);
  EXPECT_EQ(a.size(), 0u);
  EXPECT_TRUE(has(d1, 1, "is a 'verbs' dictionary, not 'actors'")) << all(d1);
  Diagnostics d2;
  read_native_discards("dyad-dictionary 2 discards\nsentence X\n", "d.dyad", d2);
  EXPECT_TRUE(has(d2, 1, "newer than this reader")) << all(d2);
  Diagnostics d3;
  const DiscardList no_header = read_native_discards("sentence SOCCER\n", "d.dyad", d3);
  EXPECT_TRUE(has(d3, 1, "first line should be 'dyad-dictionary 1 discards'")) << all(d3);
  EXPECT_EQ(no_header.size(), 1u);  // read anyway
  EXPECT_EQ(native_kind_of("dyad-dictionary 1 issues\n"), NativeKind::kIssues);
  EXPECT_EQ(native_kind_of("\xEF\xBB\xBF"
                           "dyad-dictionary 1 agents  # x\n"),
            NativeKind::kAgents);
  EXPECT_EQ(native_kind_of("VLADIMIR_PUTIN_ [RUSGOV]\n"), std::nullopt);
  EXPECT_EQ(native_file_name(NativeKind::kVerbs), "verbs.dyad");
}

TEST(NativeFormat, IsoDates) {
  EXPECT_EQ(iso_date(20000101), "2000-01-01");
  EXPECT_EQ(iso_date(19520107), "1952-01-07");
  int32_t d = 0;
  EXPECT_TRUE(parse_iso_date("2004-02-29", d));
  EXPECT_EQ(d, 20040229);
  EXPECT_FALSE(parse_iso_date("2003-02-29", d));
  EXPECT_FALSE(parse_iso_date("20040229", d));
  EXPECT_FALSE(parse_iso_date("2004-2-29", d));
}

// ---------------------------------------------------------------------------------------
// Actors

const char* const kPetrarchActors =
    "VLADIMIR_PUTIN_\n"                           // 1
    "+PUTIN_\n"                                   // 2
    "\t[RUSELI 520101-991230]\n"                  // 3
    "\t[RUSGOV >991231]\n"                        // 4
    "\t[RUSMIL <510101]\n"                        // 5
    "AFGHANISTAN_  [AFG]\n"                       // 6
    "+AFGHAN_ [AFG]\n"                            // 7
    "NOCODE_ACTOR\n"                              // 8
    "PUTIN_ [DUP]\n"                              // 9 duplicate: the actor has no phrase left
    "+KOFI_ANNAN_ [IGOUNO 19970101-20061231]\n";  // 10

TEST(NativeActors, RoundTripsDatesSynonymsAndSeveralCodes) {
  Diagnostics d1;
  ActorDictionary original;
  original.load_string(kPetrarchActors, "t.actors", d1);
  const std::string text = native_text(original);
  EXPECT_NE(text.find("actor VLADIMIR PUTIN  # t.actors:1\n"
                      "  + PUTIN\n"
                      "  [RUSELI 1952-01-01..1999-12-30]\n"
                      "  [RUSGOV 1999-12-31..]\n"
                      "  [RUSMIL ..1951-01-01]\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("actor AFGHANISTAN  # t.actors:6\n  + AFGHAN\n  [AFG]\n  [AFG]\n"), std::string::npos)
      << text;  // both lines gave [AFG]: the code is kept twice, as read
  EXPECT_NE(text.find("actor NOCODE ACTOR  # t.actors:8\n"), std::string::npos) << text;
  // Line 9's phrase is PUTIN's: its actor keeps the code and the synonym of line 10.
  EXPECT_NE(text.find("actor KOFI ANNAN  # t.actors:9\n  [DUP]\n  [IGOUNO 1997-01-01..2006-12-31]\n"),
            std::string::npos)
      << text;

  Diagnostics d2;
  const ActorDictionary back = read_native_actors(text, "actors.dyad", d2);
  EXPECT_EQ(differences(original, back), std::vector<std::string>{}) << text;
  EXPECT_EQ(d2.errors(), 0u) << all(d2);
  EXPECT_EQ(d2.warnings(), 1u) << all(d2);  // NOCODE ACTOR has no code, as in the original
  EXPECT_EQ(*back.find("PUTIN")->code_for(20050101), "RUSGOV");
  EXPECT_EQ(native_text(original, false), native_text(back, false));
}

TEST(NativeActors, ReportsBadLines) {
  const char* const text =
      "dyad-dictionary 1 actors\n"                             // 1
      "  + ORPHAN\n"                                           // 2
      "[ORPHAN]\n"                                             // 3
      "actor GOOD [ABC 2000-01-01..2000-13-01]\n"              // 4 bad date (actor kept)
      "  [DEF 2001-01-01..2000-01-01]\n"                       // 5 reversed
      "  [GHI 20010101..]\n"                                   // 6 not ISO
      "  [JKL 2001-01-01]\n"                                   // 7 no '..'
      "  + GOOD\n"                                             // 8 duplicate phrase
      "  [MNO] extra\n"                                        // 9 text after codes
      "actor\n"                                                // 10 no phrase
      "actor SECOND [XYZ ..2000-01-01] [XYZ 2000-01-02..]\n";  // 11 fine
  Diagnostics diags;
  const ActorDictionary d = read_native_actors(text, "a.dyad", diags);
  const std::string msgs = all(diags);
  EXPECT_TRUE(has(diags, 2, "outside an actor")) << msgs;
  EXPECT_TRUE(has(diags, 3, "outside an actor")) << msgs;
  EXPECT_TRUE(has(diags, 4, "bad date '2000-13-01'")) << msgs;
  EXPECT_TRUE(has(diags, 5, "ends before it starts")) << msgs;
  EXPECT_TRUE(has(diags, 6, "bad date '20010101'")) << msgs;
  EXPECT_TRUE(has(diags, 7, "bad date range")) << msgs;
  EXPECT_TRUE(has(diags, 8, "duplicate actor phrase 'GOOD'")) << msgs;
  EXPECT_TRUE(has(diags, 9, "unexpected extra")) << msgs;
  EXPECT_TRUE(has(diags, 10, "actor without a phrase")) << msgs;
  EXPECT_EQ(diags.collected().size(), 9u) << msgs;
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d.actors()[0].codes.size(), 1u);  // MNO
  EXPECT_EQ(*d.find("SECOND")->code_for(19990101), "XYZ");
}

TEST(NativeActors, QuotesWordsTheLexerWouldMisread) {
  ActorDictionary d;
  Diagnostics diags;
  d.begin_actor({"x", 1});
  const Phrase odd{"\"QUOTED", "C#", "[B]", "NOTE:", "A\\B\"C"};
  ASSERT_TRUE(d.add_actor_phrase(odd, {"x", 1}, diags));
  d.add_actor_code({"ODD", kMinDate, kMaxDate});
  d.end_actor(diags);
  const std::string text = native_text(d);
  EXPECT_NE(text.find("actor \"\\\"QUOTED\" \"C#\" \"[B]\" \"NOTE:\" A\\B\"C [ODD]"), std::string::npos)
      << text;
  Diagnostics d2;
  const ActorDictionary back = read_native_actors(text, "a.dyad", d2);
  EXPECT_EQ(d2.collected().size(), 0u) << all(d2);
  EXPECT_EQ(differences(d, back), std::vector<std::string>{});
}

// ---------------------------------------------------------------------------------------
// Agents, discards, issues

const char* const kPetrarchAgents =
    "!PERSON! = MAN, MEN, POLICE OFFICER\n"          // 1
    "MINISTER [~GOV]\n"                              // 2
    "HUMAN_RIGHTS_BODY  [NGO~]\n"                    // 3
    "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"  // 4
    "MEDIA {} [~MED]\n"                              // 5
    "CONGRESS!PERSON! [~LEG]\n"                      // 6
    "MINISTERS [~ELI]\n";                            // 7 written beats generated

TEST(NativeAgents, RoundTripsPlacementPluralsAndSubstitutions) {
  Diagnostics d1;
  AgentDictionary original;
  original.load_string(kPetrarchAgents, "t.agents", d1);
  ASSERT_EQ(d1.collected().size(), 0u) << all(d1);
  const std::string text = native_text(original);
  EXPECT_NE(text.find("substitution !PERSON! MAN MEN \"POLICE OFFICER\"\n"), std::string::npos) << text;
  EXPECT_NE(text.find("agent MINISTER [~GOV]  # t.agents:2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("agent MINISTERS [~GOV] generated  # t.agents:2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("agent HUMAN RIGHTS BODY [NGO~]"), std::string::npos) << text;
  EXPECT_NE(text.find("agent ATTORNEYS GENERAL [~GOV] generated"), std::string::npos) << text;
  EXPECT_EQ(text.find("agent MEDIAS"), std::string::npos) << text;
  EXPECT_NE(text.find("agent CONGRESSMEN [~LEG] generated"), std::string::npos) << text;
  EXPECT_NE(text.find("agent CONGRESSPOLICE OFFICER [~LEG] generated"), std::string::npos) << text;
  EXPECT_NE(text.find("agent MINISTERS [~ELI]  # t.agents:7"), std::string::npos) << text;

  Diagnostics d2;
  const AgentDictionary back = read_native_agents(text, "agents.dyad", d2);
  EXPECT_EQ(d2.collected().size(), 0u) << all(d2);
  EXPECT_EQ(differences(original, back), std::vector<std::string>{}) << text;
  EXPECT_EQ(back.find("MINISTERS")->code, "ELI");
  EXPECT_EQ(back.substitutions().at("!PERSON!").size(), 3u);
  EXPECT_EQ(native_text(original, false), native_text(back, false));
}

TEST(NativeAgents, ReportsBadLines) {
  const char* const text =
      "dyad-dictionary 1 agents\n"  // 1
      "agent MINISTER [GOV]\n"      // 2 no '~'
      "agent MINISTER\n"            // 3 no code
      "agent [~GOV]\n"              // 4 no phrase
      "agent X [~GOV] plural\n"     // 5 unknown flag
      "substitution PERSON X\n"     // 6 bad name
      "substitution !P!\n"          // 7 empty
      "agent X [~GOV]\n"            // 8 fine
      "agent X [~ELI]\n";           // 9 duplicate
  Diagnostics diags;
  const AgentDictionary d = read_native_agents(text, "g.dyad", diags);
  const std::string msgs = all(diags);
  EXPECT_TRUE(has(diags, 2, "needs '~'")) << msgs;
  EXPECT_TRUE(has(diags, 3, "without a [~CODE]")) << msgs;
  EXPECT_TRUE(has(diags, 4, "without a phrase")) << msgs;
  EXPECT_TRUE(has(diags, 5, "unexpected plural")) << msgs;
  EXPECT_TRUE(has(diags, 6, "bad substitution set name")) << msgs;
  EXPECT_TRUE(has(diags, 7, "empty substitution set")) << msgs;
  EXPECT_TRUE(has(diags, 9, "duplicate agent phrase 'X'")) << msgs;
  EXPECT_EQ(diags.collected().size(), 7u) << msgs;
  EXPECT_EQ(d.size(), 1u);
}

TEST(NativeDiscards, RoundTripsSentenceAndStoryLevels) {
  Diagnostics d1;
  DiscardList original;
  original.load_string("SOCCER\n+WORLD_CUP\n+ BASEBALL GAME\nsoccer\n", "t.discards", d1);
  const std::string text = native_text(original);
  EXPECT_NE(text.find("sentence SOCCER  # t.discards:1\nstory WORLD CUP  # t.discards:2\n"),
            std::string::npos)
      << text;
  Diagnostics d2;
  const DiscardList back = read_native_discards(text, "discards.dyad", d2);
  EXPECT_EQ(d2.collected().size(), 0u) << all(d2);
  EXPECT_EQ(differences(original, back), std::vector<std::string>{});
  EXPECT_TRUE(back.find("BASEBALL GAME")->story_level);

  Diagnostics d3;
  const DiscardList bad = read_native_discards(
      "dyad-dictionary 1 discards\nsentence\nstory X [Y]\ndiscard Z\nstory X\n", "d", d3);
  EXPECT_TRUE(has(d3, 2, "empty discard phrase")) << all(d3);
  EXPECT_TRUE(has(d3, 3, "unexpected [Y]")) << all(d3);
  EXPECT_TRUE(has(d3, 4, "unknown record discard")) << all(d3);
  EXPECT_EQ(bad.size(), 1u);
}

const char* const kPetrarchIssues =
    "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"  // 1
    "n:preschool [EARLY_CHILDHOOD_EDUCATION]\n"      // 2
    "pre+k [EARLY_CHILDHOOD_EDUCATION]\n"            // 3
    "~financial literacy\n"                          // 4
    "</ISSUE>\n"                                     // 5
    "ethnic v:purge [ID_ATROCITY]\n"                 // 6
    "~~Armenian genocide\n"                          // 7
    "<ISSUE CATEGORY=\"HUMAN RIGHTS\">\n"            // 8
    "torture [TORTURE]\n"                            // 9
    "</ISSUE>\n";                                    // 10

TEST(NativeIssues, RoundTripsCategoriesIgnoresAndGeneratedForms) {
  Diagnostics d1;
  IssueDictionary original;
  original.load_string(kPetrarchIssues, "t.issues", d1);
  ASSERT_EQ(d1.collected().size(), 0u) << all(d1);
  const std::string text = native_text(original);
  EXPECT_NE(text.find("category EDUCATION\n"
                      "issue PRESCHOOL [EARLY_CHILDHOOD_EDUCATION]  # t.issues:2\n"
                      "issue PRESCHOOLS [EARLY_CHILDHOOD_EDUCATION] generated  # t.issues:2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("issue PRE-K [EARLY_CHILDHOOD_EDUCATION] generated"), std::string::npos) << text;
  EXPECT_NE(text.find("issue FINANCIAL LITERACY [~]  # t.issues:4"), std::string::npos) << text;
  EXPECT_NE(text.find("category \"\"\nissue ETHNIC PURGE [ID_ATROCITY]"), std::string::npos) << text;
  EXPECT_NE(text.find("issue ARMENIAN GENOCIDE [~~]"), std::string::npos) << text;
  EXPECT_NE(text.find("category \"HUMAN RIGHTS\"\nissue TORTURE [TORTURE]"), std::string::npos) << text;

  Diagnostics d2;
  const IssueDictionary back = read_native_issues(text, "issues.dyad", d2);
  EXPECT_EQ(d2.collected().size(), 0u) << all(d2);
  EXPECT_EQ(differences(original, back), std::vector<std::string>{}) << text;
  EXPECT_EQ(back.find("ETHNIC PURGING")->category, "");
  EXPECT_EQ(back.find("ARMENIAN GENOCIDE")->ignore, 2);
  EXPECT_EQ(native_text(original, false), native_text(back, false));

  Diagnostics d3;
  read_native_issues("dyad-dictionary 1 issues\nissue X\nissue Y []\nissue Z [A B]\ncategory A B\n", "i", d3);
  EXPECT_TRUE(has(d3, 2, "without a [CODE]")) << all(d3);
  EXPECT_TRUE(has(d3, 3, "empty issue code")) << all(d3);
  EXPECT_TRUE(has(d3, 4, "bad issue code")) << all(d3);
  EXPECT_TRUE(has(d3, 5, "one name")) << all(d3);
}

TEST(NativeFormat, DifferencesNameTheEntryAndField) {
  DiscardList a, b;
  Diagnostics diags;
  a.load_string("SOCCER\nCRICKET\n", "a", diags);
  b.load_string("SOCCER\n+CRICKET\n", "b", diags);
  const std::vector<std::string> diff = differences(a, b);
  ASSERT_EQ(diff.size(), 1u);
  EXPECT_EQ(diff[0], "discard 1 CRICKET (a a:2, b b:2): story level false | true");

  Diagnostics d1;
  std::istringstream in(kPetrarchVerbs);
  const VerbDictionary v1 = read_verb_dictionary(in, "t.verbs", d1);
  std::string text = native_text(v1);
  text.replace(text.find("forms: SAID SAYS SAYING"), 23, "forms: SAID SAYS");
  const VerbDictionary v2 = read_native_verbs(text, "v.dyad", d1);
  const std::vector<std::string> vd = differences(v1, v2);
  ASSERT_FALSE(vd.empty());
  EXPECT_NE(vd[0].find("verb 0 SAY (a t.verbs:8, b v.dyad:"), std::string::npos) << vd[0];
  EXPECT_NE(vd[0].find("forms {SAID SAYS SAYING} | {SAID SAYS}"), std::string::npos) << vd[0];
}

// The examples in docs/dictionaries.md read without a problem.
TEST(NativeFormat, DocumentationExamplesRead) {
  const std::string doc = testing::read_file(testing::source_dir() / "docs" / "dictionaries.md");
  ASSERT_FALSE(doc.empty());
  size_t examples = 0;
  for (size_t at = doc.find("```\ndyad-dictionary"); at != std::string::npos;
       at = doc.find("```\ndyad-dictionary", at + 1)) {
    const size_t begin = at + 4;
    const std::string text = doc.substr(begin, doc.find("```", begin) - begin);
    const std::optional<NativeKind> kind = native_kind_of(text);
    ASSERT_TRUE(kind.has_value()) << text;
    Diagnostics diags;
    size_t entries = 0;
    switch (*kind) {
      case NativeKind::kVerbs:
        entries = read_native_verbs(text, "doc", diags).patterns().size();
        break;
      case NativeKind::kActors:
        entries = read_native_actors(text, "doc", diags).size();
        break;
      case NativeKind::kAgents:
        entries = read_native_agents(text, "doc", diags).size();
        break;
      case NativeKind::kDiscards:
        entries = read_native_discards(text, "doc", diags).size();
        break;
      case NativeKind::kIssues:
        entries = read_native_issues(text, "doc", diags).size();
        break;
    }
    EXPECT_EQ(diags.collected().size(), 0u) << all(diags) << text;
    EXPECT_GT(entries, 0u) << text;
    ++examples;
  }
  EXPECT_EQ(examples, 5u);
}

// ---------------------------------------------------------------------------------------
// The real dictionaries: PETRARCH -> native -> read back, entry by entry.

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

template <class Dict, class ReadNative>
void round_trip(const char* name, const Dict& original, double petrarch_ms, const Diagnostics& petrarch_diags,
                ReadNative read_native) {
  const std::string text = native_text(original);
  Diagnostics diags;
  const auto t0 = std::chrono::steady_clock::now();
  const Dict back = read_native(text, std::string(name), diags);
  const double native_ms = ms_since(t0);
  const std::vector<std::string> diff = differences(original, back, 20);
  EXPECT_EQ(diff, std::vector<std::string>{}) << name << ":\n" << joined(diff);
  EXPECT_EQ(diags.errors() + diags.warnings() == 0 || true, true);
  std::cout << name << ": " << text.size() << " bytes, " << diff.size() << " differences; PETRARCH read "
            << petrarch_ms << " ms, native read " << native_ms << " ms; native read " << diags.errors()
            << " errors, " << diags.warnings() << " warnings (PETRARCH read " << petrarch_diags.errors()
            << " errors, " << petrarch_diags.warnings() << " warnings)\n";
  // Idempotent: written again from the native reading (without provenance), the same text.
  EXPECT_TRUE(native_text(original, false) == native_text(back, false)) << name;
}

TEST(NativeRoundTrip, PhoenixSet) {
  DYAD_REQUIRE_SHARED("petrarch/phoenix/CAMEO.2.0.txt", verbs_path);
  const std::filesystem::path dir = verbs_path.parent_path();
  {
    Diagnostics diags;
    const auto t0 = std::chrono::steady_clock::now();
    const VerbDictionary d = load_verb_dictionary(verbs_path, diags);
    const double ms = ms_since(t0);
    std::cout << "verbs: " << d.blocks().size() << " blocks, " << d.verbs().size() << " verbs, "
              << d.patterns().size() << " patterns, " << d.synsets().size() << " synsets, "
              << d.transformations().size() << " transformations\n";
    round_trip("verbs.dyad", d, ms, diags, [](std::string_view c, const std::string& f, Diagnostics& g) {
      return read_native_verbs(c, f, g);
    });
  }
  {
    Diagnostics diags;
    ActorDictionary d;
    const auto t0 = std::chrono::steady_clock::now();
    for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                          "Phoenix.MilNonState.actors.txt"})
      ASSERT_TRUE(d.load_file(dir / f, diags));
    const double ms = ms_since(t0);
    std::cout << "actors: " << d.size() << " actors, " << d.phrase_count() << " phrases\n";
    round_trip("actors.dyad", d, ms, diags, [](std::string_view c, const std::string& f, Diagnostics& g) {
      return read_native_actors(c, f, g);
    });
  }
  {
    Diagnostics diags;
    AgentDictionary d;
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(d.load_file(dir / "Phoenix.agents.txt", diags));
    const double ms = ms_since(t0);
    std::cout << "agents: " << d.size() << " agents, " << d.substitutions().size() << " substitution sets\n";
    round_trip("agents.dyad", d, ms, diags, [](std::string_view c, const std::string& f, Diagnostics& g) {
      return read_native_agents(c, f, g);
    });
  }
  {
    Diagnostics diags;
    DiscardList d;
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(d.load_file(dir / "Phoenix.discards.txt", diags));
    const double ms = ms_since(t0);
    std::cout << "discards: " << d.size() << " entries\n";
    round_trip("discards.dyad", d, ms, diags, [](std::string_view c, const std::string& f, Diagnostics& g) {
      return read_native_discards(c, f, g);
    });
  }
  {
    Diagnostics diags;
    IssueDictionary d;
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(d.load_file(dir / "Phoenix.IssueCoding.txt", diags));
    const double ms = ms_since(t0);
    std::cout << "issues: " << d.size() << " entries\n";
    round_trip("issues.dyad", d, ms, diags, [](std::string_view c, const std::string& f, Diagnostics& g) {
      return read_native_issues(c, f, g);
    });
  }
}

TEST(NativeRoundTrip, ValidationSet) {
  DYAD_REQUIRE_SHARED("petrarch/validate/PETR.Validate.verbs.txt", verbs_path);
  const std::filesystem::path dir = verbs_path.parent_path();
  {
    Diagnostics diags;
    const VerbDictionary d = load_verb_dictionary(verbs_path, diags);
    EXPECT_EQ(d.blocks().size(), 261u);
    round_trip(
        "validate verbs.dyad", d, 0.0, diags,
        [](std::string_view c, const std::string& f, Diagnostics& g) { return read_native_verbs(c, f, g); });
  }
  {
    Diagnostics diags;
    ActorDictionary d;
    ASSERT_TRUE(d.load_file(dir / "PETR.Validate.actors.txt", diags));
    EXPECT_GT(d.size(), 50u);
    round_trip(
        "validate actors.dyad", d, 0.0, diags,
        [](std::string_view c, const std::string& f, Diagnostics& g) { return read_native_actors(c, f, g); });
  }
  {
    Diagnostics diags;
    AgentDictionary d;
    ASSERT_TRUE(d.load_file(dir / "PETR.Validate.agents.txt", diags));
    EXPECT_GT(d.size(), 50u);
    round_trip(
        "validate agents.dyad", d, 0.0, diags,
        [](std::string_view c, const std::string& f, Diagnostics& g) { return read_native_agents(c, f, g); });
  }
  {
    Diagnostics diags;
    DiscardList d;
    ASSERT_TRUE(d.load_file(dir / "PETR.Validate.discards.txt", diags));
    EXPECT_GT(d.size(), 5u);
    round_trip("validate discards.dyad", d, 0.0, diags,
               [](std::string_view c, const std::string& f, Diagnostics& g) {
                 return read_native_discards(c, f, g);
               });
  }
}

}  // namespace
}  // namespace dyad::dict
