#include "dyad/coder/coder.h"

#include <gtest/gtest.h>

#include <sstream>

#include "dyad/coder/mentions.h"
#include "dyad/coder/petrarch_eval.h"
#include "test_support.h"

namespace dyad::coder {
namespace {

Sentence parsed(const std::string& spec) { return testing::parsed_sentence(spec); }

std::vector<std::string> triples(const SentenceCoding& c) {
  std::vector<std::string> out;
  for (const Event& e : c.events) out.push_back(e.source.code + ">" + e.target.code + ":" + e.code);
  std::sort(out.begin(), out.end());
  return out;
}

class CoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::istringstream verbs(
        "&NEGAUX\n"
        "+DID N'T\n"
        "+WILL NOT\n"
        "--- CRITICIZE [111] ---\n"      // 4
        "CRITICIZE\n"                    // 5
        "- &NEGAUX * [---]\n"            // 6 a negated criticism is not one
        "- * HARSHLY [112]\n"            // 7
        "--- VISIT [042:043] ---\n"      // 8
        "VISIT\n"                        // 9
        "--- AGREE [030] ---\n"          // 10
        "AGREE\n"                        // 11
        "- % * [030:030]\n"              // 12
        "--- CONFISCATE [1711] ---\n"    // 13
        "WIRE_+TAP\n"                    // 14
        "--- ATTACK [190] ---\n"         // 15
        "ATTACK\n"                       // 16
        "- * + WITH MACHETES [182]\n");  // 17
    dicts_.verbs = dict::read_verb_dictionary(verbs, "t.verbs", diags_);
    dicts_.actors.load_string(
        "RUSSIA [RUS]\n"
        "RUSSIAN [RUS]\n"
        "UKRAINE [UKR]\n"
        "CHINA [CHN]\n"
        "US [USA]\n"
        "VLADIMIR_PUTIN_ [RUSGOV >20000507] [RUSELI]\n",
        "t.actors", diags_);
    dicts_.agents.load_string("GOVERNMENT [~GOV]\nMINISTER [~GOV]\n", "t.agents", diags_);
    dicts_.discards.load_string("+FOOTBALL MATCH\nMONTHS LATER\n", "t.discards", diags_);
    ASSERT_EQ(diags_.errors(), 0u);
  }
  SentenceCoding code(const std::string& spec, CoderOptions options = {}, int32_t date = 20200101) {
    return Coder(dicts_, options).code(parsed(spec), date, 0, true);
  }
  Diagnostics diags_;
  dict::DictionarySet dicts_;
};

TEST_F(CoderTest, SubjectVerbObject) {
  const auto c = code("Russia/NNP/2/nsubj criticized/VBD/0/root/criticize Ukraine/NNP/2/obj ././2/punct");
  EXPECT_EQ(triples(c), std::vector<std::string>{"RUS>UKR:111"});
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].verb, 1u);
  EXPECT_EQ(c.events[0].pattern, "t.verbs:5");  // the verb's own code
  EXPECT_EQ(c.events[0].source.words, std::vector<uint32_t>{0});
}

TEST_F(CoderTest, PatternGivesTheCodeAndItsLine) {
  const auto c = code("Russia/NNP/2/nsubj criticized/VBD/0/root Ukraine/NNP/2/obj harshly/RB/2/advmod");
  EXPECT_EQ(triples(c), std::vector<std::string>{"RUS>UKR:112"});
  EXPECT_EQ(c.events[0].pattern, "t.verbs:7");
  EXPECT_EQ(c.events[0].pattern_text, "* HARSHLY");
}

TEST_F(CoderTest, NegationThroughASynsetCancelsTheEvent) {
  // did n't: the tokenizer splits "didn't" into these two words, as TreeBank does.
  const auto c =
      code("Russia/NNP/4/nsubj did/VBD/4/aux n't/RB/4/advmod criticize/VB/0/root Ukraine/NNP/4/obj");
  EXPECT_TRUE(c.events.empty());
  ASSERT_FALSE(c.trace.empty());
}

