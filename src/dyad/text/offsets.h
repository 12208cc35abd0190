#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dyad::text {

// Converts byte offsets into a UTF-8 text to code-point offsets, the unit users
// see (Python's str indices, JavaScript's Array.from). Built once per article.
class CodePointOffsets {
 public:
  explicit CodePointOffsets(std::string_view text);

  // Code points before byte offset `byte` (which must be <= text.size()).
  uint32_t operator()(uint32_t byte) const;

 private:
  static constexpr uint32_t kBlock = 256;
  std::string_view text_;
  bool ascii_ = true;
  std::vector<uint32_t> continuation_before_block_;  // UTF-8 continuation bytes before each block
};

}  // namespace dyad::text
