#include "dyad/io/shard.h"

namespace dyad::io {

bool parse_shard(std::string_view text, Shard& out) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return false;
  auto number = [](std::string_view s, uint32_t& v) {
    if (s.empty() || s.size() > 7) return false;
    v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + static_cast<uint32_t>(c - '0');
    }
    return true;
  };
  Shard s;
  if (!number(text.substr(0, slash), s.index) || !number(text.substr(slash + 1), s.count)) return false;
  if (s.index < 1 || s.count > 1000000 || s.index > s.count) return false;
  out = s;
  return true;
}

bool in_shard(std::string_view id, Shard shard) {
  if (shard.count <= 1) return true;
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : id) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h % shard.count == shard.index - 1;
}

}  // namespace dyad::io