TEST_F(CoderTest, PassiveWithAgentSwapsRoles) {
  const auto c = code(
      "Ukraine/NNP/3/nsubj:pass was/VBD/3/aux:pass criticized/VBN/0/root by/IN/5/case "
      "Russia/NNP/3/obl:agent");
  EXPECT_EQ(triples(c), std::vector<std::string>{"RUS>UKR:111"});
}

// An active pattern's '+' may take the agent of a passive ("attacked by Russia with
// machetes"); the agent is still the doer.
TEST_F(CoderTest, PassiveAgentTakenByAPatternIsStillTheSource) {
  const auto c = code(
      "Ukraine/NNP/3/nsubj:pass was/VBD/3/aux:pass attacked/VBN/0/root by/IN/5/case "
      "Russia/NNP/3/obl:agent with/IN/7/case machetes/NNS/3/obl");
  EXPECT_EQ(triples(c), std::vector<std::string>{"RUS>UKR:182"});
  EXPECT_EQ(c.events.at(0).pattern, "t.verbs:17");
}

// Two phrases naming one country are a domestic event, as PLOVER codes them ("Iraqi
// Kurds ... from Iraq"); one phrase, or a country in two compounds, is not.
TEST_F(CoderTest, OneCountryInTwoPhrasesIsADomesticEvent) {
  EXPECT_EQ(triples(code("Russian/JJ/2/amod people/NNS/3/nsubj criticized/VBD/0/root Russia/NNP/3/obj")),
            std::vector<std::string>{"RUS>RUS:111"});
  EXPECT_TRUE(code("Russia/NNP/2/nsubj criticized/VBD/0/root itself/PRP/2/obj").events.empty());
  EXPECT_EQ(triples(code("Russia/NNP/4/nsubj and/CC/3/cc China/NNP/1/conj criticized/VBD/0/root "
                         "Russia/NNP/4/obj and/CC/7/cc Ukraine/NNP/5/conj")),
            (std::vector<std::string>{"CHN>RUS:111", "CHN>UKR:111", "RUS>UKR:111"}));
}

TEST_F(CoderTest, AgentlessPassiveLeavesTheSourceUnknown) {
  const std::string s = "Ukraine/NNP/3/nsubj:pass was/VBD/3/aux:pass criticized/VBN/0/root";
  EXPECT_TRUE(code(s).events.empty());  // require_dyad
  CoderOptions lax;
  lax.require_dyad = false;
  EXPECT_EQ(triples(code(s, lax)), std::vector<std::string>{"--->UKR:111"});
}

TEST_F(CoderTest, CompoundSubjectGivesOneEventPerMember) {
  const auto c =
      code("Russia/NNP/4/nsubj and/CC/3/cc China/NNP/1/conj criticized/VBD/0/root Ukraine/NNP/4/obj");
  EXPECT_EQ(triples(c), (std::vector<std::string>{"CHN>UKR:111", "RUS>UKR:111"}));
  ASSERT_FALSE(c.mentions.empty());
  EXPECT_EQ(c.mentions[0].codes, (std::vector<std::string>{"RUS", "CHN"}));
}

TEST_F(CoderTest, CompoundActingOnItselfWithAPairedCode) {
  const auto c = code("Russia/NNP/4/nsubj and/CC/3/cc China/NNP/1/conj agreed/VBD/0/root");
  EXPECT_EQ(triples(c), (std::vector<std::string>{"CHN>RUS:030", "RUS>CHN:030"}));
}

TEST_F(CoderTest, AgentsComposeWithTheActor) {
  const auto c =
      code("The/DT/3/det Russian/JJ/3/amod government/NN/4/nsubj criticized/VBD/0/root Ukraine/NNP/4/obj");
  EXPECT_EQ(triples(c), std::vector<std::string>{"RUSGOV>UKR:111"});
  // An agent alone: "---GOV", kept apart from "---" by require_dyad.
  const auto alone = code("The/DT/2/det minister/NN/3/nsubj criticized/VBD/0/root Ukraine/NNP/3/obj");
  EXPECT_EQ(triples(alone), std::vector<std::string>{"---GOV>UKR:111"});
}

