#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::io {

// 64-bit FNV-1a of `bytes`.
uint64_t fnv1a64(std::string_view bytes, uint64_t seed = 0xcbf29ce484222325ULL);

// The id given to an article whose input has none: FNV-1a over source, title and text
// (separated by a 0 byte so that fields cannot run into each other), as 16 lower-case
// hex digits. Depends only on the bytes, so it is the same on every run and machine.
std::string make_article_id(std::string_view source, std::string_view title, std::string_view text);

}  // namespace dyad::io
