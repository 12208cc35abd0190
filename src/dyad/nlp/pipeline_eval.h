#pragma once

#include <cstddef>
#include <vector>

#include "dyad/io/conllu.h"
#include "dyad/nlp/pipeline.h"

namespace dyad::nlp {

// Scores of the whole pipeline on gold tokenisation: every stage runs on its own
// predictions (the parser sees predicted tags, never gold ones). Punctuation counts,
// as in CoNLL 2018; LAS compares the full relation ("nsubj:pass").
struct PipelineScores {
  size_t sentences = 0, words = 0;
  size_t upos = 0, xpos = 0, lemma = 0, heads = 0, labeled = 0;
  double seconds = 0;  // spent in Pipeline::annotate only

  static double percent(size_t n, size_t of) { return of ? 100.0 * double(n) / double(of) : 0; }
  double upos_accuracy() const { return percent(upos, words); }
  double xpos_accuracy() const { return percent(xpos, words); }
  double lemma_accuracy() const { return percent(lemma, words); }
  double uas() const { return percent(heads, words); }
  double las() const { return percent(labeled, words); }
  double words_per_second() const { return seconds > 0 ? double(words) / seconds : 0; }
};

PipelineScores evaluate_pipeline(const Pipeline& pipeline, const std::vector<io::ConlluSentence>& gold);

}  // namespace dyad::nlp