TEST_F(CoderTest, StoryDateSelectsDateBoundedCodes) {
  const std::string s = "Vladimir/NNP/3/nsubj Putin/NNP/1/flat criticized/VBD/0/root Ukraine/NNP/3/obj";
  EXPECT_EQ(triples(code(s, {}, 20100101)), std::vector<std::string>{"RUSGOV>UKR:111"});
  EXPECT_EQ(triples(code(s, {}, 19990101)), std::vector<std::string>{"RUSELI>UKR:111"});
}

TEST_F(CoderTest, PairedCodeGivesBothDirections) {
  const auto c = code("Russia/NNP/2/nsubj visited/VBD/0/root/visit China/NNP/2/obj");
  EXPECT_EQ(triples(c), (std::vector<std::string>{"CHN>RUS:043", "RUS>CHN:042"}));
  EXPECT_FALSE(c.events[0].reverse);
  EXPECT_TRUE(c.events[1].reverse);
}

TEST_F(CoderTest, ConjoinedVerbSharesTheSubject) {
  const auto c = code(
      "Russia/NNP/2/nsubj visited/VBD/0/root China/NNP/2/obj and/CC/5/cc criticized/VBD/2/conj "
      "Ukraine/NNP/5/obj");
  EXPECT_EQ(triples(c), (std::vector<std::string>{"CHN>RUS:043", "RUS>CHN:042", "RUS>UKR:111"}));
}

// "Russia visited China and was criticized by Ukraine": the conjoined passive verb has
// no subject of its own; the shared one (Russia) undergoes it.
TEST_F(CoderTest, ConjoinedPassiveSharesTheSubjectAsItsTarget) {
  const std::string shared =
      "Russia/NNP/2/nsubj visited/VBD/0/root China/NNP/2/obj and/CC/6/cc was/VBD/6/aux:pass "
      "criticized/VBN/2/conj";
  EXPECT_EQ(triples(code(shared + " by/IN/8/case Ukraine/NNP/6/obl:agent")),
            (std::vector<std::string>{"CHN>RUS:043", "RUS>CHN:042", "UKR>RUS:111"}));
  // Without the agent the doer is unknown: no Russia -> anyone criticism (require_dyad).
  EXPECT_EQ(triples(code(shared)), (std::vector<std::string>{"CHN>RUS:043", "RUS>CHN:042"}));
}

// A "conj" with no coordinator or comma before it is a misparse of one phrase:
// "Russian world government" read as "Russian" + conjunct "world government" must not
// give a second, agent-only actor.
TEST_F(CoderTest, ConjunctWithoutCoordinatorStaysInThePhrase) {
  const auto c =
      code("Russian/JJ/3/amod world/NN/1/conj government/NN/4/nsubj criticized/VBD/0/root Ukraine/NNP/4/obj");
  ASSERT_FALSE(c.mentions.empty());
  EXPECT_EQ(c.mentions[0].codes, std::vector<std::string>{"RUSGOV"});
  const auto coordinated =
      code("Russia/NNP/4/nsubj and/CC/3/cc China/NNP/1/conj criticized/VBD/0/root Ukraine/NNP/4/obj");
  EXPECT_EQ(coordinated.mentions[0].codes, (std::vector<std::string>{"RUS", "CHN"}));
}

// "the government of Russia on Monday": a time phrase misattached to the noun does not
// cut "of Russia" off the actor (only one level of prepositional phrase is flattened).
TEST_F(CoderTest, TimePhraseUnderANounDoesNotSplitTheActor) {
  const auto c = code(
      "The/DT/2/det government/NN/7/nsubj of/IN/4/case Russia/NNP/2/nmod on/IN/6/case "
      "Monday/NNP/4/nmod criticized/VBD/0/root Ukraine/NNP/7/obj");
  EXPECT_EQ(triples(c), std::vector<std::string>{"RUSGOV>UKR:111"});
}

// WIRE_+TAP with "wire" tagged as the verb and "tap" as its object noun.
TEST_F(CoderTest, MultiWordVerbFoundFromItsFirstWord) {
  const auto c = code("Russia/NNP/2/nsubj wire/VBP/0/root tap/NN/2/obj Ukraine/NNP/2/obj");
  EXPECT_EQ(triples(c), std::vector<std::string>{"RUS>UKR:1711"});
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].pattern, "t.verbs:14");
}

