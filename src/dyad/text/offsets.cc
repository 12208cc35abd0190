#include "dyad/text/offsets.h"

namespace dyad::text {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

CodePointOffsets::CodePointOffsets(std::string_view text) : text_(text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii_ = false;
      break;
    }
  if (ascii_) return;
  continuation_before_block_.reserve(text.size() / kBlock + 1);
  uint32_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) continuation_before_block_.push_back(seen);
    seen += is_continuation(text[i]);
  }
}

uint32_t CodePointOffsets::operator()(uint32_t byte) const {
  if (ascii_) return byte;
  const uint32_t block = byte / kBlock;
  uint32_t continuation = 0;
  uint32_t i = block * kBlock;
  if (block < continuation_before_block_.size()) {
    continuation = continuation_before_block_[block];
  } else {  // byte == text.size() on a block boundary
    continuation = continuation_before_block_.empty() ? 0 : continuation_before_block_.back();
    i = (static_cast<uint32_t>(continuation_before_block_.size()) - 1) * kBlock;
  }
  for (; i < byte; ++i) continuation += is_continuation(text_[i]);
  return byte - continuation;
}

}  // namespace dyad::text
