#include "dyad/doc/event_date.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "dyad/core/ascii.h"

namespace dyad::doc {
namespace {

namespace chr = std::chrono;

enum class Tense { kPast, kPresent, kFuture };

// How an expression without a year (a weekday, a month, a month and day) is placed
// around the story date: by the verb's tense, or strictly before ("last Tuesday") or
// strictly after ("next Tuesday").
enum class Direction { kTense, kBefore, kAfter };

enum class Kind {
  kFullDate,     // year, month, day given
  kMonthDay,     // month and day; the year from the story date
  kMonthYear,    // month and year
  kMonth,        // a month alone; the year from the story date
  kYear,         // a year alone
  kWeekday,      // 0 = Sunday ... 6 = Saturday in `day`
  kDayOffset,    // story date + n days
  kMonthOffset,  // story month + n
  kYearOffset,   // story year + n
};

// A date expression as found on the surface, before it is resolved.
struct Found {
  uint32_t first = 0, last = 0;  // its words, [first, last]
  Kind kind = Kind::kFullDate;
  int year = 0, month = 0, day = 0, n = 0;
  Direction direction = Direction::kTense;
};

Found make(uint32_t first, uint32_t last, Kind kind, int n = 0) {
  Found f;
  f.first = first;
  f.last = last;
  f.kind = kind;
  f.n = n;
  return f;
}

struct Ymd {
  int year = 0, month = 0, day = 0;
};

std::optional<chr::sys_days> to_days(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                                chr::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return chr::sys_days{ymd};
}

Ymd from_days(chr::sys_days days) {
  const chr::year_month_day ymd{days};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int32_t compact(int year, int month, int day) { return year * 10000 + month * 100 + day; }

// ---------------------------------------------------------------------------------------
// Words

bool capitalised(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 1-12 for a month name or its abbreviation ("Sept.", "Sep", "September"); 0 otherwise.
// Capitalised only, so that "may" and "march" stay words.
int month_of(std::string_view form) {
  if (!capitalised(form)) return 0;
  std::string w = ascii_lower(form);
  if (!w.empty() && w.back() == '.') w.pop_back();
  static constexpr std::pair<std::string_view, int> kMonths[] = {
      {"january", 1},  {"jan", 1},    {"february", 2},  {"feb", 2},       {"march", 3},     {"mar", 3},
      {"april", 4},    {"apr", 4},    {"may", 5},       {"june", 6},      {"jun", 6},       {"july", 7},
      {"jul", 7},      {"august", 8}, {"aug", 8},       {"september", 9}, {"sept", 9},      {"sep", 9},
      {"october", 10}, {"oct", 10},   {"november", 11}, {"nov", 11},      {"december", 12}, {"dec", 12}};
  for (const auto& [name, month] : kMonths)
    if (w == name) return month;
  return 0;
}

// 0 = Sunday ... 6 = Saturday for a weekday name (capitalised); -1 otherwise.
int weekday_of(std::string_view form) {
  if (!capitalised(form)) return -1;
  const std::string w = ascii_lower(form);
  static constexpr std::string_view kDays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                               "thursday", "friday", "saturday"};
  for (int d = 0; d < 7; ++d)
    if (w == kDays[d]) return d;
  return -1;
}

// A day of the month: "9", "09", "9th", "1st", "22nd", "3rd" (1-31); 0 otherwise.
int day_of(std::string_view form) {
  std::string_view digits = form;
  if (digits.size() > 2) {
    const std::string suffix = ascii_lower(digits.substr(digits.size() - 2));
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")
      digits = digits.substr(0, digits.size() - 2);
  }
  if (!all_digits(digits) || digits.size() > 2) return 0;
  const int day = std::atoi(std::string(digits).c_str());
  return day >= 1 && day <= 31 ? day : 0;
}

// A four-digit year (1000-2999); 0 otherwise.
int year_of(std::string_view form) {
  if (form.size() != 4 || !all_digits(form)) return 0;
  const int year = std::atoi(std::string(form).c_str());
  return year >= 1000 && year <= 2999 ? year : 0;
}

// A small count: "two", "3", "a", "an" (1-99); 0 otherwise.
int count_of(std::string_view form) {
  if (all_digits(form) && form.size() <= 2) return std::atoi(std::string(form).c_str());
  const std::string w = ascii_lower(form);
  static constexpr std::string_view kNumbers[] = {"zero",  "one",   "two",  "three", "four",   "five",  "six",
                                                  "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  for (int n = 1; n <= 12; ++n)
    if (w == kNumbers[n]) return n;
  return w == "a" || w == "an" ? 1 : 0;
}

// ---------------------------------------------------------------------------------------
// Finding expressions

class Scanner {
 public:
  explicit Scanner(const Sentence& sentence) : words_(sentence.words) {
    lower_.reserve(words_.size());
    for (const Word& w : words_) lower_.push_back(ascii_lower(w.form));
  }

  std::vector<Found> scan() const {
    std::vector<Found> out;
    for (uint32_t i = 0; i < words_.size();) {
      if (std::optional<Found> f = at(i)) {
        out.push_back(*f);
        i = f->last + 1;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  uint32_t size() const { return static_cast<uint32_t>(words_.size()); }
  const std::string& lw(uint32_t i) const {
    static const std::string kNone;
    return i < size() ? lower_[i] : kNone;
  }
  std::string_view form(uint32_t i) const { return i < size() ? std::string_view(words_[i].form) : ""; }
  bool verbal(uint32_t i) const {
    return i < size() && (words_[i].upos == "VERB" || words_[i].upos == "AUX");
  }
  bool is(uint32_t i, std::initializer_list<std::string_view> any) const {
    return i < size() && std::find(any.begin(), any.end(), lower_[i]) != any.end();
  }

  // A month name at i, with a "." split off as its own word after an abbreviation.
  // Returns the month and sets `end` to its last word.
  int month_at(uint32_t i, uint32_t& end) const {
    const int month = month_of(form(i));
    if (!month || verbal(i)) return 0;  // "May" the modal at the start of a sentence
    end = i;
    if (form(i).size() <= 4 && form(i).back() != '.' && form(i + 1) == "." &&
        (day_of(form(i + 2)) || year_of(form(i + 2))))
      end = i + 1;
    return month;
  }

  // Month-day or day-month, with an optional year, starting at i: "September 19",
  // "Sept. 9, 2016", "19 September 2016", "the 9th of September" (from "9th").
  std::optional<Found> month_day_at(uint32_t i) const {
    Found f;
    f.first = i;
    uint32_t end = i;
    if (const int month = month_at(i, end)) {
      if (const int day = day_of(form(end + 1)); day && !year_of(form(end + 1))) {
        f.month = month;
        f.day = day;
        f.last = end + 1;
      } else if (const int year = year_of(form(end + 1))) {
        f.kind = Kind::kMonthYear;
        f.month = month;
        f.year = year;
        f.last = end + 1;
        return f;
      } else {
        return std::nullopt;
      }
    } else if (const int day = day_of(form(i)); day && form(i).size() <= 4) {
      uint32_t m = i + 1;
      if (is(m, {"of"})) ++m;
      const int month = month_at(m, end);
      if (!month) return std::nullopt;
      f.day = day;
      f.month = month;
      f.last = end;
    } else {
      return std::nullopt;
    }
    // The year: "September 19, 2016", "19 September 2016".
    uint32_t y = f.last + 1;
    if (form(y) == ",") ++y;
    if (const int year = year_of(form(y))) {
      f.year = year;
      f.last = y;
      f.kind = Kind::kFullDate;
    } else {
      f.kind = Kind::kMonthDay;
    }
    return f;
  }

  // Skips "early", "late", "mid" before i (backwards); returns the word before them.
  int64_t before_qualifiers(uint32_t i) const {
    int64_t p = static_cast<int64_t>(i) - 1;
    while (p >= 0 && is(static_cast<uint32_t>(p), {"early", "late", "mid", "mid-"})) --p;
    return p;
  }

  std::optional<Found> at(uint32_t i) const {
    const std::string& w = lower_[i];
    // ISO 8601 in the text: "2016-09-19".
    if (w.size() == 10 && w[4] == '-' && w[7] == '-' && all_digits(w.substr(0, 4)) &&
        all_digits(w.substr(5, 2)) && all_digits(w.substr(8, 2))) {
      Found f = make(i, i, Kind::kFullDate);
      f.year = std::atoi(w.substr(0, 4).c_str());
      f.month = std::atoi(w.substr(5, 2).c_str());
      f.day = std::atoi(w.substr(8, 2).c_str());
      return f;
    }
    // "last", "this", "next", "earlier this", "later this" + a unit, weekday or month.
    if (is(i, {"last", "this", "next"})) {
      const Direction direction = w == "last"   ? Direction::kBefore
                                  : w == "next" ? Direction::kAfter
                                                : Direction::kTense;
      const int offset = w == "last" ? -1 : w == "next" ? 1 : 0;
      uint32_t first = i;
      if (w == "this" && i > 0 && is(i - 1, {"earlier", "later", "early", "late"})) first = i - 1;
      const std::string& unit = lw(i + 1);
      if (unit == "night" && w == "last") return make(first, i + 1, Kind::kDayOffset, -1);
      if ((unit == "morning" || unit == "afternoon" || unit == "evening") && w == "this")
        return make(first, i + 1, Kind::kDayOffset, 0);
      if (unit == "week" && w != "this") return make(first, i + 1, Kind::kDayOffset, 7 * offset);
      if (unit == "month") return make(first, i + 1, Kind::kMonthOffset, offset);
      if (unit == "year") return make(first, i + 1, Kind::kYearOffset, offset);
      if (const int day = weekday_of(form(i + 1)); day >= 0) {
        Found f = make(first, i + 1, Kind::kWeekday);
        f.day = day;
        f.direction = direction;
        extend_part_of_day(f);
        return f;
      }
      uint32_t end = 0;
      if (const int month = month_at(i + 1, end); month && !day_of(form(end + 1))) {
        Found f = make(first, end, Kind::kMonth);
        f.month = month;
        f.direction = direction;
        return f;
      }
    }
    if (w == "yesterday" || w == "today" || w == "tomorrow" || w == "tonight") {
      Found f = make(i, i, Kind::kDayOffset, w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0);
      if (w != "tonight") extend_part_of_day(f);
      return f;
    }
    // "two days ago", "a week ago", "three months ago", "5 years ago".
    if (const int n = count_of(form(i)); n && is(i + 2, {"ago"})) {
      const std::string& unit = lw(i + 1);
      if (unit == "day" || unit == "days") return make(i, i + 2, Kind::kDayOffset, -n);
      if (unit == "week" || unit == "weeks") return make(i, i + 2, Kind::kDayOffset, -7 * n);
      if (unit == "month" || unit == "months") return make(i, i + 2, Kind::kMonthOffset, -n);
      if (unit == "year" || unit == "years") return make(i, i + 2, Kind::kYearOffset, -n);
    }
    // A weekday, alone or before a date: "on Tuesday", "Tuesday, Sept. 19".
    if (const int day = weekday_of(form(i)); day >= 0 && !verbal(i)) {
      // "the Sunday Times" names a newspaper, not a day.
      if (i > 0 && is(i - 1, {"the", "a"}) && capitalised(form(i + 1)) && !month_of(form(i + 1)))
        return std::nullopt;
      const uint32_t next = form(i + 1) == "," ? i + 2 : i + 1;
      if (std::optional<Found> date = month_day_at(next);
          date && (date->kind == Kind::kMonthDay || date->kind == Kind::kFullDate)) {
        date->first = i;
        return date;
      }
      Found f = make(i, i, Kind::kWeekday);
      f.day = day;
      extend_part_of_day(f);
      return f;
    }
    if (std::optional<Found> date = month_day_at(i)) return date;
    // A month alone after "in" or "during" ("in March", "in early March").
    uint32_t end = 0;
    if (const int month = month_at(i, end)) {
      const int64_t p = before_qualifiers(i);
      if (p >= 0 && is(static_cast<uint32_t>(p), {"in", "during"})) {
        Found f = make(static_cast<uint32_t>(p + 1), end, Kind::kMonth);
        f.month = month;
        return f;
      }
    }
    // A year alone after "in" or "during" ("in 2015", "in late 2015").
    if (const int year = year_of(form(i))) {
      const int64_t p = before_qualifiers(i);
      if (p >= 0 && is(static_cast<uint32_t>(p), {"in", "during"})) {
        Found f = make(static_cast<uint32_t>(p + 1), i, Kind::kYear);
        f.year = year;
        return f;
      }
    }
    return std::nullopt;
  }

  // "Tuesday night", "yesterday morning": the part of the day joins the expression.
  void extend_part_of_day(Found& f) const {
    if (is(f.last + 1, {"morning", "afternoon", "evening", "night"})) ++f.last;
  }

  const std::vector<Word>& words_;
  std::vector<std::string> lower_;
};

// ---------------------------------------------------------------------------------------
// Resolving

Tense verb_tense(const Sentence& sentence, uint32_t verb) {
  const auto& words = sentence.words;
  if (verb >= words.size()) return Tense::kPresent;
  bool past = words[verb].xpos == "VBD";
  for (uint32_t w = 0; w < words.size(); ++w) {
    if (words[w].head != static_cast<int>(verb) || !words[w].deprel.starts_with("aux")) continue;
    const std::string form = ascii_lower(words[w].form);
    const std::string lemma = ascii_lower(words[w].lemma);
    if (form == "will" || form == "shall" || form == "'ll" || form == "wo" || lemma == "will" ||
        lemma == "shall")
      return Tense::kFuture;
    if (words[w].xpos == "VBD" || lemma == "have") past = true;
  }
  return past ? Tense::kPast : Tense::kPresent;
}

// Picks among candidate points in time (days or months as ordinals) the one the rule
// gives around `story`: strictly before or after, or by tense (past: on or before;
// future: on or after; present: the nearest, ties to the earlier).
std::optional<int64_t> choose(const std::vector<int64_t>& candidates, int64_t story, Direction direction,
                              Tense tense) {
  std::optional<int64_t> best;
  for (int64_t c : candidates) {
    bool ok = true;
    bool better = false;
    if (direction == Direction::kBefore || (direction == Direction::kTense && tense == Tense::kPast)) {
      ok = direction == Direction::kBefore ? c < story : c <= story;
      better = !best || c > *best;
    } else if (direction == Direction::kAfter || tense == Tense::kFuture) {
      ok = direction == Direction::kAfter ? c > story : c >= story;
      better = !best || c < *best;
    } else {
      const int64_t d = std::abs(c - story), bd = best ? std::abs(*best - story) : 0;
      better = !best || d < bd || (d == bd && c < *best);
    }
    if (ok && better) best = c;
  }
  return best;
}

struct Resolved {
  int32_t date = 0;
  DatePrecision precision = DatePrecision::kNone;
};

std::optional<Resolved> resolve(const Found& f, int32_t story, Tense tense) {
  const int sy = story / 10000, sm = story / 100 % 100, sd = story % 100;
  const std::optional<chr::sys_days> story_days = story ? to_days(sy, sm, sd) : std::nullopt;
  const auto day_result = [](chr::sys_days d) -> Resolved {
    const Ymd ymd = from_days(d);
    return {compact(ymd.year, ymd.month, ymd.day), DatePrecision::kDay};
  };
  const auto month_result = [](int64_t ordinal) -> std::optional<Resolved> {  // year * 12 + month - 1
    const int year = static_cast<int>(ordinal / 12), month = static_cast<int>(ordinal % 12) + 1;
    if (year < 1 || year > 9999) return std::nullopt;
    return Resolved{compact(year, month, 0), DatePrecision::kMonth};
  };
  switch (f.kind) {
    case Kind::kFullDate:
      if (!to_days(f.year, f.month, f.day)) return std::nullopt;
      return Resolved{compact(f.year, f.month, f.day), DatePrecision::kDay};
    case Kind::kMonthYear:
      return Resolved{compact(f.year, f.month, 0), DatePrecision::kMonth};
    case Kind::kYear:
      return Resolved{compact(f.year, 0, 0), DatePrecision::kYear};
    default:
      break;
  }
  if (!story_days) return std::nullopt;
  const int64_t story_ordinal = story_days->time_since_epoch().count();
  switch (f.kind) {
    case Kind::kMonthDay: {
      std::vector<int64_t> candidates;
      for (int year = sy - 1; year <= sy + 1; ++year)
        if (const auto d = to_days(year, f.month, f.day)) candidates.push_back(d->time_since_epoch().count());
      const auto best = choose(candidates, story_ordinal, f.direction, tense);
      if (!best) return std::nullopt;
      return day_result(chr::sys_days{chr::days{*best}});
    }
    case Kind::kWeekday: {
      std::vector<int64_t> candidates;
      for (int k = -7; k <= 7; ++k) {
        const chr::sys_days d = *story_days + chr::days{k};
        if (static_cast<int>(chr::weekday{d}.c_encoding()) == f.day)
          candidates.push_back(d.time_since_epoch().count());
      }
      const auto best = choose(candidates, story_ordinal, f.direction, tense);
      if (!best) return std::nullopt;
      return day_result(chr::sys_days{chr::days{*best}});
    }
    case Kind::kMonth: {
      const int64_t story_month = int64_t{sy} * 12 + sm - 1;
      std::vector<int64_t> candidates;
      for (int year = sy - 1; year <= sy + 1; ++year) candidates.push_back(int64_t{year} * 12 + f.month - 1);
      const auto best = choose(candidates, story_month, f.direction, tense);
      if (!best) return std::nullopt;
      return month_result(*best);
    }
    case Kind::kDayOffset:
      return day_result(*story_days + chr::days{f.n});
    case Kind::kMonthOffset:
      return month_result(int64_t{sy} * 12 + sm - 1 + f.n);
    case Kind::kYearOffset:
      if (sy + f.n < 1 || sy + f.n > 9999) return std::nullopt;
      return Resolved{compact(sy + f.n, 0, 0), DatePrecision::kYear};
    default:
      return std::nullopt;
  }
}

// The words as tokenised: a space between two words where the text has one.
std::string words_text(const Sentence& sentence, uint32_t first, uint32_t last) {
  std::string out;
  for (uint32_t w = first; w <= last && w < sentence.words.size(); ++w) {
    if (w > first) {
      const uint32_t prev = sentence.words[w - 1].token, token = sentence.words[w].token;
      const bool space =
          prev != token && (prev >= sentence.tokens.size() || sentence.tokens[prev].space_after);
      if (space) out += ' ';
    }
    out += sentence.words[w].form;
  }
  return out;
}

bool clausal(const Word& w) {
  const std::string_view rel = std::string_view(w.deprel).substr(0, w.deprel.find(':'));
  if (rel == "ccomp" || rel == "xcomp" || rel == "advcl" || rel == "acl" || rel == "csubj" ||
      rel == "parataxis")
    return true;
  return rel == "conj" && (w.upos == "VERB" || w.upos == "AUX");
}

bool temporal_relation(std::string_view deprel) {
  // UD 2.14 and later write obl:unmarked and nmod:unmarked for the older tmod and npmod.
  return deprel == "obl" || deprel == "obl:tmod" || deprel == "obl:npmod" || deprel == "obl:unmarked" ||
         deprel == "nmod" || deprel == "nmod:tmod" || deprel == "nmod:npmod" || deprel == "nmod:unmarked" ||
         deprel == "advmod";
}

// How well an expression belongs to the event of `verb`: 0 attached to it directly by a
// temporal relation, 1 directly by another, 2 in its clause below it; -1 not in it.
int attachment(const Sentence& sentence, const Found& f, uint32_t verb) {
  const auto& words = sentence.words;
  int best = -1;
  for (uint32_t w = f.first; w <= f.last && w < words.size(); ++w) {
    const int head = words[w].head;
    if (head >= static_cast<int>(f.first) && head <= static_cast<int>(f.last)) continue;  // inside
    int rank = -1;
    if (clausal(words[w])) continue;  // the expression heads a clause of its own (a misparse)
    if (head == static_cast<int>(verb)) {
      rank = temporal_relation(words[w].deprel) ? 0 : 1;
    } else {
      // Up the tree to the verb, not through a nested predicate.
      uint32_t cur = w;
      for (size_t steps = 0; steps <= words.size(); ++steps) {
        if (clausal(words[cur])) break;
        const int up = words[cur].head;
        if (up < 0 || up >= static_cast<int>(words.size())) break;
        if (up == static_cast<int>(verb)) {
          rank = 2;
          break;
        }
        cur = static_cast<uint32_t>(up);
      }
    }
    if (rank >= 0 && (best < 0 || rank < best)) best = rank;
  }
  return best;
}

struct Candidate {
  Found found;
  Resolved resolved;
  int rank = 0;
};

EventDate to_event_date(const Sentence& sentence, const Found& f, const Resolved& r) {
  EventDate d;
  d.date = r.date;
  d.precision = r.precision;
  for (uint32_t w = f.first; w <= f.last; ++w) d.words.push_back(w);
  d.text = words_text(sentence, f.first, f.last);
  return d;
}

int32_t valid_story(int32_t story) {
  return story > 0 && to_days(story / 10000, story / 100 % 100, story % 100) ? story : 0;
}

}  // namespace

std::vector<EventDate> find_dates(const Sentence& sentence, uint32_t verb, int32_t story_date) {
  story_date = valid_story(story_date);
  const Tense tense = verb_tense(sentence, verb);
  std::vector<EventDate> out;
  for (const Found& f : Scanner(sentence).scan())
    if (const auto r = resolve(f, story_date, tense)) out.push_back(to_event_date(sentence, f, *r));
  return out;
}

EventDate resolve_event_date(const Sentence& sentence, uint32_t verb, int32_t story_date) {
  story_date = valid_story(story_date);
  EventDate none;
  if (story_date) {
    none.date = story_date;
    none.precision = DatePrecision::kDay;
  }
  if (verb >= sentence.words.size()) return none;
  const std::vector<Found> found = Scanner(sentence).scan();
  if (found.empty()) return none;
  const Tense tense = verb_tense(sentence, verb);
  const auto pick = [&](uint32_t predicate, int worst_rank) -> std::optional<Candidate> {
    std::optional<Candidate> best;
    for (const Found& f : found) {
      if (f.first <= predicate && predicate <= f.last) continue;
      const int rank = attachment(sentence, f, predicate);
      if (rank < 0 || rank > worst_rank) continue;
      const auto r = resolve(f, story_date, tense);
      if (!r) continue;
      const auto distance = [&](const Found& x) {
        return x.last < predicate ? predicate - x.last : x.first > predicate ? x.first - predicate : 0;
      };
      if (!best || rank < best->rank ||
          (rank == best->rank &&
           (r->precision > best->resolved.precision ||
            (r->precision == best->resolved.precision && distance(f) < distance(best->found)))))
        best = Candidate{f, *r, rank};
    }
    return best;
  };
  std::optional<Candidate> best = pick(verb, 2);
  // A coordinated verb without a date of its own shares one attached to its first conjunct.
  const Word& v = sentence.words[verb];
  if (!best && v.deprel == "conj" && v.head >= 0 && v.head < static_cast<int>(sentence.words.size()))
    best = pick(static_cast<uint32_t>(v.head), 1);
  if (!best) return none;
  return to_event_date(sentence, best->found, best->resolved);
}

std::string iso_date(int32_t date, DatePrecision precision) {
  const int year = date / 10000, month = date / 100 % 100, day = date % 100;
  switch (precision) {
    case DatePrecision::kDay:
      return to_days(year, month, day) ? fmt::format("{:04}-{:02}-{:02}", year, month, day) : "";
    case DatePrecision::kMonth:
      return year >= 1 && year <= 9999 && month >= 1 && month <= 12 ? fmt::format("{:04}-{:02}", year, month)
                                                                    : "";
    case DatePrecision::kYear:
      return year >= 1 && year <= 9999 ? fmt::format("{:04}", year) : "";
    case DatePrecision::kNone:
      break;
  }
  return "";
}

const char* precision_name(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kNone:
      break;
  }
  return "";
}

}  // namespace dyad::doc