// "The lions and Russia criticized Ukraine": the conjunct naming no actor is left out
// beside one that does; alone, it is the unknown actor "---".
TEST_F(CoderTest, UncodedConjunctBesideACodedOneIsLeftOut) {
  CoderOptions lax;
  lax.require_dyad = false;
  EXPECT_EQ(triples(code("The/DT/2/det lions/NNS/6/nsubj and/CC/4/cc Russia/NNP/2/conj "
                         "criticized/VBD/0/root Ukraine/NNP/5/obj",
                         lax)),
            std::vector<std::string>{"RUS>UKR:111"});
  EXPECT_EQ(triples(code("The/DT/2/det lions/NNS/3/nsubj criticized/VBD/0/root Ukraine/NNP/3/obj", lax)),
            std::vector<std::string>{"--->UKR:111"});
}

// "us" the pronoun is not the US: matching is case-blind, so pronouns are not looked up.
TEST_F(CoderTest, PronounsAreNotActorNames) {
  EXPECT_TRUE(code("Russia/NNP/2/nsubj criticized/VBD/0/root us/PRP/2/obj").events.empty());
  EXPECT_EQ(triples(code("Russia/NNP/2/nsubj criticized/VBD/0/root the/DT/4/det US/NNP/2/obj")),
            std::vector<std::string>{"RUS>USA:111"});
}

TEST_F(CoderTest, DiscardPhrasesDropTheSentenceOrTheStory) {
  EXPECT_EQ(
      code("Russia/NNP/2/nsubj criticized/VBD/0/root the/DT/5/det football/NN/5/compound match/NN/2/obj")
          .discarded,
      Discarded::kStory);
  const auto c =
      code("Months/NNS/2/obl later/RB/3/advmod Russia/NNP/4/nsubj criticized/VBD/0/root Ukraine/NNP/4/obj");
  EXPECT_EQ(c.discarded, Discarded::kSentence);
  EXPECT_TRUE(c.events.empty());
}

TEST_F(CoderTest, NewActorLengthQuotesShortUncodedPhrases) {
  const std::string s = "The/DT/2/det rebels/NNS/3/nsubj criticized/VBD/0/root Ukraine/NNP/3/obj";
  EXPECT_TRUE(code(s).events.empty());
  CoderOptions quoted;
  quoted.new_actor_length = 2;
  EXPECT_EQ(triples(code(s, quoted)), std::vector<std::string>{"\"THE REBELS\">UKR:111"});
  quoted.new_actor_length = 1;
  EXPECT_TRUE(code(s, quoted).events.empty());
}

TEST_F(CoderTest, UnknownVerbsAndEmptySentencesCodeNothing) {
  EXPECT_TRUE(code("Russia/NNP/2/nsubj ate/VBD/0/root Ukraine/NNP/2/obj").events.empty());
  EXPECT_TRUE(Coder(dicts_, {}).code(Sentence{}, 0, 0).events.empty());
}

TEST(CoderSynsets, PluralsInBothSpellings) {
  Diagnostics diags;
  dict::DictionarySet dicts;
  std::istringstream verbs(
      "&TIME\n"
      "+DAY\n"
      "--- HAIL [020] ---\n"
      "HAIL\n"
      "- * &TIME [021]\n");
  dicts.verbs = dict::read_verb_dictionary(verbs, "t.verbs", diags);
  dicts.actors.load_string("RUSSIA [RUS]\nCHINA [CHN]\n", "t.actors", diags);
  const Coder coder(dicts, {});
  const auto code_of = [&](const std::string& noun) {
    const auto c =
        coder.code(parsed("Russia/NNP/2/nsubj hailed/VBD/0/root China/NNP/2/obj for/IN/6/case the/DT/6/det " +
                          noun + "/NNS/2/obl"),
                   0, 0);
    return c.events.empty() ? std::string() : c.events[0].code;
  };
  EXPECT_EQ(code_of("day"), "021");
  EXPECT_EQ(code_of("days"), "021");   // the regular plural
  EXPECT_EQ(code_of("daies"), "021");  // PETRARCH's spelling of it
  EXPECT_EQ(code_of("night"), "020");
}

