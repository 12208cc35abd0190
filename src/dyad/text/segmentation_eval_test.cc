#include "dyad/text/segmentation_eval.h"

#include <gtest/gtest.h>

#include "dyad/text/segmenter.h"
#include "test_support.h"

namespace dyad::text {
namespace {

constexpr const char* kGold =
    "# newdoc id = d1\n"
    "# newpar\n"
    "# text = They don't know.\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = Hi!\n"
    "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\tSpaceAfter=No\n"
    "\n"
    "# text = Yes.\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
    "\n"
    "# newpar\n"
    "# text = Bye\n"
    "1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t_\t_\n"
    "\n";

TEST(SegmentationEval, RebuildsRunningTextWithParagraphs) {
  GoldText g = rebuild_text(io::parse_conllu(kGold));
  // sentences of a paragraph joined by their spacing; "Hi!" has SpaceAfter=No
  EXPECT_EQ(g.text, "They don't know. Hi!Yes.\n\nBye");
  ASSERT_EQ(g.paragraphs.size(), 2u);
  EXPECT_EQ(g.paragraphs[0].of(g.text), "They don't know. Hi!Yes.");
  EXPECT_EQ(g.paragraphs[1].of(g.text), "Bye");
  ASSERT_EQ(g.sentences.size(), 4u);
  EXPECT_EQ(g.sentences[1].of(g.text), "Hi!");
  EXPECT_EQ(g.tokens.size(), 9u);
  ASSERT_EQ(g.words.size(), 10u);
  EXPECT_TRUE(g.words[1].multiword);
  EXPECT_EQ(g.words[2].form, "n't");
  EXPECT_EQ(g.words[2].span.of(g.text), "don't");
}

TEST(SegmentationEval, PerfectSystemScoresOne) {
  GoldText g = rebuild_text(io::parse_conllu(
      "# text = They don't know.\n"
      "1\tThey\t_\t_\t_\t_\t0\troot\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdo\t_\t_\t_\t_\t1\tdep\t_\t_\n3\tn't\t_\t_\t_\t_\t1\tdep\t_\t_\n"
      "4\tknow\t_\t_\t_\t_\t1\tdep\t_\tSpaceAfter=No\n5\t.\t_\t_\t_\t_\t1\tpunct\t_\t_\n\n"));
  SegmentationScores s = score_segmentation(g, segment(g.text, g.paragraphs));
  EXPECT_EQ(s.tokens.correct, 4u);
  EXPECT_DOUBLE_EQ(s.tokens.f1(), 1.0);
  EXPECT_DOUBLE_EQ(s.words.f1(), 1.0);
  EXPECT_DOUBLE_EQ(s.sentences.f1(), 1.0);
}

TEST(SegmentationEval, WordsAlignThroughMultiwordTokens) {
  GoldText g = rebuild_text(io::parse_conllu(kGold));
  std::vector<Sentence> sys = segment(g.text, g.paragraphs);
  SegmentationScores s = score_segmentation(g, sys);
  // The segmenter gets this text right, "Hi!Yes." included.
  EXPECT_EQ(s.tokens.gold, 9u);
  EXPECT_EQ(s.tokens.correct, 9u);
  EXPECT_EQ(s.words.gold, 10u);
  EXPECT_EQ(s.words.correct, 10u);
  EXPECT_EQ(s.sentences.gold, 4u);
  EXPECT_EQ(s.sentences.correct, 4u);

  // A system that merges "don't" into one word loses both gold words but keeps the token.
  std::vector<Sentence> merged = sys;
  Sentence& first = merged[0];
  first.tokens[1].word_count = 1;
  first.words.erase(first.words.begin() + 2);
  first.words[1].span = first.tokens[1].span;
  for (size_t t = 2; t < first.tokens.size(); ++t) first.tokens[t].first_word -= 1;
  SegmentationScores m = score_segmentation(g, merged);
  EXPECT_EQ(m.tokens.correct, s.tokens.correct);
  EXPECT_EQ(m.words.correct + 2, s.words.correct);
  EXPECT_EQ(m.words.system + 1, s.words.system);
}

TEST(SegmentationEval, SentenceSpansMustMatchExactly) {
  GoldText g = rebuild_text(io::parse_conllu(kGold));
  std::vector<Sentence> sys = segment(g.text, g.paragraphs);
  SegmentationScores s = score_segmentation(g, sys);
  // Merging the first two system sentences removes one correct sentence and one system sentence.
  std::vector<Sentence> merged = sys;
  merged[0].span.end = merged[1].span.end;
  merged.erase(merged.begin() + 1);
  SegmentationScores m = score_segmentation(g, merged);
  EXPECT_EQ(m.sentences.system + 1, s.sentences.system);
  EXPECT_LT(m.sentences.correct, s.sentences.correct);
}

TEST(SegmentationEval, EwtTestMeetsTargets) {
  DYAD_REQUIRE_SHARED("ud/en_ewt/en_ewt-ud-test.conllu", path);
  SegmentationEval e = evaluate_segmentation_file(path.string());
  EXPECT_EQ(e.gold_sentences, 2077u);
  EXPECT_GE(100 * e.scores.words.f1(), 99.0);
  EXPECT_GE(100 * e.scores.tokens.f1(), 99.0);
  EXPECT_GE(100 * e.scores.sentences.f1(), 80.0);
}

}  // namespace
}  // namespace dyad::text
