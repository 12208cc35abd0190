#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dyad/core/span.h"

namespace dyad::text {

// A surface token found by the tokenizer, before sentence splitting. A multiword
// token ("don't", "Russia's", "cannot") carries the byte offsets where its words
// split: words are [begin, split[0]), [split[0], split[1]), ... [split[n-2], end).
struct RawToken {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t split[2] = {0, 0};
  uint8_t words = 1;            // 1..3
  bool newline_before = false;  // a line break in the whitespace before this token
  bool space_before = false;    // any whitespace between the previous token and this one
};

// Tokenises text[region] in the UD English EWT convention and appends the tokens
// to `out`. A hand-written scanner over UTF-8 bytes: ASCII is classified by table,
// only non-ASCII code points go to ICU.
void tokenize(std::string_view text, Span region, std::vector<RawToken>& out);

// True when `word` (the text of a token ending in '.') is an abbreviation that can
// also close a sentence ("Inc.", "etc.", "U.S."); used by the sentence splitter.
bool abbreviation_may_end_sentence(std::string_view token);

// True when `token` is a known abbreviation or initial ending in '.' (e.g. "Mr.", "V.").
bool is_abbreviation_token(std::string_view token);

}  // namespace dyad::text
