#pragma once

// Attachment scores for the dependency parser, as CoNLL 2018 computes them on gold
// tokenisation: every word counts, punctuation included. LAS compares the full label
// (with subtype, "nsubj:pass"); universal LAS compares only the part before ':'.

#include <cstddef>
#include <vector>

#include "dyad/core/sentence.h"
#include "dyad/io/conllu.h"

namespace dyad::nlp {

struct ParseScores {
  size_t words = 0, heads = 0, labeled = 0, labeled_universal = 0;
  double uas() const { return words ? 100.0 * static_cast<double>(heads) / static_cast<double>(words) : 0; }
  double las() const { return words ? 100.0 * static_cast<double>(labeled) / static_cast<double>(words) : 0; }
  double las_universal() const {
    return words ? 100.0 * static_cast<double>(labeled_universal) / static_cast<double>(words) : 0;
  }
  ParseScores& operator+=(const ParseScores& o) {
    words += o.words, heads += o.heads, labeled += o.labeled, labeled_universal += o.labeled_universal;
    return *this;
  }
};

// Compares Word::head/deprel of `predicted` with `gold` (same words in the same order;
// throws std::invalid_argument otherwise).
ParseScores score_parse(const Sentence& gold, const Sentence& predicted);
ParseScores score_parses(const std::vector<Sentence>& gold, const std::vector<Sentence>& predicted);

// A Sentence with the words of a CoNLL-U sentence: form, upos, xpos, lemma, head
// (0-based, -1 root) and deprel; tokens mirror the CoNLL-U tokens; spans stay empty.
Sentence parser_sentence_from_conllu(const io::ConlluSentence& conllu);
std::vector<Sentence> parser_sentences_from_conllu(const std::vector<io::ConlluSentence>& conllu);

}  // namespace dyad::nlp
