#pragma once

// Shared reading helpers for the PETRARCH/TABARI dictionary formats: comment removal,
// word normalisation, YYMMDD/YYYYMMDD dates and regular English noun plurals.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/core/diagnostics.h"

namespace dyad::dict {

using Phrase = std::vector<std::string>;  // normalised (uppercase) words

// Dates are yyyymmdd integers; these bound open-ended ranges.
inline constexpr int32_t kMinDate = 0;
inline constexpr int32_t kMaxDate = 99991231;

// Removes '#', ';' and '//' comments (to end of line) and <!-- ... --> comments (which
// may span lines: `in_xml_comment` carries the state from one line to the next).
std::string strip_comments(std::string_view line, bool& in_xml_comment);

std::string_view trim(std::string_view s);

// ASCII uppercase.
std::string upper(std::string_view s);

// Splits on blanks and '_' and uppercases: "Vladimir_PUTIN_" -> {VLADIMIR, PUTIN}.
Phrase normalize_phrase(std::string_view text);

// Joins words with ' ' (for messages).
std::string join(const Phrase& words);

// Parses YYYYMMDD or YYMMDD. Two-digit years follow KEDS/TABARI/PETRARCH: 00-30 are
// 20YY, 31-99 are 19YY. Checks month and day (leap years included). Returns false on
// anything else.
bool parse_date(std::string_view text, int32_t& yyyymmdd);

// PETRARCH's regular plural of a noun: +IES for a final Y (dropping it), +ES after SS,
// otherwise +S. Uppercase input gives uppercase output.
std::string regular_plural(std::string_view noun);

// A dictionary file split into lines with comments removed, for the readers.
struct DictLine {
  uint64_t number = 0;  // 1-based
  std::string text;     // comments removed, not trimmed
};
std::vector<DictLine> split_lines(std::string_view content);

// Reads a whole file; reports and returns false when it cannot.
bool read_dictionary_file(const std::filesystem::path& path, std::string& content, Diagnostics& diags);

}  // namespace dyad::dict
