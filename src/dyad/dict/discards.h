#pragma once

// The PETRARCH discard list (.discards.txt): one phrase a line; a leading '+' means the
// whole story is discarded, otherwise only the sentence. Words are separated by blanks
// or '_'.

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/core/diagnostics.h"
#include "dyad/core/source_location.h"
#include "dyad/dict/dict_text.h"
#include "dyad/dict/phrase_trie.h"

namespace dyad::dict {

struct Discard {
  Phrase phrase;
  bool story_level = false;  // '+': discard the whole story
  SourceLocation where;
};

class DiscardList {
 public:
  struct Match {
    size_t length = 0;
    const Discard* discard = nullptr;
    explicit operator bool() const { return discard != nullptr; }
  };

  bool load_file(const std::filesystem::path& path, Diagnostics& diags);
  void load_string(std::string_view content, const std::string& file, Diagnostics& diags);

  const std::vector<Discard>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

  const Discard* find(const Phrase& words) const;
  const Discard* find(std::string_view text) const { return find(normalize_phrase(text)); }
  Match longest_match(std::span<const std::string_view> tokens, size_t start) const;
  Match longest_match(std::span<const std::string> tokens, size_t start) const;

  // Adds one entry (the native reader, tools). An empty or duplicate phrase is reported
  // at entry.where and dropped (the first is kept); returns whether it was added.
  bool add(Discard entry, Diagnostics& diags);

 private:
  std::vector<Discard> entries_;
  PhraseTrie trie_;
};

}  // namespace dyad::dict
