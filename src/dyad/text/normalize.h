#pragma once

#include <string>
#include <string_view>

namespace dyad::text {

// The form later stages see for a word: typographic quotes, apostrophes, dashes,
// ellipses and exotic spaces mapped to their ASCII counterparts ("’" -> "'",
// "“" -> "\"", "—" -> "--", "…" -> "..."), NFC-composed. ASCII passes through.
std::string normalize_form(std::string_view word);

}  // namespace dyad::text
