#pragma once

#include <cstdint>
#include <string>

#include "dyad/core/span.h"

namespace dyad {

// A syntactic word: the unit the tagger and parser see. Most words are a whole
// token; a multiword token such as "don't" or "Russia's" yields two words
// ("do" + "n't", "Russia" + "'s"), as in Universal Dependencies.
struct Word {
  std::string form;    // normalised: typographic quotes and dashes mapped to ASCII
  Span span;           // the bytes of Article::text this word covers
  uint32_t token = 0;  // index of its token in Sentence::tokens

  // Filled by nlp (#3).
  std::string upos, xpos, lemma, deprel;
  int head = -1;  // index into Sentence::words, -1 for the root
};

// A surface token: what the text shows between spaces and punctuation splits.
struct Token {
  Span span;
  uint32_t first_word = 0;  // Sentence::words[first_word, first_word + word_count)
  uint32_t word_count = 1;
  bool space_after = true;

  bool is_multiword() const { return word_count > 1; }
};

}  // namespace dyad
