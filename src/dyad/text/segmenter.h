#pragma once

#include <string_view>
#include <vector>

#include "dyad/core/sentence.h"
#include "dyad/core/span.h"

namespace dyad::text {

// Splits the given regions of `text` (paragraphs, as the cleaner returns them)
// into sentences of tokens and words, in the Universal Dependencies English EWT
// convention. A sentence never crosses a region boundary; the first sentence of
// each region has starts_paragraph set. Offsets are bytes into `text`.
std::vector<Sentence> segment(std::string_view text, const std::vector<Span>& regions);

}  // namespace dyad::text
