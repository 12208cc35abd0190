#pragma once

#include <cstdint>
#include <string_view>

namespace dyad {

// A half-open byte range [begin, end) into Article::text. Bytes, not code points:
// every stage works on UTF-8 bytes; conversion to the code-point offsets that users
// see happens once, at output (see text/offsets.h).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  std::string_view of(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace dyad
