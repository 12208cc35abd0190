#include "dyad/io/article_id.h"

namespace dyad::io {

uint64_t fnv1a64(std::string_view bytes, uint64_t seed) {
  uint64_t h = seed;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string make_article_id(std::string_view source, std::string_view title, std::string_view text) {
  const std::string_view zero("\0", 1);
  uint64_t h = fnv1a64(source);
  h = fnv1a64(zero, h);
  h = fnv1a64(title, h);
  h = fnv1a64(zero, h);
  h = fnv1a64(text, h);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i) {
    id[static_cast<size_t>(i)] = kHex[h & 0xF];
    h >>= 4;
  }
  return id;
}

}  // namespace dyad::io
