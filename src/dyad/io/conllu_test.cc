#include "dyad/io/conllu.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace dyad::io {
namespace {

constexpr const char* kSample =
    "# newdoc id = doc1\n"
    "# newpar\n"
    "# sent_id = s1\n"
    "# text = They don't know.\n"
    "1\tThey\tthey\tPRON\tPRP\tCase=Nom\t3\tnsubj\t3:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "4.1\tknows\tknow\tVERB\tVBZ\t_\t_\t_\t4:conj\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "# sent_id = s2\n"
    "# text = Hi!\n"
    "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\tSpaceAfter=No|Foo=Bar\n"
    "2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t1:punct\t_\n"
    "\n";

TEST(Conllu, ReadsCommentsWordsAndMultiwordTokens) {
  std::vector<ConlluSentence> s = parse_conllu(kSample);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_TRUE(s[0].newdoc);
  EXPECT_TRUE(s[0].newpar);
  EXPECT_FALSE(s[1].newpar);
  EXPECT_EQ(s[0].sent_id, "s1");
  EXPECT_EQ(s[0].text, "They don't know.");
  ASSERT_EQ(s[0].words.size(), 5u);  // the empty node 4.1 is skipped
  EXPECT_EQ(s[0].words[2].form, "n't");
  EXPECT_EQ(s[0].words[2].lemma, "not");
  EXPECT_EQ(s[0].words[2].upos, "PART");
  EXPECT_EQ(s[0].words[2].xpos, "RB");
  EXPECT_EQ(s[0].words[2].head, 4);
  EXPECT_EQ(s[0].words[2].deprel, "advmod");
  EXPECT_EQ(s[0].words[2].deps, "4:advmod");
  EXPECT_EQ(s[0].words[0].feats, "Case=Nom");
  EXPECT_EQ(s[0].words[3].head, 0);
  ASSERT_EQ(s[0].multiwords.size(), 1u);
  EXPECT_EQ(s[0].multiwords[0].first, 2);
  EXPECT_EQ(s[0].multiwords[0].last, 3);
}

TEST(Conllu, TokensJoinMultiwordRangesAndReadSpaceAfter) {
  std::vector<ConlluSentence> s = parse_conllu(kSample);
  std::vector<ConlluToken> t = s[0].tokens();
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1].form, "don't");
  EXPECT_EQ(t[1].first_word, 1);
  EXPECT_EQ(t[1].word_count, 2);
  EXPECT_TRUE(t[1].space_after);
  EXPECT_EQ(t[2].form, "know");
  EXPECT_FALSE(t[2].space_after);
  EXPECT_EQ(t[3].first_word, 4);
  std::vector<ConlluToken> t2 = s[1].tokens();
  EXPECT_FALSE(t2[0].space_after);  // SpaceAfter=No among other MISC attributes
}

TEST(Conllu, SpaceAfterParsesMisc) {
  EXPECT_TRUE(space_after("_"));
  EXPECT_FALSE(space_after("SpaceAfter=No"));
  EXPECT_FALSE(space_after("Foo=1|SpaceAfter=No"));
  EXPECT_TRUE(space_after("SpaceAfter=Yes"));
}

TEST(Conllu, RejectsLinesWithoutTenColumns) {
  EXPECT_THROW(parse_conllu("1\tHi\thi\n\n"), std::runtime_error);
  EXPECT_THROW(parse_conllu("x\tHi\thi\t_\t_\t_\t0\troot\t_\t_\n\n"), std::runtime_error);
}

TEST(Conllu, LastSentenceWithoutTrailingBlankLineIsKept) {
  std::vector<ConlluSentence> s = parse_conllu("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].words[0].form, "Hi");
}

}  // namespace
}  // namespace dyad::io
