#include "dyad/core/event_id.h"

namespace dyad {

uint64_t fnv1a64_field(uint64_t h, std::string_view field) {
  constexpr uint64_t kPrime = 0x100000001b3ULL;
  const uint32_t n = static_cast<uint32_t>(field.size());
  for (int i = 0; i < 4; ++i) {
    h ^= (n >> (8 * i)) & 0xFF;
    h *= kPrime;
  }
  for (char c : field) {
    h ^= static_cast<unsigned char>(c);
    h *= kPrime;
  }
  return h;
}

uint64_t sentence_event_hash(std::string_view article_id, uint32_t sentence_index, std::string_view source,
                             std::string_view target, std::string_view code) {
  uint64_t h = kFnvOffsetBasis;
  h = fnv1a64_field(h, article_id);
  h = fnv1a64_field(h, std::to_string(sentence_index));
  h = fnv1a64_field(h, source);
  h = fnv1a64_field(h, target);
  h = fnv1a64_field(h, code);
  return h;
}

std::string sentence_event_id(std::string_view article_id, uint32_t sentence_index, std::string_view source,
                              std::string_view target, std::string_view code) {
  return hex_id(sentence_event_hash(article_id, sentence_index, source, target, code));
}

std::string hex_id(uint64_t value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i) {
    id[static_cast<size_t>(i)] = kHex[value & 0xF];
    value >>= 4;
  }
  return id;
}

}  // namespace dyad
