#include "dyad/dict/phrase_trie.h"

namespace dyad::dict {

PhraseTrie::PhraseTrie() : values_(1, kNone) {}

uint32_t PhraseTrie::word_id(std::string_view w) const {
  auto it = vocab_.find(w);
  return it == vocab_.end() ? kNone : it->second;
}

uint32_t PhraseTrie::child(uint32_t node, uint32_t word) const {
  auto it = edges_.find(key(node, word));
  return it == edges_.end() ? kNone : it->second;
}

uint32_t PhraseTrie::insert(std::span<const std::string> words, uint32_t value) {
  if (words.empty()) return kNone;
  uint32_t node = 0;
  for (const auto& w : words) {
    auto [vit, vnew] = vocab_.try_emplace(w, static_cast<uint32_t>(vocab_.size()));
    (void)vnew;
    auto [eit, enew] = edges_.try_emplace(key(node, vit->second), static_cast<uint32_t>(values_.size()));
    if (enew) values_.push_back(kNone);
    node = eit->second;
  }
  if (values_[node] != kNone) return values_[node];
  values_[node] = value;
  ++phrases_;
  return kNone;
}

uint32_t PhraseTrie::node_for(std::span<const std::string> words) const {
  if (words.empty()) return kNone;
  uint32_t node = 0;
  for (const auto& w : words) {
    uint32_t id = word_id(w);
    if (id == kNone) return kNone;
    node = child(node, id);
    if (node == kNone) return kNone;
  }
  return node;
}

void PhraseTrie::set(std::span<const std::string> words, uint32_t value) {
  uint32_t node = node_for(words);
  if (node != kNone && values_[node] != kNone) values_[node] = value;
}

uint32_t PhraseTrie::find(std::span<const std::string> words) const {
  uint32_t node = node_for(words);
  return node == kNone ? kNone : values_[node];
}

template <class S>
PhraseTrie::Match PhraseTrie::longest(std::span<const S> tokens, size_t start) const {
  Match best;
  uint32_t node = 0;
  for (size_t i = start; i < tokens.size(); ++i) {
    uint32_t id = word_id(std::string_view(tokens[i]));
    if (id == kNone) break;
    node = child(node, id);
    if (node == kNone) break;
    if (values_[node] != kNone) best = {i - start + 1, values_[node]};
  }
  return best;
}

PhraseTrie::Match PhraseTrie::longest_match(std::span<const std::string_view> tokens, size_t start) const {
  return longest(tokens, start);
}

PhraseTrie::Match PhraseTrie::longest_match(std::span<const std::string> tokens, size_t start) const {
  return longest(tokens, start);
}

}  // namespace dyad::dict