// The coder on parses and phrases news often has, with a few entries of each kind.
class CoderNewsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::istringstream verbs(
        "--- BAN [172] ---\n"
        "BAN {BANS BANNED BANNING}\n"
        "- * INVESTMENT IN + [163]\n"
        "--- IMPOSE [---] ---\n"
        "IMPOSE\n"
        "- * SANCTIONS ON + [163]\n"
        "--- ATTACK [190] ---\n"
        "ATTACK\n"
        "- * + WITH MACHETES [182]\n"
        "--- ACCUSE [112] ---\n"
        "ACCUSE\n"
        "BLAME\n"
        "--- ACT [---] ---\n"
        "ACT\n"
        "- INDICATED WOULD * [1010]\n");
    dicts_.verbs = dict::read_verb_dictionary(verbs, "t.verbs", diags_);
    dicts_.actors.load_string(
        "RUSSIA [RUS]\nAMERICAN [USA]\nUNITED_STATES [USA]\nCHINESE [CHN]\nINDIAN [IND]\n"
        "SYRIA [SYR]\nSYRIAN [SYR]\nRUSSIAN [RUS]\nBURUNDIAN [BDI]\nCONGOLESE [COD]\nETHIOPIA [ETH]\nLIBYA "
        "[LBY]\n",
        "t.actors", diags_);
    dicts_.agents.load_string("SOLDIERS [~MIL]\nFORCES [~MIL]\nWARPLANES [~MIL]\nMILITIAMEN [~UAF]\n",
                              "t.agents", diags_);
    ASSERT_EQ(diags_.errors(), 0u) << testing::all_messages(diags_);
  }
  SentenceCoding code(const std::string& spec) {
    return Coder(dicts_, {}).code(parsed(spec), 20200101, 0, true);
  }
  Diagnostics diags_;
  dict::DictionarySet dicts_;
};

TEST_F(CoderNewsTest, TargetInsideANounPhraseIsTheRestOfThePhrase) {
  // "banned new American investment in Russia": the phrase's first actor is AMERICAN,
  // the pattern's '+' is Russia.
  const auto c = code(
      "The/DT/3/det United/NNP/3/compound States/NNP/4/nsubj banned/VBD/0/root new/JJ/7/amod "
      "American/JJ/7/amod investment/NN/4/obj in/IN/9/case Russia/NNP/7/nmod");
  EXPECT_EQ(triples(c), std::vector<std::string>{"USA>RUS:163"});
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].target.words, std::vector<uint32_t>{8});
}

TEST_F(CoderNewsTest, AMisparsedParticipleIsCodedAsTheVerb) {
  const auto c = code(
      "The/DT/3/det United/NNP/3/compound States/NNP/7/nsubj on/IN/5/case Wednesday/NNP/3/nmod "
      "imposed/VBN/7/amod sanctions/NNS/0/root on/IN/9/case Russia/NNP/7/nmod");
  EXPECT_EQ(triples(c), std::vector<std::string>{"USA>RUS:163"});
  ASSERT_FALSE(c.trace.empty());
  EXPECT_NE(c.trace[0].find("tree repaired"), std::string::npos);
}

TEST_F(CoderNewsTest, CoordinatedNationalityAdjectivesAreTwoActors) {
  const auto c = code(
      "Syria/NNP/2/nsubj blamed/VBD/0/root Russian/JJ/6/amod and/CC/5/cc Syrian/JJ/3/conj "
      "warplanes/NNS/2/obj");
  EXPECT_EQ(triples(c), (std::vector<std::string>{"SYR>RUSMIL:112", "SYR>SYRMIL:112"}));
  // Lower-case adjectives stay one phrase.
  const auto one = code(
      "Syria/NNP/2/nsubj blamed/VBD/0/root old/JJ/7/amod and/CC/5/cc new/JJ/3/conj "
      "Russian/JJ/7/amod warplanes/NNS/2/obj");
  EXPECT_EQ(triples(one), std::vector<std::string>{"SYR>RUSMIL:112"});
  ASSERT_EQ(one.mentions.size(), 2u);
  EXPECT_EQ(one.mentions[1].codes.size(), 1u);
}

