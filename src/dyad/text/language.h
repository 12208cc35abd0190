#pragma once

#include <string_view>

namespace dyad::text {

struct LanguageGuess {
  bool english = false;
  double score = 0;  // share of words that are common English function words
  size_t words = 0;  // words looked at
};

// A cheap test for English: the share of common English function words among the
// first few hundred words, with a floor on the share of Latin letters.
LanguageGuess guess_english(std::string_view text);

}  // namespace dyad::text
