#pragma once

// A trie over normalised word sequences. Words are interned once; edges are kept in
// one hash table keyed by (node, word id), so a lookup walks the tokens without
// allocating.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dyad::dict {

class PhraseTrie {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  struct Match {
    size_t length = 0;  // words matched; 0 when nothing matched
    uint32_t value = kNone;
    explicit operator bool() const { return length > 0; }
  };

  PhraseTrie();

  // Stores `words` -> `value`. When the phrase is already present it is left unchanged
  // and its stored value is returned; otherwise returns kNone. Empty phrases are ignored
  // (kNone).
  uint32_t insert(std::span<const std::string> words, uint32_t value);

  // Replaces the value of a phrase already present (no-op when absent).
  void set(std::span<const std::string> words, uint32_t value);

  // The value stored for exactly this phrase, or kNone.
  uint32_t find(std::span<const std::string> words) const;

  // The longest stored phrase that starts at tokens[start]. Tokens must be normalised
  // the way the phrases were (uppercase words).
  Match longest_match(std::span<const std::string_view> tokens, size_t start) const;
  Match longest_match(std::span<const std::string> tokens, size_t start) const;

  size_t size() const { return phrases_; }
  size_t node_count() const { return values_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <class S>
  Match longest(std::span<const S> tokens, size_t start) const;
  uint32_t word_id(std::string_view w) const;
  uint32_t child(uint32_t node, uint32_t word) const;
  uint32_t node_for(std::span<const std::string> words) const;
  static uint64_t key(uint32_t node, uint32_t word) { return (uint64_t{node} << 32) | word; }

  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> vocab_;
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<uint32_t> values_;  // per node; node 0 is the root
  size_t phrases_ = 0;
};

}  // namespace dyad::dict