TEST_F(CoderNewsTest, PronounSubjectIsNotThePhraseBeforeTheVerb) {
  // "She said Chinese forces patrolled ... and accused Indian soldiers": "Chinese forces"
  // is not who accused; the pronoun is left for the document stage.
  const auto c = code(
      "She/PRP/2/nsubj said/VBD/0/root Chinese/JJ/4/amod forces/NNS/5/nsubj patrolled/VBD/2/ccomp "
      "and/CC/7/cc accused/VBD/2/conj Indian/JJ/9/amod soldiers/NNS/7/obj");
  EXPECT_TRUE(triples(c).empty());
  ASSERT_EQ(c.unresolved.size(), 1u);
  EXPECT_EQ(c.unresolved[0].source.code, "---");
  EXPECT_EQ(c.unresolved[0].source.words, std::vector<uint32_t>{0});
  EXPECT_EQ(c.unresolved[0].target.code, "INDMIL");
  // In a clause reported by a verb whose subject is an actor, the pronoun is that actor.
  EXPECT_EQ(triples(code("Ethiopia/NNP/2/nsubj indicated/VBD/0/root it/PRP/5/nsubj would/MD/5/aux "
                         "act/VB/2/ccomp against/IN/7/case Libya/NNP/5/obl")),
            std::vector<std::string>{"ETH>LBY:1010"});
}

TEST_F(CoderNewsTest, ByAgentTakenByAPatternTargetIsStillTheDoer) {
  const auto c = code(
      "Congolese/JJ/2/amod refugees/NNS/4/nsubj:pass were/VBD/4/aux:pass attacked/VBN/0/root by/IN/7/case "
      "Burundian/JJ/7/amod militiamen/NNS/4/obl:agent with/IN/9/case machetes/NNS/4/obl");
  EXPECT_EQ(triples(c), std::vector<std::string>{"BDIUAF>COD:182"});
}

TEST(CoderOptions, ReadsPetrarchNamesAndValues) {
  CoderOptions o;
  EXPECT_TRUE(o.set("require_dyad", "FALSE"));
  EXPECT_FALSE(o.require_dyad);
  EXPECT_TRUE(o.set("require_dyad", "True"));
  EXPECT_TRUE(o.require_dyad);
  EXPECT_TRUE(o.set("comma_emax", "0"));
  EXPECT_EQ(o.comma_emax, 0);
  EXPECT_FALSE(o.set("comma_max", "eight"));
  EXPECT_FALSE(o.set("write_actor_root", "True"));  // an output option, not the coder's
}

TEST(PetrarchGoldParse, UdV1RelationsMapToV2) {
  const std::vector<Sentence> s = sentences_from_ud_v1(
      "1\tEriador\tEriador\tPROPN\tNNP\t_\t3\tnsubjpass\t_\t_\n"
      "2\twas\tbe\tAUX\tVBD\t_\t3\tauxpass\t_\t_\n"
      "3\topposed\toppose\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "4\tby\tby\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tOsgiliath\tOsgiliath\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n"
      "6\tand\tand\tCONJ\tCC\t_\t3\tcc\t_\t_\n"
      "7\tties\ttie\tNOUN\tNNS\t_\t3\tdobj\t_\t_\n"
      "8\tof\tof\tADP\tIN\t_\t9\tcase\t_\t_\n"
      "9\tGondor\tGondor\tPROPN\tNNP\t_\t7\tnmod\t_\t_\n\n");
  ASSERT_EQ(s.size(), 1u);
  const auto& w = s[0].words;
  ASSERT_EQ(w.size(), 9u);
  EXPECT_EQ(w[0].deprel, "nsubj:pass");
  EXPECT_EQ(w[1].deprel, "aux:pass");
  EXPECT_EQ(w[2].head, -1);
  EXPECT_EQ(w[4].deprel, "obl");  // nmod of a verb
  EXPECT_EQ(w[5].upos, "CCONJ");
  EXPECT_EQ(w[6].deprel, "obj");
  EXPECT_EQ(w[8].deprel, "nmod");  // nmod of a noun stays
  EXPECT_EQ(w[8].head, 6);
  EXPECT_THROW(sentences_from_ud_v1("1\tbad line\n\n"), std::runtime_error);
}

