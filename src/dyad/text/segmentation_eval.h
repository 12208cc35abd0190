#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/core/sentence.h"
#include "dyad/core/span.h"
#include "dyad/io/conllu.h"

namespace dyad::text {

// Precision/recall/F1 counts of one metric of the CoNLL 2018 shared task.
struct Prf {
  uint64_t correct = 0, gold = 0, system = 0;
  double precision() const { return system ? double(correct) / double(system) : 0.0; }
  double recall() const { return gold ? double(correct) / double(gold) : 0.0; }
  double f1() const { return gold + system ? 2.0 * double(correct) / double(gold + system) : 0.0; }
};

// Running text rebuilt from a CoNLL-U file, with the gold segmentation over it.
struct GoldText {
  struct GoldWord {
    Span span;  // the span of its token for words inside a multiword token
    bool multiword = false;
    std::string form;
  };
  std::string text;  // sentences of a paragraph joined by their spacing, "\n\n" between paragraphs
  std::vector<Span> paragraphs;  // `# newpar` / `# newdoc` blocks
  std::vector<Span> tokens;
  std::vector<GoldWord> words;
  std::vector<Span> sentences;
};

GoldText rebuild_text(const std::vector<io::ConlluSentence>& sentences);

struct SegmentationScores {
  Prf tokens, words, sentences;
};

// Scores `system` (segment() run on gold.text) against the gold segmentation as
// conll18_ud_eval.py does: tokens and sentences as character spans over the text
// with whitespace removed, words aligned through multiword tokens by LCS of forms.
SegmentationScores score_segmentation(const GoldText& gold, const std::vector<Sentence>& system);

struct SegmentationEval {
  SegmentationScores scores;
  uint64_t bytes = 0;  // size of the rebuilt text
  double seconds = 0;  // time spent in segment()
  size_t gold_sentences = 0;
  double mb_per_second() const { return seconds > 0 ? double(bytes) / 1e6 / seconds : 0.0; }
};

// Reads a CoNLL-U file, rebuilds its text, segments it (regions = paragraphs) and scores.
SegmentationEval evaluate_segmentation_file(const std::string& conllu_path);

}  // namespace dyad::text
