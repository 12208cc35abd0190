#include "dyad/coder/tree_repair.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace dyad::coder {
namespace {

Sentence parsed(const std::string& spec) { return testing::parsed_sentence(spec); }

// Every word is an event verb here but "said" (the coder passes the verb dictionary's).
bool any_verb(const Word& w) { return w.form != "said"; }

// "form<-head form:deprel" for word i.
std::string arc(const Sentence& s, size_t i) {
  const Word& w = s.words[i];
  return w.form + "<-" + (w.head < 0 ? std::string("ROOT") : s.words[static_cast<size_t>(w.head)].form) +
         ":" + w.deprel;
}

TEST(TreeRepair, ParticipleReadAsAnAdjectiveOfItsObject) {
  // "The United States on Wednesday imposed sanctions on Russia", "imposed" tagged VBN
  // and hung on "sanctions", which got the subject.
  Sentence s = parsed(
      "The/DT/3/det United/NNP/3/amod States/NNPS/7/nsubj on/IN/5/case Wednesday/NNP/3/nmod "
      "imposed/VBN/7/amod sanctions/NNS/0/root on/IN/9/case Russia/NNP/7/nmod ././7/punct");
  ASSERT_TRUE(needs_predicate_repair(s, any_verb));
  const std::vector<std::string> notes = repair_predicates(s, any_verb);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("'imposed'"), std::string::npos);
  EXPECT_EQ(arc(s, 5), "imposed<-ROOT:root");
  EXPECT_EQ(s.words[5].xpos, "VBD");
  EXPECT_EQ(arc(s, 6), "sanctions<-imposed:obj");
  EXPECT_EQ(arc(s, 2), "States<-imposed:nsubj");
  EXPECT_EQ(arc(s, 8), "Russia<-sanctions:nmod");  // stays in the object's phrase
  EXPECT_EQ(arc(s, 9), ".<-imposed:punct");
  EXPECT_FALSE(needs_predicate_repair(s, any_verb));  // once is enough
}

TEST(TreeRepair, ParticipleReadAsARelativeClauseOfTheRootNoun) {
  Sentence s = parsed(
      "The/DT/3/det Syrian/JJ/3/amod Defence/NNP/0/root blamed/VBN/3/acl Russian/JJ/6/amod "
      "warplanes/NNS/4/obj ././3/punct");
  const std::vector<std::string> notes = repair_predicates(s, any_verb);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(arc(s, 3), "blamed<-ROOT:root");
  EXPECT_EQ(arc(s, 2), "Defence<-blamed:nsubj");
  EXPECT_EQ(arc(s, 5), "warplanes<-blamed:obj");
  EXPECT_EQ(arc(s, 6), ".<-blamed:punct");
}

TEST(TreeRepair, ParticipleWithAnInfinitiveHungOnTheRootNoun) {
  // "The parliament threatened on Monday to break relations": no object, but the
  // to-infinitive the parser gave the noun is the participle's.
  Sentence s = parsed(
      "The/DT/2/det parliament/NN/0/root threatened/VBN/2/acl on/IN/5/case Monday/NNP/3/obl "
      "to/TO/7/mark break/VB/2/acl relations/NNS/7/obj ././2/punct");
  const std::vector<std::string> notes = repair_predicates(s, any_verb);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(arc(s, 2), "threatened<-ROOT:root");
  EXPECT_EQ(arc(s, 1), "parliament<-threatened:nsubj");
  EXPECT_EQ(arc(s, 6), "break<-threatened:xcomp");
  // A reduced relative with neither an object nor an infinitive is left alone
  // ("Soldiers killed in the attack").
  Sentence t = parsed("Soldiers/NNS/0/root killed/VBN/1/acl in/IN/5/case the/DT/5/det attack/NN/2/obl");
  EXPECT_FALSE(needs_predicate_repair(t, any_verb));
}

TEST(TreeRepair, PastTenseConjunctDoesNotShareAModal) {
  // "Lapid warned that Israel would be bound and threatened to act": "threatened" hung on
  // "bound", whose modal a past tense cannot share.
  Sentence s = parsed(
      "Lapid/NNP/2/nsubj warned/VBD/0/root that/IN/7/mark Israel/NNP/7/nsubj:pass would/MD/7/aux "
      "be/VB/7/aux:pass bound/VBN/2/ccomp and/CC/9/cc threatened/VBD/7/conj to/TO/11/mark act/VB/9/xcomp "
      "././2/punct");
  const std::vector<std::string> notes = repair_predicates(s, any_verb);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(arc(s, 8), "threatened<-warned:conj");
  EXPECT_EQ(arc(s, 6), "bound<-warned:ccomp");
}

TEST(TreeRepair, GoodParsesAreLeftAsTheyAre) {
  const std::vector<std::string> good = {
      // A participle that is an adjective: the noun has no subject of its own.
      "Russia/NNP/2/nsubj criticized/VBD/0/root the/DT/5/det imposed/VBN/5/amod sanctions/NNS/2/obj",
      // A copular clause: "The sanctions are imposed measures" has its copula.
      "Sanctions/NNS/4/nsubj are/VBP/4/cop imposed/VBN/4/amod measures/NNS/0/root",
      // A reduced relative with no object: "the man killed in the attack".
      "The/DT/2/det man/NN/0/root killed/VBN/2/acl in/IN/5/case attack/NN/3/obl",
      // Past-tense conjuncts with no modal to share.
      "Russia/NNP/2/nsubj criticized/VBD/0/root Ukraine/NNP/2/obj and/CC/5/cc threatened/VBD/2/conj "
      "China/NNP/5/obj",
      // A modal shared by a bare verb: "would meet and discuss".
      "They/PRP/3/nsubj would/MD/3/aux meet/VB/0/root and/CC/5/cc discuss/VB/3/conj"};
  for (const std::string& spec : good) {
    Sentence s = parsed(spec);
    EXPECT_FALSE(needs_predicate_repair(s, any_verb)) << spec;
    const Sentence before = s;
    EXPECT_TRUE(repair_predicates(s, any_verb).empty()) << spec;
    for (size_t i = 0; i < s.words.size(); ++i) EXPECT_EQ(arc(s, i), arc(before, i)) << spec;
  }
  // Only verbs of the dictionary are repaired.
  Sentence s = parsed("The/DT/2/det States/NNPS/4/nsubj imposed/VBN/4/amod sanctions/NNS/0/root");
  EXPECT_FALSE(needs_predicate_repair(s, [](const Word&) { return false; }));
}

}  // namespace
}  // namespace dyad::coder
