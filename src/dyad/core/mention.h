#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dyad {

// A noun phrase of a sentence that can be an event's source or target, with the actor
// code the dictionaries give it. Word indices point into Sentence::words.
struct Mention {
  uint32_t head = 0;            // the phrase's head word
  std::vector<uint32_t> words;  // every word of the phrase, in order (a possessive 's left out)
  // The words each code is read from: one list per conjunct, with the modifiers the
  // conjuncts share ("Danish media and government": DANISH MEDIA, DANISH GOVERNMENT).
  std::vector<std::vector<uint32_t>> conjuncts;
  // One code per conjunct ("Russia and the US" gives two); "---" when nothing matched.
  // A code may hold alternatives written A/B in the dictionary: they stay joined here.
  std::vector<std::string> codes;
  // Provenance of each code: the actor and agent entries that made it (file:line).
  std::vector<std::string> matched;

  bool compound() const { return codes.size() > 1; }
  bool coded() const {
    for (const std::string& c : codes)
      if (c != "---") return true;
    return false;
  }
  uint32_t first_word() const { return words.empty() ? head : words.front(); }
  uint32_t last_word() const { return words.empty() ? head : words.back(); }
};

}  // namespace dyad
