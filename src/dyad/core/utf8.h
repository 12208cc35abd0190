#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::utf8 {

// Replaces every byte that is not part of a well-formed UTF-8 sequence (including
// overlongs, surrogates and code points past U+10FFFF) by U+FFFD, in place.
// Returns how many bytes were replaced. ASCII-only input is checked at memory speed.
uint32_t sanitize(std::string& s);

// Decodes the code point starting at s[i] (s must be valid UTF-8) and advances i.
char32_t next(std::string_view s, size_t& i);

// Number of code points in valid UTF-8.
size_t length(std::string_view s);

void append(std::string& out, char32_t cp);

}  // namespace dyad::utf8
