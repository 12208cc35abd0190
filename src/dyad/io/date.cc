#include "dyad/io/date.h"

#include <fmt/format.h>

namespace dyad::io {
namespace {

bool digits(std::string_view s, size_t pos, size_t n, int& value) {
  if (pos + n > s.size()) return false;
  value = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

std::string two(int v) { return fmt::format("{:02d}", v); }

bool check_and_store(int y, int m, int d, std::string& out, std::string& why) {
  if (y < 1) {
    why = "year 0000 is not a valid year";
    return false;
  }
  if (m < 1 || m > 12) {
    why = "month " + two(m) + " does not exist";
    return false;
  }
  if (!valid_date(y, m, d)) {
    why = fmt::format("day {:02d} does not exist in {:04d}-{:02d}", d, y, m);
    return false;
  }
  out = fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
  return true;
}

// hh:mm[:ss[.fff]] then Z, +hh:mm, +hhmm, -hh or nothing.
bool valid_time(std::string_view t) {
  int h, mi, s;
  size_t i = 0;
  if (!digits(t, i, 2, h) || h > 24) return false;
  i += 2;
  if (i >= t.size() || t[i] != ':') return false;
  ++i;
  if (!digits(t, i, 2, mi) || mi > 59) return false;
  i += 2;
  if (i < t.size() && t[i] == ':') {
    ++i;
    if (!digits(t, i, 2, s) || s > 60) return false;
    i += 2;
    if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
      ++i;
      const size_t start = i;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
      if (i == start) return false;
    }
  }
  if (i == t.size()) return true;
  if (t[i] == 'Z' || t[i] == 'z') return i + 1 == t.size();
  if (t[i] != '+' && t[i] != '-') return false;
  ++i;
  int oh, om;
  if (!digits(t, i, 2, oh) || oh > 23) return false;
  i += 2;
  if (i == t.size()) return true;
  if (t[i] == ':') ++i;
  if (!digits(t, i, 2, om) || om > 59) return false;
  return i + 2 == t.size();
}

}  // namespace

bool valid_date(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= last;
}

bool parse_iso_date(std::string_view text, std::string& out, std::string& why) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  int y, m, d;
  if (!digits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, m) ||
      text[7] != '-' || !digits(text, 8, 2, d)) {
    why = "expected an ISO 8601 date like 2019-01-04 or 2019-01-04T10:00:00Z";
    return false;
  }
  if (text.size() > 10) {
    const char sep = text[10];
    if ((sep != 'T' && sep != 't' && sep != ' ') || !valid_time(text.substr(11))) {
      why = "the time after the date is not ISO 8601 (expected e.g. 2019-01-04T10:00:00Z)";
      return false;
    }
  }
  return check_and_store(y, m, d, out, why);
}

bool parse_compact_date(std::string_view text, std::string& out, std::string& why) {
  int y, m, d;
  if (text.size() != 8 || !digits(text, 0, 4, y) || !digits(text, 4, 2, m) || !digits(text, 6, 2, d)) {
    why = "expected a date like 20080804 (YYYYMMDD)";
    return false;
  }
  return check_and_store(y, m, d, out, why);
}

}  // namespace dyad::io
