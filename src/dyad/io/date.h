#pragma once

#include <string>
#include <string_view>

namespace dyad::io {

// Parses an ISO 8601 date: "YYYY-MM-DD", optionally followed by a time
// ("2019-01-04T10:00:00Z", "2019-01-04 10:00:00+02:00", "2019-01-04T10:00:00.123-05:00").
// On success stores "YYYY-MM-DD" in `out`. On failure returns false and says why in
// `why` ("day 30 does not exist in 2019-02"). The time part is checked for shape only;
// the calendar date as written is kept (no time-zone shift).
bool parse_iso_date(std::string_view text, std::string& out, std::string& why);

// Parses the compact "YYYYMMDD" of PETRARCH files into "YYYY-MM-DD".
bool parse_compact_date(std::string_view text, std::string& out, std::string& why);

// True when year-month-day is a real calendar day (Gregorian, years 1-9999).
bool valid_date(int year, int month, int day);

}  // namespace dyad::io
