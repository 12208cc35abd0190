#include "dyad/nlp/conllu_convert.h"

#include <gtest/gtest.h>

#include <sstream>

#include "dyad/text/segmenter.h"

namespace dyad::nlp {
namespace {

TEST(ConlluConvert, TextSentenceBecomesConlluWithMultiwordRangesAndSpacing) {
  const std::string text = "Moscow didn't agree.";
  std::vector<Sentence> sentences = text::segment(text, {Span{0, static_cast<uint32_t>(text.size())}});
  ASSERT_EQ(sentences.size(), 1u);
  Sentence& s = sentences[0];
  ASSERT_EQ(s.words.size(), 5u);  // Moscow did n't agree .
  const char* tags[] = {"PROPN", "AUX", "PART", "VERB", "PUNCT"};
  const int heads[] = {3, 3, 3, -1, 3};
  const char* rels[] = {"nsubj", "aux", "advmod", "root", "punct"};
  for (size_t i = 0; i < 5; ++i) {
    s.words[i].upos = tags[i];
    s.words[i].head = heads[i];
    s.words[i].deprel = rels[i];
  }
  std::ostringstream out;
  io::write_conllu(out, to_conllu(s, text, "doc-1"));
  EXPECT_EQ(out.str(),
            "# sent_id = doc-1\n"
            "# text = Moscow didn't agree.\n"
            "1\tMoscow\t_\tPROPN\t_\t_\t4\tnsubj\t_\t_\n"
            "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
            "2\tdid\t_\tAUX\t_\t_\t4\taux\t_\t_\n"
            "3\tn't\t_\tPART\t_\t_\t4\tadvmod\t_\t_\n"
            "4\tagree\t_\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
            "5\t.\t_\tPUNCT\t_\t_\t4\tpunct\t_\t_\n"
            "\n");
}

TEST(ConlluConvert, ConlluRoundTripKeepsFormsAndCopiesAnnotation) {
  const std::string data =
      "# sent_id = x\n"
      "# text = Russia's army\n"
      "1-2\tRussia's\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "1\tRussia\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\t's\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3\tarmy\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  std::vector<io::ConlluSentence> parsed = io::parse_conllu(data);
  ASSERT_EQ(parsed.size(), 1u);
  Sentence words = words_of(parsed[0]);
  ASSERT_EQ(words.words.size(), 3u);
  ASSERT_EQ(words.tokens.size(), 2u);
  EXPECT_EQ(words.tokens[0].word_count, 2u);
  EXPECT_EQ(words.words[1].form, "'s");
  Word& russia = words.words[0];
  russia.upos = "PROPN";
  russia.xpos = "NNP";
  russia.lemma = "Russia";
  russia.deprel = "nmod:poss";
  russia.head = 2;
  words.words[1].deprel = "case";
  words.words[1].head = 0;
  words.words[2].deprel = "root";
  words.words[2].head = -1;
  copy_annotation(words, parsed[0]);
  std::ostringstream out;
  io::write_conllu(out, parsed[0]);
  EXPECT_EQ(out.str(),
            "# sent_id = x\n"
            "# text = Russia's army\n"
            "1-2\tRussia's\t_\t_\t_\t_\t_\t_\t_\t_\n"
            "1\tRussia\tRussia\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
            "2\t's\t_\t_\t_\t_\t1\tcase\t_\t_\n"
            "3\tarmy\t_\t_\t_\t_\t0\troot\t_\t_\n\n");
  Sentence shorter;
  EXPECT_THROW(copy_annotation(shorter, parsed[0]), std::invalid_argument);
}

}  // namespace
}  // namespace dyad::nlp
