#include "dyad/nlp/pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "dyad/io/conllu.h"
#include "dyad/nlp/binary_io.h"
#include "dyad/nlp/pipeline_eval.h"
#include "dyad/text/segmenter.h"
#include "test_support.h"

namespace dyad::nlp {
namespace {

std::string committed_model() {
  return (testing::source_dir() / "data" / "models" / kDefaultModelName).string();
}

// The committed model on the held-out EWT test set, against the issue #3 targets: UPOS
// 95.5, XPOS 95.0, lemma 97.0, UAS 86.0, LAS 83.0. The model measured UPOS 95.77, XPOS
// 95.17, lemma 97.24, UAS 86.33, LAS 83.23 (dyad eval parse).
TEST(Pipeline, CommittedModelOnEwtTest) {
  DYAD_REQUIRE_SHARED("ud/en_ewt/en_ewt-ud-test.conllu", test_file);
  const Pipeline pipeline = Pipeline::load(committed_model());
  const PipelineScores s = evaluate_pipeline(pipeline, io::read_conllu_file(test_file.string()));
  EXPECT_EQ(s.words, 25094u);  // grep -cP "^\\d+\\t" en_ewt-ud-test.conllu
  EXPECT_GE(s.upos_accuracy(), 95.5);
  EXPECT_GE(s.xpos_accuracy(), 95.0);
  EXPECT_GE(s.lemma_accuracy(), 97.0);
  EXPECT_GE(s.uas(), 86.0);
  EXPECT_GE(s.las(), 83.0);
}

// The fast setting (--speed fast) on the same test set. It has no targets of its own;
// the floors are the figures `dyad eval parse --speed fast` measured for the committed
// model (UPOS 95.54, XPOS 94.96, UAS 85.26, LAS 82.04) rounded down to a tenth, so a
// change that costs the fast setting accuracy shows here.
TEST(Pipeline, CommittedModelFastSettingOnEwtTest) {
  DYAD_REQUIRE_SHARED("ud/en_ewt/en_ewt-ud-test.conllu", test_file);
  const Pipeline pipeline = Pipeline::load(committed_model(), DecodeSettings::fast());
  ASSERT_TRUE(pipeline.uses_fast_parser());
  EXPECT_EQ(pipeline.parser().beam_width(), 1);
  const PipelineScores s = evaluate_pipeline(pipeline, io::read_conllu_file(test_file.string()));
  EXPECT_GE(s.upos_accuracy(), 95.5);
  EXPECT_GE(s.xpos_accuracy(), 94.9);
  EXPECT_GE(s.uas(), 85.2);
  EXPECT_GE(s.las(), 82.0);
}

// A capitalised name never seen in training does not get a closed-class tag: the
// model before the closed-class check tagged this sentence-initial "Arnor" CC (its "-or"
// ending, as in "nor"), which cut the sentence's subject off.
TEST(Pipeline, UnseenCapitalisedWordIsNotAFunctionWord) {
  const Pipeline pipeline = Pipeline::load(committed_model());
  const std::string text = "Arnor on Thursday signed an 800 million ducat trade protocol with Dagolath.";
  std::vector<Sentence> sentences = text::segment(text, {Span{0, static_cast<uint32_t>(text.size())}});
  ASSERT_EQ(sentences.size(), 1u);
  pipeline.annotate(sentences[0]);
  ASSERT_FALSE(sentences[0].words.empty());
  EXPECT_EQ(sentences[0].words[0].form, "Arnor");
  EXPECT_EQ(sentences[0].words[0].upos, "PROPN");
  EXPECT_EQ(sentences[0].words[0].deprel, "nsubj");
}

class PipelineSpeeds : public ::testing::TestWithParam<bool> {};

// Both speed settings get this sentence right.
TEST_P(PipelineSpeeds, ParsesNewsSentenceIntoOneTree) {
  const Pipeline pipeline =
      Pipeline::load(committed_model(), GetParam() ? DecodeSettings::fast() : DecodeSettings::accurate());
  const std::string text = "Russian Foreign Minister Sergey Lavrov criticized Washington on Tuesday.";
  std::vector<Sentence> sentences = text::segment(text, {Span{0, static_cast<uint32_t>(text.size())}});
  ASSERT_EQ(sentences.size(), 1u);
  Sentence& s = sentences[0];
  pipeline.annotate(s);
  int roots = 0, criticized = -1, washington = -1;
  for (size_t i = 0; i < s.words.size(); ++i) {
    roots += s.words[i].head == -1;
    if (s.words[i].form == "criticized") criticized = static_cast<int>(i);
    if (s.words[i].form == "Washington") washington = static_cast<int>(i);
  }
  EXPECT_EQ(roots, 1);
  ASSERT_GE(criticized, 0);
  ASSERT_GE(washington, 0);
  EXPECT_EQ(s.words[criticized].lemma, "criticize");
  EXPECT_EQ(s.words[criticized].xpos, "VBD");
  EXPECT_EQ(s.words[criticized].deprel, "root");
  // The subject is the name phrase "Russian Foreign Minister Sergey Lavrov" (words 0-4;
  // which of them heads it is a treebank convention), attached to the verb.
  int subjects = 0;
  for (size_t i = 0; i < s.words.size(); ++i)
    if (s.words[i].deprel == "nsubj") {
      ++subjects;
      EXPECT_LE(i, 4u) << s.words[i].form;
      EXPECT_EQ(s.words[i].head, criticized);
    }
  EXPECT_EQ(subjects, 1);
  EXPECT_EQ(s.words[washington].head, criticized);
  EXPECT_EQ(s.words[washington].deprel, "obj");
}
INSTANTIATE_TEST_SUITE_P(AccurateAndFast, PipelineSpeeds, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "fast" : "accurate";
                         });

// A model trained without the greedy parser (dyad train --no-fast-parser, or older
// models) still runs fast: its beam parser decodes greedily.
TEST(Pipeline, FastSettingWithoutFastParserDecodesTheBeamParserGreedily) {
  ModelFile model = ModelFile::read(committed_model());
  model.sections.erase(kFastParserSection);
  const std::string path = (std::filesystem::temp_directory_path() / "dyad-no-fast.dyadmodel").string();
  model.write(path);
  EXPECT_GT(Pipeline::load(path).parser().beam_width(), 1);
  const Pipeline pipeline = Pipeline::load(path, DecodeSettings::fast());
  std::filesystem::remove(path);
  EXPECT_FALSE(pipeline.uses_fast_parser());
  EXPECT_EQ(pipeline.parser().beam_width(), 1);
  const std::string text = "The rebels attacked the capital on Monday.";
  std::vector<Sentence> sentences = text::segment(text, {Span{0, static_cast<uint32_t>(text.size())}});
  ASSERT_EQ(sentences.size(), 1u);
  pipeline.annotate(sentences[0]);
  int roots = 0;
  for (const Word& w : sentences[0].words) roots += w.head == -1;
  EXPECT_EQ(roots, 1);
}

TEST(Pipeline, MissingOrCorruptModelIsAClearError) {
  const std::string missing = (std::filesystem::temp_directory_path() / "dyad-no-such.dyadmodel").string();
  try {
    Pipeline::load(missing);
    FAIL() << "loaded a model that does not exist";
  } catch (const ModelFormatError& e) {
    EXPECT_NE(std::string(e.what()).find(missing), std::string::npos) << e.what();
  }
  // A model file without the parser section.
  ModelFile partial;
  partial.sections["tagger"] = Tagger().serialize();
  const std::string path = (std::filesystem::temp_directory_path() / "dyad-partial.dyadmodel").string();
  partial.write(path);
  EXPECT_THROW(Pipeline::load(path), ModelFormatError);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace dyad::nlp
