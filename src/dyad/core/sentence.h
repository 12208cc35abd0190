#pragma once

#include <vector>

#include "dyad/core/span.h"
#include "dyad/core/token.h"

namespace dyad {

struct Sentence {
  Span span;  // first to last byte of its tokens in Article::text
  std::vector<Token> tokens;
  std::vector<Word> words;
  bool starts_paragraph = false;
};

}  // namespace dyad
