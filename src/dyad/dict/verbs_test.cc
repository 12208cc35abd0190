#include "dyad/dict/verbs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <sstream>

#include "test_support.h"

namespace dyad::dict {
namespace {

using K = PatternTokenKind;

VerbDictionary read(const std::string& text, Diagnostics& diags) {
  std::istringstream in(text);
  return read_verb_dictionary(in, "t.verbs", diags);
}

// "line: message" for each problem, to compare with expectations.
std::vector<std::string> problems(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.collected())
    out.push_back(std::to_string(d.where.line) + ": " + d.message);
  return out;
}

bool has_problem(const Diagnostics& diags, uint64_t line, const std::string& fragment) {
  for (const Diagnostic& d : diags.collected())
    if (d.where.line == line && d.where.file == "t.verbs" && d.message.find(fragment) != std::string::npos)
      return true;
  return false;
}

TEST(VerbForms, RegularFormsFollowPetrarchWithSpellingFixes) {
  EXPECT_EQ(regular_verb_forms("ACCUSE"), (std::vector<std::string>{"ACCUSES", "ACCUSED", "ACCUSING"}));
  EXPECT_EQ(regular_verb_forms("ATTACK"), (std::vector<std::string>{"ATTACKS", "ATTACKED", "ATTACKING"}));
  EXPECT_EQ(regular_verb_forms("STUDY"),
            (std::vector<std::string>{"STUDIES", "STUDIED", "STUDYING", "STUDYS", "STUDYED"}));
  EXPECT_EQ(regular_verb_forms("DESTROY"), (std::vector<std::string>{"DESTROYS", "DESTROYED", "DESTROYING"}));
  EXPECT_EQ(regular_verb_forms("PUSH"), (std::vector<std::string>{"PUSHES", "PUSHED", "PUSHING", "PUSHS"}));
  EXPECT_EQ(regular_verb_forms("AGREE"),
            (std::vector<std::string>{"AGREES", "AGREED", "AGREEING", "AGREING"}));
  EXPECT_EQ(regular_verb_forms("DIE"), (std::vector<std::string>{"DIES", "DIED", "DYING", "DIING"}));
  // No consonant doubling (dictionaries list those forms in {...}).
  EXPECT_EQ(regular_verb_forms("VISIT"), (std::vector<std::string>{"VISITS", "VISITED", "VISITING"}));
  EXPECT_EQ(regular_verb_forms("meet")[2], "MEETING");
  EXPECT_EQ(synset_plural("DOLLAR"), "DOLLARS");
  EXPECT_EQ(synset_plural("CURRENCY"), "CURRENCIES");
  EXPECT_EQ(synset_plural("DAY"), "DAYS");
  EXPECT_EQ(synset_plural("PROCESS"), "PROCESSES");
}

const char* const kSnippet =
    "# a comment\n"                                    // 1
    "&CURRENCY\n"                                      // 2
    "+DOLLAR\n"                                        // 3
    "+SWISS_FRANC_\n"                                  // 4
    "&AUXVERB3_\n"                                     // 5
    "+HAVE\n"                                          // 6
    "\n"                                               // 7
    "---  MAKE_STATEMENT   [010]  ---\n"               // 8
    "SAY {SAID SAYS SAYING}   # jw 11/14/91\n"         // 9
    "COMMENT\n"                                        // 10
    "CLARIFY {CLARIFIES CLARIFIED } [040]\n"           // 11
    "+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}\n"         // 12
    "KLM_NOP_+RST [002]\n"                             // 13
    "- $ * (TO {BANNED PARTIES}) +   [1722]  # ADD\n"  // 14
    "- IN_* &CURRENCY ^ WITH_%  [042:043]\n"           // 15
    "- &AUXVERB3 *_OUT [0334]  // note\n"              // 16
    "\n"                                               // 17
    "<!-- multi\n"                                     // 18
    "line comment -->\n"                               // 19
    "~ a (a b ATTACK) SAY = a b 015\n";                // 20

TEST(VerbReader, ReadsSynsetsVerbsPatternsAndRules) {
  Diagnostics diags;
  const VerbDictionary d = read(kSnippet, diags);
  EXPECT_EQ(diags.collected().size(), 0u) << ::testing::PrintToString(problems(diags));

  // Synsets.
  ASSERT_EQ(d.synsets().size(), 2u);
  const Synset* cur = d.synset("&CURRENCY");
  ASSERT_NE(cur, nullptr);
  EXPECT_EQ(cur->where.line, 2u);
  ASSERT_EQ(cur->members.size(), 2u);
  EXPECT_EQ(cur->members[0].words, (std::vector<std::string>{"DOLLAR"}));
  EXPECT_EQ(cur->members[0].plural, "DOLLARS");
  EXPECT_EQ(cur->members[1].words, (std::vector<std::string>{"SWISS", "FRANC"}));
  EXPECT_EQ(cur->members[1].plural, "");  // trailing '_'
  const Synset* aux = d.synset("AUXVERB3_");
  ASSERT_NE(aux, nullptr);
  EXPECT_EQ(aux->name, "AUXVERB3");
  EXPECT_FALSE(aux->plurals);
  EXPECT_EQ(aux->members[0].plural, "");

  // Block and verbs.
  ASSERT_EQ(d.blocks().size(), 1u);
  EXPECT_EQ(d.blocks()[0].name, "MAKE_STATEMENT");
  EXPECT_EQ(d.blocks()[0].code.code, "010");
  EXPECT_EQ(d.blocks()[0].where.line, 8u);
  ASSERT_EQ(d.verbs().size(), 5u);
  const Verb& say = d.verbs()[0];
  EXPECT_EQ(say.lemma, "SAY");
  EXPECT_TRUE(say.irregular);
  EXPECT_EQ(say.forms, (std::vector<std::string>{"SAID", "SAYS", "SAYING"}));
  EXPECT_EQ(d.code_of(say).code, "010");
  EXPECT_EQ(say.where.line, 9u);
  const Verb& comment = d.verbs()[1];
  EXPECT_FALSE(comment.irregular);
  EXPECT_EQ(comment.forms, (std::vector<std::string>{"COMMENTS", "COMMENTED", "COMMENTING"}));
  EXPECT_EQ(d.code_of(d.verbs()[2]).code, "040");
  const Verb& brk = d.verbs()[3];
  EXPECT_EQ(brk.lemma, "BREAK");
  EXPECT_EQ(brk.words_after, (std::vector<std::string>{"DOWN"}));
  EXPECT_EQ(brk.forms, (std::vector<std::string>{"BREAKS", "BROKE"}));
  EXPECT_EQ(brk.phrase_forms, (std::vector<std::string>{"BREAKS DOWN", "BROKE DOWN"}));
  EXPECT_TRUE(say.phrase_forms.empty());
  const Verb& rst = d.verbs()[4];
  EXPECT_EQ(rst.lemma, "RST");
  EXPECT_EQ(rst.words_before, (std::vector<std::string>{"KLM", "NOP"}));
  EXPECT_EQ(d.code_of(rst).code, "002");

  // Patterns.
  ASSERT_EQ(d.patterns().size(), 3u);
  const VerbPattern& p0 = d.patterns()[0];
  EXPECT_EQ(p0.where.line, 14u);
  EXPECT_EQ(p0.where.file, "t.verbs");
  EXPECT_EQ(p0.code.code, "1722");
  EXPECT_EQ(p0.code.paired, "");
  EXPECT_EQ(p0.comment, "ADD");
  EXPECT_EQ(p0.text, "$ * (TO {BANNED PARTIES}) +");
  EXPECT_EQ(p0.before, (std::vector<PatternToken>{{K::kSource, "$", false}}));
  EXPECT_EQ(p0.after, (std::vector<PatternToken>{{K::kPrepOpen, "(", false},
                                                 {K::kWord, "TO", false},
                                                 {K::kNounOpen, "{", false},
                                                 {K::kWord, "BANNED", false},
                                                 {K::kWord, "PARTIES", false},
                                                 {K::kNounClose, "}", false},
                                                 {K::kPrepClose, ")", false},
                                                 {K::kTarget, "+", false}}));
  const VerbPattern& p1 = d.patterns()[1];
  EXPECT_EQ(p1.code, (EventCode{"042", "043"}));
  EXPECT_TRUE(p1.verb_joined_before);
  EXPECT_FALSE(p1.verb_joined_after);
  EXPECT_EQ(p1.before, (std::vector<PatternToken>{{K::kWord, "IN", false}}));
  EXPECT_EQ(p1.after, (std::vector<PatternToken>{{K::kSynset, "CURRENCY", false},
                                                 {K::kSkip, "^", false},
                                                 {K::kWord, "WITH", false},
                                                 {K::kCompound, "%", true}}));
  const VerbPattern& p2 = d.patterns()[2];
  EXPECT_TRUE(p2.verb_joined_after);
  EXPECT_EQ(p2.before, (std::vector<PatternToken>{{K::kSynset, "AUXVERB3", false}}));
  EXPECT_EQ(p2.after, (std::vector<PatternToken>{{K::kWord, "OUT", false}}));

  // Index.
  EXPECT_EQ(d.patterns_for("SAY").size(), 3u);
  EXPECT_EQ(d.patterns_for("say")[0], &p0);
  EXPECT_TRUE(d.patterns_for("SHOUT").empty());
  ASSERT_EQ(d.verbs_for_form("SAID").size(), 1u);
  EXPECT_EQ(d.verbs_for_form("SAID")[0]->lemma, "SAY");
  EXPECT_EQ(d.verbs_for_form("commenting")[0]->lemma, "COMMENT");

  // Transformation.
  ASSERT_EQ(d.transformations().size(), 1u);
  EXPECT_EQ(d.transformations()[0].lhs, (std::vector<std::string>{"a", "(", "a", "b", "ATTACK", ")", "SAY"}));
  EXPECT_EQ(d.transformations()[0].rhs, (std::vector<std::string>{"a", "b", "015"}));
  EXPECT_EQ(d.transformations()[0].where.line, 20u);
}

TEST(VerbReader, ReportsProblemsWithLinesAndContinues) {
  const char* const text =
      "&GOOD\n"                         // 1
      "+WORD\n"                         // 2
      "- * ORPHAN [010]\n"              // 3 pattern before any block
      "--- FIRST [01 X] ---\n"          // 4 bad header code
      "SAY {SAID SAYS\n"                // 5 unbalanced {
      "SAY\n"                           // 6 duplicate verb (plain after irregular, same block: merged)
      "- * (TO +  [010]\n"              // 7 unbalanced (
      "- * &NOPE [010]\n"               // 8 unknown synset (kept)
      "- * BAD [0 1]\n"                 // 9 bad code
      "- NO VERB [010]\n"               // 10 no '*'
      "- * GOOD {A} B}  [020]\n"        // 11 unbalanced }
      "- * &GOOD [345]\n"               // 12 fine: uncommon codes are kept
      "- * &GOOD [345]\n"               // 13 duplicate pattern, dropped
      "- * NOCODE\n"                    // 14 no code
      "--- SECOND [+++] ---\n"          // 15 fine
      "SAY\n"                           // 16 duplicate verb in another block
      "CLEAR_UP\n"                      // 17 multi-word without '+': first word (warning)
      "&GOOD\n"                         // 18 duplicate synset
      "+OTHER\n"                        // 19
      "~ a (b ATTACK SAY = a b 015\n";  // 20 unbalanced
  Diagnostics diags;
  const VerbDictionary d = read(text, diags);
  const std::string all = ::testing::PrintToString(problems(diags));
  EXPECT_TRUE(has_problem(diags, 3, "pattern outside a verb block")) << all;
  EXPECT_TRUE(has_problem(diags, 4, "bad code [01 X]")) << all;
  EXPECT_TRUE(has_problem(diags, 5, "unbalanced '{'")) << all;
  EXPECT_TRUE(has_problem(diags, 7, "unbalanced '('")) << all;
  EXPECT_TRUE(has_problem(diags, 8, "unknown synset &NOPE")) << all;
  EXPECT_TRUE(has_problem(diags, 9, "bad code [0 1]")) << all;
  EXPECT_TRUE(has_problem(diags, 10, "without the verb marker")) << all;
  EXPECT_TRUE(has_problem(diags, 11, "unbalanced '}'")) << all;
  EXPECT_TRUE(has_problem(diags, 13, "duplicate pattern")) << all;
  EXPECT_TRUE(has_problem(diags, 14, "without a [code]")) << all;
  EXPECT_TRUE(has_problem(diags, 16, "duplicate verb SAY (also at t.verbs:5)")) << all;
  EXPECT_TRUE(has_problem(diags, 17, "taking the first word, CLEAR, as the verb")) << all;
  EXPECT_TRUE(has_problem(diags, 18, "duplicate synset &GOOD (first defined at t.verbs:1)")) << all;
  EXPECT_TRUE(has_problem(diags, 20, "unbalanced parentheses")) << all;
  EXPECT_EQ(diags.collected().size(), 14u) << all;
  for (const Diagnostic& dg : diags.collected()) EXPECT_EQ(dg.where.file, "t.verbs");

  // Reading went on: both blocks, the good patterns, the merged synset.
  ASSERT_EQ(d.blocks().size(), 2u);
  EXPECT_EQ(d.blocks()[0].code.code, "---");  // bad header code replaced
  EXPECT_EQ(d.blocks()[1].code.code, "+++");
  ASSERT_EQ(d.patterns().size(), 2u);
  EXPECT_EQ(d.patterns()[0].where.line, 8u);
  EXPECT_EQ(d.patterns()[1].code.code, "345");
  EXPECT_EQ(d.verbs().size(), 3u);  // SAY (line 5, forms up to end of line), SAY (16), CLEAR UP (17)
  EXPECT_EQ(d.verbs()[0].forms, (std::vector<std::string>{"SAID", "SAYS"}));
  EXPECT_EQ(d.patterns_for("SAY").size(), 2u);  // both blocks' patterns (second has none)
  EXPECT_EQ(d.synset("GOOD")->members.size(), 2u);
}

TEST(VerbReader, SamePatternWithAnotherCodeIsKeptWithAWarning) {
  Diagnostics diags;
  const VerbDictionary d = read("--- BRING [---] ---\nDELIVER\n- * PLEA [020]\n- * PLEA [023]\n", diags);
  EXPECT_EQ(d.patterns().size(), 2u);
  ASSERT_EQ(diags.collected().size(), 1u);
  EXPECT_EQ(diags.collected()[0].severity, Severity::kWarning);
  EXPECT_TRUE(has_problem(diags, 4, "also at t.verbs:3 with code [020]")) << diags.collected()[0].str();
}

TEST(VerbReader, VerbAfterPatternsStartsItsOwnBlock) {
  Diagnostics diags;
  const VerbDictionary d = read(
      "GRANT [070]\nGIVE {GAVE GIVEN}\n- * &CUR [903]\n&CUR\n+PESO\nVOW [170]\n- * RESIST [112]\n", diags);
  EXPECT_EQ(diags.collected().size(), 0u) << ::testing::PrintToString(problems(diags));
  ASSERT_EQ(d.blocks().size(), 2u);
  EXPECT_EQ(d.blocks()[0].name, "GRANT");
  EXPECT_EQ(d.blocks()[0].code.code, "070");
  EXPECT_EQ(d.code_of(d.verbs()[1]).code, "070");  // GIVE
  EXPECT_EQ(d.blocks()[1].name, "VOW");
  EXPECT_EQ(d.patterns_for("GIVE").size(), 1u);
  EXPECT_EQ(d.patterns_for("VOW")[0]->code.code, "112");
}

TEST(VerbDictionaryFiles, LoadsCameo20) {
  DYAD_REQUIRE_SHARED("petrarch/phoenix/CAMEO.2.0.txt", path);
  Diagnostics diags;
  const auto t0 = std::chrono::steady_clock::now();
  const VerbDictionary d = load_verb_dictionary(path, diags);
  const auto ms =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count() /
      1000.0;
  std::cout << "CAMEO.2.0.txt: " << d.blocks().size() << " blocks, " << d.verbs().size() << " verbs, "
            << d.patterns().size() << " patterns, " << d.synsets().size() << " synsets, "
            << d.transformations().size() << " transformations, " << diags.errors() << " errors, "
            << diags.warnings() << " warnings, " << ms << " ms\n";
  size_t dropped = 0;
  std::vector<uint64_t> error_lines;
  for (const Diagnostic& dg : diags.collected()) {
    if (dg.message.find("duplicate pattern") != std::string::npos) ++dropped;
    if (dg.severity == Severity::kError) error_lines.push_back(dg.where.line);
  }
  // Independent counts, from the shell:
  //   grep -c '^---' CAMEO.2.0.txt   -> 397 block headers
  //   grep -c '^- ' CAMEO.2.0.txt    -> 4668 pattern lines (every one has a '*')
  //   grep -c '^~' CAMEO.2.0.txt     -> 8 transformations (one more is commented out)
  // Exact duplicate patterns within a block are dropped with a warning each; four
  // patterns are malformed in the file itself; three are left out (errors below).
  EXPECT_EQ(d.blocks().size(), 397u);
  EXPECT_EQ(d.patterns().size() + dropped + 3, 4668u);
  EXPECT_EQ(d.transformations().size(), 8u);
  // The file's own mistakes: 1735 "- *SCEPTICAL", 2374 "(WITH VISIT)  VISIT)[042:043]",
  // 7606 "(ON ^)  ^)[111]" (stray text before the code), 8443/8444 &WEATHER and
  // &DEMONSTRATION are never defined. (5787 "[080!]" is kept as written, as PETRARCH keeps it;
  // `dyad dict check` warns that CAMEO does not define it.)
  std::sort(error_lines.begin(), error_lines.end());
  EXPECT_EQ(error_lines, (std::vector<uint64_t>{1735, 2374, 7606, 8443, 8444}))
      << ::testing::PrintToString(error_lines);

  // Line 8659: "- * (IN {MORTAR ATTACK}) [:194]": only the paired code.
  for (const VerbPattern& p : d.patterns())
    if (p.where.line == 8659) {
      EXPECT_EQ(p.code, (EventCode{"", "194"}));
    }

  // Line 738: "- * (TO {BANNED PARTIES}) $   [1722]   # ADD" in the ADD block.
  const VerbPattern* found = nullptr;
  for (const VerbPattern* p : d.patterns_for("ADD"))
    if (p->where.line == 738) found = p;
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->code.code, "1722");
  EXPECT_EQ(d.blocks()[found->block].name, "ADD");
  EXPECT_EQ(found->after.back().kind, K::kSource);
  // BRING {BRINGS BRINGING BROUGHT} merged into the plain BRING of the same block.
  ASSERT_FALSE(d.verbs_for_form("BROUGHT").empty());
  EXPECT_EQ(d.verbs_for_form("BROUGHT")[0]->lemma, "BRING");
  ASSERT_NE(d.synset("CURRENCY"), nullptr);
  // Line 8106: "+CRACK_DOWN {+CRACKED_DOWN , +CRACKS_DOWN , +CRACKING_DOWN}".
  // (CRACK alone, line 8429, is another entry.)
  const Verb* crack_down = nullptr;
  for (const Verb* v : d.verbs_for("CRACK"))
    if (v->words_after == std::vector<std::string>{"DOWN"}) crack_down = v;
  ASSERT_NE(crack_down, nullptr);
  EXPECT_EQ(crack_down->where.line, 8106u);
  EXPECT_EQ(crack_down->phrase_forms,
            (std::vector<std::string>{"CRACKED DOWN", "CRACKS DOWN", "CRACKING DOWN"}));
}

