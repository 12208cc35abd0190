#pragma once

// ASCII case folding for names, keywords and option values. Bytes outside A-Z (UTF-8
// included) are left alone, so it is safe on any text and never depends on the locale.

#include <string>
#include <string_view>

namespace dyad {

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace dyad