// UD v1 hangs the coordinator and the comma before a conjunct on the first conjunct;
// v2 on the conjunct they introduce.
TEST(PetrarchGoldParse, CoordinatorsMoveToTheirConjunct) {
  const std::vector<Sentence> s = sentences_from_ud_v1(
      "1\tGondor\tGondor\tPROPN\tNNP\t_\t6\tnsubj\t_\t_\n"
      "2\t,\t,\tPUNCT\t,\t_\t1\tpunct\t_\t_\n"
      "3\tArnor\tArnor\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
      "4\tand\tand\tCONJ\tCC\t_\t1\tcc\t_\t_\n"
      "5\tRohan\tRohan\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
      "6\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n\n");
  ASSERT_EQ(s.size(), 1u);
  const auto& w = s[0].words;
  EXPECT_EQ(w[1].head, 2);  // the comma: on Arnor
  EXPECT_EQ(w[3].head, 4);  // "and": on Rohan
  EXPECT_EQ(w[6].head, 5);  // the full stop stays on the verb
}

// PETRARCH's own unit-test suite, coded from raw text with the committed model. The
// floor is the pass rate measured when this test was last raised (249 of 275 counted
// records, 90.5 %: `dyad eval petrarch ../shared/data/petrarch/validate/
// PETR.UnitTest.records.xml`), so a change that loses records fails here.
TEST(PetrarchSuite, PassRateWithOwnParser) {
  DYAD_REQUIRE_SHARED("petrarch/validate/PETR.UnitTest.records.xml", records);
  Diagnostics diags([](const Diagnostic&) {});
  dict::DictionarySet dicts;
  ASSERT_TRUE(dict::load_dictionary_set(records.parent_path(), dicts, diags));
  const nlp::Pipeline pipeline = nlp::Pipeline::load(nlp::find_default_model());
  const PetrarchEvalResult result = evaluate_petrarch(records, dicts, pipeline, CoderOptions{}, diags);
  // 284 records: 6 outside <Include> or sentence="false", 3 expecting a malformed parse.
  EXPECT_EQ(result.records.size(), 275u);
  EXPECT_EQ(result.parse_errors.size(), 3u);
  const double rate = 100.0 * double(result.passed()) / double(result.records.size());
  std::cout << "[ PETRARCH suite: " << result.passed() << " of " << result.records.size() << " passed ("
            << rate << " %) ]\n";
  EXPECT_GE(result.passed(), 249u);
}

// The same suite coded from the UD trees of PETR.UnitTest.records.ud.xml where that file
// has the same sentence (38 of its records were rewritten for a later suite and are
// parsed by Dyad instead), which leaves mostly the coder's own errors: 247 of 275 when
// this test was last raised (`dyad eval petrarch ... --use-gold-parse
// ../shared/data/petrarch/validate/PETR.UnitTest.records.ud.xml`).
TEST(PetrarchSuite, PassRateWithGoldParses) {
  DYAD_REQUIRE_SHARED("petrarch/validate/PETR.UnitTest.records.xml", records);
  DYAD_REQUIRE_SHARED("petrarch/validate/PETR.UnitTest.records.ud.xml", trees);
  Diagnostics diags([](const Diagnostic&) {});
  dict::DictionarySet dicts;
  ASSERT_TRUE(dict::load_dictionary_set(records.parent_path(), dicts, diags));
  const nlp::Pipeline pipeline = nlp::Pipeline::load(nlp::find_default_model());
  const PetrarchEvalResult result =
      evaluate_petrarch(records, dicts, pipeline, CoderOptions{}, diags, false, trees);
  EXPECT_EQ(result.records.size(), 275u);
  EXPECT_LT(result.without_gold_parse, 50u);
  EXPECT_GT(result.without_gold_parse, 0u);
  EXPECT_GE(result.passed(), 247u);
}

}  // namespace
}  // namespace dyad::coder