TEST(VerbDictionaryFiles, LoadsValidationVerbs) {
  DYAD_REQUIRE_SHARED("petrarch/validate/PETR.Validate.verbs.txt", path);
  Diagnostics diags;
  const VerbDictionary d = load_verb_dictionary(path, diags);
  // grep -c '^---' -> 261 headers; grep -c '^- ' -> 474 pattern lines.
  EXPECT_EQ(d.blocks().size(), 261u);
  EXPECT_GT(d.patterns().size(), 400u);
  // The suite's deliberate oddities: 992 "[###]" ('#' starts a comment, so the code is cut
  // off) is an error; 688 "LASH OUT" and 1025 "RULE OUT" (multi-word verbs without '+') are
  // warnings, and 975 [025?] and 1051 [023?] are codes kept as written.
  std::vector<uint64_t> error_lines;
  for (const Diagnostic& dg : diags.collected())
    if (dg.severity == Severity::kError) error_lines.push_back(dg.where.line);
  EXPECT_EQ(error_lines, (std::vector<uint64_t>{992}));
  ASSERT_FALSE(d.verbs_for("LASH").empty());
  EXPECT_EQ(d.verbs_for("LASH")[0]->words_after, (std::vector<std::string>{"OUT"}));
  ASSERT_FALSE(d.verbs_for("REPORT").empty());
  EXPECT_EQ(d.code_of(*d.verbs_for("REPORT")[0]).code, "025?");
  // --- ABANDON [345] --- keeps its non-CAMEO code; KLM_NOP_+RST [002] is a multi-word verb.
  ASSERT_FALSE(d.verbs_for("ABANDON").empty());
  EXPECT_EQ(d.code_of(*d.verbs_for("ABANDON")[0]).code, "345");
  ASSERT_FALSE(d.verbs_for("RST").empty());
  EXPECT_EQ(d.verbs_for("RST")[0]->words_before, (std::vector<std::string>{"KLM", "NOP"}));
  EXPECT_EQ(d.code_of(*d.verbs_for("RST")[0]).code, "002");
  ASSERT_NE(d.synset("ACCORDSYN"), nullptr);
  EXPECT_EQ(d.synset("ACCORDSYN")->members[0].synset, "TIETYPES");
}

}  // namespace
}  // namespace dyad::dict
