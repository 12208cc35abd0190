#include "dyad/core/utf8.h"

#include <cstring>

namespace dyad::utf8 {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence starting at s[i] (Unicode Table 3-7), or 0
// when the bytes there do not form one.
size_t valid_sequence(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  const size_t left = s.size() - i;
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  auto cont = [&](size_t k) { return (at(k) & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3) return 0;
    const unsigned char b1 = at(1);
    if (b0 == 0xE0 && (b1 < 0xA0 || b1 > 0xBF)) return 0;  // overlong
    if (b0 == 0xED && (b1 < 0x80 || b1 > 0x9F)) return 0;  // surrogates
    if (!cont(1) || !cont(2)) return 0;
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4) return 0;
    const unsigned char b1 = at(1);
    if (b0 == 0xF0 && (b1 < 0x90 || b1 > 0xBF)) return 0;  // overlong
    if (b0 == 0xF4 && (b1 < 0x80 || b1 > 0x8F)) return 0;  // past U+10FFFF
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    return 4;
  }
  return 0;  // continuation byte, C0/C1 or F5..FF
}

// Index of the first byte >= 0x80 at or after `i`, or s.size().
size_t skip_ascii(std::string_view s, size_t i) {
  const size_t n = s.size();
  while (i + 8 <= n) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

}  // namespace

uint32_t sanitize(std::string& s) {
  // First pass without copying: most input is valid.
  size_t i = 0;
  const size_t n = s.size();
  while (true) {
    i = skip_ascii(s, i);
    if (i >= n) return 0;
    const size_t len = valid_sequence(s, i);
    if (len == 0) break;
    i += len;
  }
  std::string out;
  out.reserve(n + 16);
  out.append(s, 0, i);
  uint32_t replaced = 0;
  while (i < n) {
    const size_t ascii_end = skip_ascii(s, i);
    out.append(s, i, ascii_end - i);
    i = ascii_end;
    if (i >= n) break;
    const size_t len = valid_sequence(s, i);
    if (len == 0) {
      out.append(kReplacement, 3);
      ++replaced;
      ++i;
    } else {
      out.append(s, i, len);
      i += len;
    }
  }
  s = std::move(out);
  return replaced;
}

char32_t next(std::string_view s, size_t& i) {
  const size_t len = valid_sequence(s, i);
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto c = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
  char32_t cp;
  switch (len) {
    case 1:
      cp = b0;
      break;
    case 2:
      cp = (static_cast<char32_t>(b0 & 0x1F) << 6) | c(1);
      break;
    case 3:
      cp = (static_cast<char32_t>(b0 & 0x0F) << 12) | (c(1) << 6) | c(2);
      break;
    case 4:
      cp = (static_cast<char32_t>(b0 & 0x07) << 18) | (c(1) << 12) | (c(2) << 6) | c(3);
      break;
    default:
      cp = 0xFFFD;
      break;  // not valid UTF-8: one byte, shown as U+FFFD
  }
  i += len ? len : 1;
  return cp;
}

size_t length(std::string_view s) {
  size_t count = 0;
  for (const char ch : s) count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return count;
}

void append(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace dyad::utf8
