#include "dyad/text/cleaner.h"

#include <array>
#include <bitset>
#include <cstring>
#include <stdexcept>
#include <string>

#include "dyad/text/cleaner_rules.h"

namespace dyad::text {

namespace {

constexpr size_t npos = std::string_view::npos;

// ---------------------------------------------------------------------------
// Characters

bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_alpha(unsigned char c) { return is_upper(c) || is_lower(c); }
bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
unsigned char to_lower(unsigned char c) { return is_upper(c) ? c + 32 : c; }

unsigned char at(std::string_view s, size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; }

// Length of the whitespace character starting at s[i] (newlines included), 0 if
// there is none. Besides ASCII: no-break space, the Unicode spaces U+2000-U+200B,
// U+202F, U+205F, U+3000 and the byte-order mark.
size_t space_at(std::string_view s, size_t i) {
  const unsigned char c = at(s, i);
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0xC2) return 0;
  const unsigned char c1 = at(s, i + 1);
  if (c == 0xC2) return c1 == 0xA0 ? 2 : 0;
  const unsigned char c2 = at(s, i + 2);
  if (c == 0xE2) {
    if (c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8B) || c2 == 0xAF)) return 3;
    if (c1 == 0x81 && c2 == 0x9F) return 3;
    return 0;
  }
  if (c == 0xE3) return c1 == 0x80 && c2 == 0x80 ? 3 : 0;
  if (c == 0xEF) return c1 == 0xBB && c2 == 0xBF ? 3 : 0;
  return 0;
}

// Length of the whitespace character that ends just before s[end], 0 if none.
size_t space_before(std::string_view s, size_t end) {
  if (end == 0) return 0;
  const unsigned char c = at(s, end - 1);
  if (c < 0x80) return space_at(s, end - 1);
  if (end >= 2 && space_at(s, end - 2) == 2) return 2;
  if (end >= 3 && space_at(s, end - 3) == 3) return 3;
  return 0;
}

size_t skip_space(std::string_view s, size_t i) {
  while (i < s.size()) {
    const size_t n = space_at(s, i);
    if (!n) break;
    i += n;
  }
  return i;
}

// Skips spaces but not line breaks (for names and words written on one line).
size_t skip_blank(std::string_view s, size_t i) {
  while (i < s.size() && s[i] != '\n' && s[i] != '\r') {
    const size_t n = space_at(s, i);
    if (!n) break;
    i += n;
  }
  return i;
}

size_t trim_end(std::string_view s, size_t begin, size_t end) {
  while (end > begin) {
    const size_t n = space_before(s, end);
    if (!n) break;
    end -= n;
  }
  return end;
}

// True when s[i] does not continue a word (end of text, punctuation or space).
bool boundary(std::string_view s, size_t i) {
  const unsigned char c = at(s, i);
  return !is_alnum(c) && !(c >= 0xC3 && c <= 0xDF);
}

// Does the line or paragraph [begin, end) end in punctuation that closes or
// continues a sentence? Headlines, names and dates end without it.
bool ends_in_punctuation(std::string_view s, size_t end) {
  const unsigned char c = at(s, end - 1);
  if (std::strchr(".!?:;,\"')]-", c) && c) return true;
  if (end >= 2 && at(s, end - 2) == 0xC2 && c == 0xBB) return true;  // »
  if (end >= 3 && at(s, end - 3) == 0xE2 && at(s, end - 2) == 0x80) {
    // ’ ” … – —
    return c == 0x99 || c == 0x9D || c == 0xA6 || c == 0x93 || c == 0x94;
  }
  return false;
}

// A line short enough and shaped like a headline, subheading, byline or date line:
// starts with a capital, digit, quote or symbol and ends without punctuation.
// Words a headline does not end with but a wrapped line often does.
constexpr std::array<std::string_view, 36> kOpenEnders{
    "a",   "an",  "the",  "of",   "to",  "in",   "on",    "at",   "by",   "for",   "with",  "and",
    "or",  "but", "from", "that", "as",  "into", "about", "over", "than", "his",   "her",   "their",
    "its", "was", "were", "is",   "are", "has",  "have",  "had",  "who",  "which", "where", "when"};

bool ends_with_open_word(std::string_view s, size_t begin, size_t end) {
  size_t b = end;
  while (b > begin && is_lower(at(s, b - 1))) --b;
  if (b == end || (b > begin && is_alnum(at(s, b - 1)))) return false;
  const std::string_view last = s.substr(b, end - b);
  for (std::string_view w : kOpenEnders)
    if (w == last) return true;
  return false;
}

constexpr size_t kHeadlineMax = 80;
bool headline_like(std::string_view s, size_t begin, size_t end) {
  if (end - begin > kHeadlineMax || ends_in_punctuation(s, end)) return false;
  const unsigned char c = at(s, begin);
  return !is_lower(c) && !ends_with_open_word(s, begin, end);
}

// ---------------------------------------------------------------------------
// Patterns

enum class Op : uint8_t {
  kLiteral,
  kAny,
  kGroup,
  kCaps,
  kCapsPlus,
  kCap,
  kCapPlus,
  kName,
  kMonth,
  kWeekday,
  kDay,
  kYear,
  kTime,
  kIsoDate,
  kDash,
  kDomain,
};

struct Node {
  Op op = Op::kLiteral;
  std::vector<std::string> alternatives;  // kLiteral
  std::vector<Node> group;                // kGroup
  // kAny: the bytes the rest of the pattern can start with, so that the search
  // for it skips every other position with one table look-up.
  std::array<bool, 256> next_first{};
  bool next_any = true;
};

struct ClassName {
  std::string_view name;
  Op op;
};
constexpr std::array<ClassName, 13> kClasses{{
    {"{CAPS}", Op::kCaps},
    {"{CAPS+}", Op::kCapsPlus},
    {"{Cap}", Op::kCap},
    {"{Cap+}", Op::kCapPlus},
    {"{Name}", Op::kName},
    {"{month}", Op::kMonth},
    {"{weekday}", Op::kWeekday},
    {"{day}", Op::kDay},
    {"{year}", Op::kYear},
    {"{time}", Op::kTime},
    {"{isodate}", Op::kIsoDate},
    {"{dash}", Op::kDash},
    {"{domain}", Op::kDomain},
}};

constexpr std::array<std::string_view, 24> kMonths{
    "january",   "february", "march",    "april",    "may", "june", "july", "august",
    "september", "october",  "november", "december", "jan", "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sept",     "sep", "oct",  "nov",  "dec"};
constexpr std::array<std::string_view, 16> kWeekdays{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
    "tues",   "tue",     "wed",       "thurs",    "thur",   "thu",      "fri",    "sat"};
// Lowercase words allowed between the capitalised parts of a name.
constexpr std::array<std::string_view, 14> kNameParticles{"de",  "da", "del", "della", "van", "von", "der",
                                                          "den", "al", "el",  "bin",   "ibn", "la",  "le"};

// Matches word `w` (lowercase) at s[i] case-insensitively; the text must start
// with a capital. Returns the end, or npos.
size_t capital_word(std::string_view s, size_t i, std::string_view w) {
  if (!is_upper(at(s, i)) || i + w.size() > s.size()) return npos;
  for (size_t k = 0; k < w.size(); ++k)
    if (to_lower(at(s, i + k)) != static_cast<unsigned char>(w[k])) return npos;
  const size_t e = i + w.size();
  return boundary(s, e) ? e : npos;
}

template <size_t N>
size_t one_of(std::string_view s, size_t i, const std::array<std::string_view, N>& words, bool dot) {
  for (std::string_view w : words) {
    size_t e = capital_word(s, i, w);
    if (e == npos) continue;
    if (dot && at(s, e) == '.') ++e;
    return e;
  }
  return npos;
}

size_t month_at(std::string_view s, size_t i) { return one_of(s, i, kMonths, true); }

size_t digits_at(std::string_view s, size_t i, size_t max) {
  size_t e = i;
  while (e < s.size() && e - i < max && is_digit(at(s, e))) ++e;
  return e;
}

size_t day_at(std::string_view s, size_t i) {
  const size_t e = digits_at(s, i, 2);
  if (e == i || is_digit(at(s, e))) return npos;
  const int v = e - i == 1 ? at(s, i) - '0' : (at(s, i) - '0') * 10 + at(s, i + 1) - '0';
  if (v < 1 || v > 31) return npos;
  size_t f = e;
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (to_lower(at(s, e)) == suffix[0] && to_lower(at(s, e + 1)) == suffix[1]) {
      f = e + 2;
      break;
    }
  }
  return boundary(s, f) ? f : npos;
}

size_t year_at(std::string_view s, size_t i) {
  const size_t e = digits_at(s, i, 4);
  if (e - i != 4 || !boundary(s, e)) return npos;
  const int century = (at(s, i) - '0') * 10 + at(s, i + 1) - '0';
  return century >= 18 && century <= 20 ? e : npos;
}

size_t time_at(std::string_view s, size_t i) {
  size_t e = digits_at(s, i, 2);
  if (e == i || (at(s, e) != ':' && at(s, e) != '.')) return npos;
  const size_t m = e + 1;
  e = digits_at(s, m, 2);
  if (e - m != 2) return npos;
  const size_t f = skip_blank(s, e);
  for (std::string_view suffix : {"a.m.", "p.m.", "am", "pm"}) {
    if (f + suffix.size() > s.size()) continue;
    bool same = true;
    for (size_t k = 0; k < suffix.size() && same; ++k) same = to_lower(at(s, f + k)) == suffix[k];
    if (same && (suffix.back() == '.' || boundary(s, f + suffix.size()))) return f + suffix.size();
  }
  return boundary(s, e) ? e : npos;
}

size_t iso_date_at(std::string_view s, size_t i) {
  if (year_at(s, i) == npos && !(digits_at(s, i, 4) == i + 4)) return npos;
  if (at(s, i + 4) != '-' || digits_at(s, i + 5, 2) != i + 7 || at(s, i + 7) != '-') return npos;
  const size_t e = digits_at(s, i + 8, 2);
  return e == i + 10 && boundary(s, e) ? e : npos;
}

size_t dash_at(std::string_view s, size_t i) {
  if (at(s, i) == '-') {
    size_t e = i + 1;
    if (at(s, e) == '-') ++e;
    return at(s, e) == '-' ? npos : e;
  }
  if (at(s, i) == 0xE2 && at(s, i + 1) == 0x80) {
    const unsigned char c = at(s, i + 2);
    if (c == 0x93 || c == 0x94 || c == 0x95) return i + 3;
  }
  return npos;
}

// A capitalised word: an ASCII capital (or a two-byte UTF-8 letter such as Ł or
// É) followed by letters, apostrophes, hyphens, dots and slashes.
size_t cap_word_at(std::string_view s, size_t i) {
  const unsigned char c = at(s, i);
  size_t e;
  if (is_upper(c)) {
    e = i + 1;
  } else if (c >= 0xC3 && c <= 0xDF && (at(s, i + 1) & 0xC0) == 0x80) {
    e = i + 2;
  } else {
    return npos;
  }
  for (;;) {
    const unsigned char d = at(s, e);
    if (is_alpha(d) || d == '\'' || d == '-' || d == '.' || d == '/') {
      ++e;
    } else if (d >= 0xC3 && d <= 0xDF && (at(s, e + 1) & 0xC0) == 0x80) {
      e += 2;
    } else if (d == 0xE2 && at(s, e + 1) == 0x80 && at(s, e + 2) == 0x99) {  // ’
      e += 3;
    } else {
      break;
    }
  }
  return boundary(s, e) ? e : npos;
}

// An all-capitals word with at least two capital letters (WASHINGTON, U.S., KYIV).
size_t caps_word_at(std::string_view s, size_t i) {
  size_t e = i;
  int capitals = 0;
  for (;;) {
    const unsigned char d = at(s, e);
    if (is_upper(d)) {
      ++capitals;
      ++e;
    } else if (e > i && (d == '\'' || d == '-' || d == '.' || d == '&')) {
      ++e;
    } else if (d >= 0xC3 && d <= 0xDF && (at(s, e + 1) & 0xC0) == 0x80) {
      e += 2;
    } else {
      break;
    }
  }
  return capitals >= 2 && boundary(s, e) ? e : npos;
}

// One or more words of `word` on one line, separated by spaces; with particles,
// lowercase name particles may stand between them.
template <typename Word>
size_t words_at(std::string_view s, size_t i, Word word, bool particles) {
  size_t e = word(s, i);
  if (e == npos) return npos;
  for (;;) {
    const size_t j = skip_blank(s, e);
    if (j == e) break;
    size_t next = word(s, j);
    if (next == npos && particles) {
      // "de la Cruz", "van der Berg": particles, then a capitalised word.
      size_t k = j;
      for (int n = 0; n < 3 && next == npos; ++n) {
        bool found = false;
        for (std::string_view p : kNameParticles) {
          if (s.substr(k, p.size()) == p && space_at(s, k + p.size())) {
            k = skip_blank(s, k + p.size());
            found = true;
            break;
          }
        }
        if (!found) break;
        next = word(s, k);
      }
    }
    if (next == npos) break;
    e = next;
  }
  return e;
}

size_t cap_words_at(std::string_view s, size_t i) { return words_at(s, i, cap_word_at, true); }

// Names joined by "and", "&" or commas: "John Smith, Jane Doe and Ann Lee".
size_t name_at(std::string_view s, size_t i) {
  size_t e = cap_words_at(s, i);
  if (e == npos) return npos;
  for (;;) {
    size_t j = skip_blank(s, e);
    if (at(s, j) == ',' || at(s, j) == '&') {
      ++j;
    } else if (to_lower(at(s, j)) == 'a' && to_lower(at(s, j + 1)) == 'n' && to_lower(at(s, j + 2)) == 'd' &&
               boundary(s, j + 3)) {
      j += 3;
    } else {
      break;
    }
    j = skip_blank(s, j);
    if (to_lower(at(s, j)) == 'a' && to_lower(at(s, j + 1)) == 'n' && to_lower(at(s, j + 2)) == 'd' &&
        boundary(s, j + 3))
      j = skip_blank(s, j + 3);  // ", and"
    const size_t next = cap_words_at(s, j);
    if (next == npos) break;
    e = next;
  }
  return e;
}

size_t domain_at(std::string_view s, size_t i) {
  size_t e = i;
  int labels = 0;
  size_t last_label_letters = 0;
  bool last_all_alpha = true;
  for (;;) {
    const size_t start = e;
    bool all_alpha = true;
    while (is_alnum(at(s, e)) || (e > start && at(s, e) == '-')) {
      all_alpha = all_alpha && is_alpha(at(s, e));
      ++e;
    }
    if (e == start) return npos;
    ++labels;
    last_label_letters = e - start;
    last_all_alpha = all_alpha;
    if (at(s, e) == '.' && is_alnum(at(s, e + 1))) {
      ++e;
      continue;
    }
    break;
  }
  if (labels < 2 || last_label_letters < 2 || !last_all_alpha) return npos;
  return boundary(s, e) ? e : npos;
}

// A literal: lowercase pattern letters match either case, others match exactly;
// '_' matches one or more whitespace characters.
size_t literal_at(std::string_view s, size_t i, std::string_view lit) {
  size_t e = i;
  for (size_t k = 0; k < lit.size(); ++k) {
    const unsigned char p = lit[k];
    if (p == '_') {
      const size_t f = skip_space(s, e);
      if (f == e) return npos;
      e = f;
      continue;
    }
    const unsigned char c = at(s, e);
    if (e >= s.size() || !(c == p || (is_lower(p) && c == p - 32))) return npos;
    ++e;
  }
  if (!lit.empty() && is_alnum(static_cast<unsigned char>(lit.back())) && !boundary(s, e)) return npos;
  return e;
}

size_t class_at(Op op, std::string_view s, size_t i) {
  switch (op) {
    case Op::kCaps:
      return caps_word_at(s, i);
    case Op::kCapsPlus:
      return words_at(s, i, caps_word_at, false);
    case Op::kCap:
      return cap_word_at(s, i);
    case Op::kCapPlus:
      return cap_words_at(s, i);
    case Op::kName:
      return name_at(s, i);
    case Op::kMonth:
      return month_at(s, i);
    case Op::kWeekday:
      return one_of(s, i, kWeekdays, true);
    case Op::kDay:
      return day_at(s, i);
    case Op::kYear:
      return year_at(s, i);
    case Op::kTime:
      return time_at(s, i);
    case Op::kIsoDate:
      return iso_date_at(s, i);
    case Op::kDash:
      return dash_at(s, i);
    case Op::kDomain:
      return domain_at(s, i);
    default:
      return npos;
  }
}

// Backtracking matcher over a compiled pattern. Patterns are short and only run
// on paragraph starts or short paragraphs, so the simple approach is fast enough.
class Matcher {
 public:
  Matcher(std::string_view s, bool whole) : s_(s), whole_(whole) {}

  size_t run(const std::vector<Node>& seq) const { return match(seq, 0, 0, nullptr); }

 private:
  struct Next {
    const std::vector<Node>* seq;
    size_t index;
    const Next* next;
  };

  size_t match(const std::vector<Node>& seq, size_t index, size_t pos, const Next* next) const {
    if (index == seq.size()) {
      if (next) return match(*next->seq, next->index, pos, next->next);
      if (!whole_) return pos;
      return skip_space(s_, pos) == s_.size() ? s_.size() : npos;
    }
    const Node& node = seq[index];
    const size_t p = skip_space(s_, pos);
    switch (node.op) {
      case Op::kAny: {
        if (index + 1 == seq.size() && !next) return whole_ ? s_.size() : p;
        for (size_t q = p; q <= s_.size(); ++q) {
          if (q < s_.size() && !node.next_any && !node.next_first[at(s_, q)]) continue;
          if ((at(s_, q) & 0xC0) == 0x80) continue;  // inside a UTF-8 sequence
          const size_t r = match(seq, index + 1, q, next);
          if (r != npos) return r;
        }
        return npos;
      }
      case Op::kGroup: {
        const Next after{&seq, index + 1, next};
        const size_t r = match(node.group, 0, pos, &after);
        return r != npos ? r : match(seq, index + 1, pos, next);
      }
      case Op::kLiteral: {
        for (const std::string& alt : node.alternatives) {
          const size_t e = literal_at(s_, p, alt);
          if (e == npos) continue;
          const size_t r = match(seq, index + 1, e, next);
          if (r != npos) return r;
        }
        return npos;
      }
      default: {
        const size_t e = class_at(node.op, s_, p);
        return e == npos ? npos : match(seq, index + 1, e, next);
      }
    }
  }

  std::string_view s_;
  bool whole_;
};

// The rest of a pattern after a position: seq[index...], then `next`.
struct Rest {
  const std::vector<Node>* seq;
  size_t index;
  const Rest* next;
};

// Adds the bytes that the rest of a pattern can start with to `out` (whitespace is
// skipped before every item, so it never counts); sets `any` when that can be any
// byte or the end of the text.
void first_bytes(const Rest* rest, std::bitset<256>& out, bool& any) {
  while (rest && rest->index == rest->seq->size()) rest = rest->next;
  if (!rest) {
    any = true;
    return;
  }
  const Node& node = (*rest->seq)[rest->index];
  const Rest after{rest->seq, rest->index + 1, rest->next};
  auto range = [&](int a, int b) {
    for (int c = a; c <= b; ++c) out.set(c);
  };
  switch (node.op) {
    case Op::kAny:
      any = true;
      return;
    case Op::kGroup: {
      const Rest inside{&node.group, 0, &after};
      first_bytes(&inside, out, any);
      first_bytes(&after, out, any);
      return;
    }
    case Op::kLiteral:
      for (const std::string& alt : node.alternatives) {
        const unsigned char c = alt[0];
        if (c == '_') {
          any = true;
          continue;
        }
        out.set(c);
        if (is_lower(c)) out.set(c - 32);
      }
      return;
    case Op::kCaps:
    case Op::kCapsPlus:
    case Op::kCap:
    case Op::kCapPlus:
    case Op::kName:
      range('A', 'Z');
      range(0xC3, 0xDF);
      return;
    case Op::kMonth:
    case Op::kWeekday:
      range('A', 'Z');
      return;
    case Op::kDay:
    case Op::kYear:
    case Op::kTime:
    case Op::kIsoDate:
      range('0', '9');
      return;
    case Op::kDash:
      out.set('-');
      out.set(0xE2);
      return;
    case Op::kDomain:
      range('0', '9');
      range('A', 'Z');
      range('a', 'z');
      return;
  }
}

// Fills Node::next_first of every `...` in seq; `after` is what follows seq.
void prepare(std::vector<Node>& seq, const Rest* after) {
  for (size_t i = 0; i < seq.size(); ++i) {
    Node& node = seq[i];
    const Rest here{&seq, i + 1, after};
    if (node.op == Op::kGroup) prepare(node.group, &here);
    if (node.op != Op::kAny) continue;
    std::bitset<256> first;
    bool any = false;
    first_bytes(&here, first, any);
    node.next_any = any;
    for (int c = 0; c < 256; ++c) node.next_first[c] = first.test(c);
  }
}

// ---------------------------------------------------------------------------
// Rules

enum class Kind : uint8_t { kTail, kDrop, kStrip, kDateline };

struct Rule {
  Kind kind = Kind::kDrop;
  size_t max_length = npos;
  std::vector<Node> pattern;
  std::bitset<256> first;
  bool any_first = false;
};

// Parses one pattern; returns an error message or "".
std::string parse_pattern(std::string_view text, std::vector<Node>& out) {
  std::vector<std::vector<Node>*> stack{&out};
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < text.size() && text[e] != ' ' && text[e] != '\t') ++e;
    const std::string_view item = text.substr(i, e - i);
    i = e;
    if (item == "[") {
      stack.back()->push_back(Node{Op::kGroup, {}, {}});
      stack.push_back(&stack.back()->back().group);
    } else if (item == "]") {
      if (stack.size() == 1) return "unbalanced ]";
      if (stack.back()->empty()) return "empty group";
      stack.pop_back();
    } else if (item == "...") {
      stack.back()->push_back(Node{Op::kAny, {}, {}});
    } else if (item.front() == '{' && item.back() == '}') {
      bool known = false;
      for (const ClassName& c : kClasses) {
        if (c.name == item) {
          stack.back()->push_back(Node{c.op, {}, {}});
          known = true;
        }
      }
      if (!known) return "unknown class " + std::string(item);
    } else {
      Node node;
      if (item == "|") {
        node.alternatives.emplace_back("|");
      } else {
        size_t a = 0;
        while (a <= item.size()) {
          size_t b = item.find('|', a);
          if (b == npos) b = item.size();
          if (b == a) return "empty alternative in " + std::string(item);
          node.alternatives.emplace_back(item.substr(a, b - a));
          a = b + 1;
        }
      }
      stack.back()->push_back(std::move(node));
    }
  }
  if (stack.size() != 1) return "unclosed [";
  if (out.empty()) return "empty pattern";
  return "";
}

std::string parse_rule(std::string_view line, Rule& rule) {
  size_t e = 0;
  while (e < line.size() && line[e] != ' ' && line[e] != '\t') ++e;
  std::string_view kind = line.substr(0, e);
  std::string_view limit;
  if (const size_t colon = kind.find(':'); colon != npos) {
    limit = kind.substr(colon + 1);
    kind = kind.substr(0, colon);
  }
  if (kind == "tail") {
    rule.kind = Kind::kTail;
    rule.max_length = 200;
  } else if (kind == "drop") {
    rule.kind = Kind::kDrop;
    rule.max_length = 400;
  } else if (kind == "strip") {
    rule.kind = Kind::kStrip;
  } else if (kind == "dateline") {
    rule.kind = Kind::kDateline;
  } else {
    return "unknown kind '" + std::string(kind) + "'";
  }
  if (!limit.empty()) {
    size_t v = 0;
    for (char c : limit) {
      if (!is_digit(c)) return "bad length limit '" + std::string(limit) + "'";
      v = v * 10 + (c - '0');
    }
    rule.max_length = v;
  }
  std::string error = parse_pattern(line.substr(e), rule.pattern);
  if (!error.empty()) return error;
  const Rest whole{&rule.pattern, 0, nullptr};
  bool any = false;
  first_bytes(&whole, rule.first, any);
  rule.any_first = any;
  prepare(rule.pattern, nullptr);
  return "";
}

// Calls fn(line_number, line) for each rule line (not blank, not a comment).
template <typename Fn>
void for_each_rule_line(std::string_view rules, Fn fn) {
  size_t pos = 0;
  int number = 0;
  while (pos < rules.size()) {
    size_t end = rules.find('\n', pos);
    if (end == npos) end = rules.size();
    ++number;
    std::string_view line = rules.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    fn(number, line);
  }
}

struct RuleSet {
  std::vector<Rule> by_kind[4];  // indexed by Kind
};

const RuleSet& rules() {
  static const RuleSet set = [] {
    RuleSet s;
    for_each_rule_line(boilerplate_rules(), [&](int number, std::string_view line) {
      Rule rule;
      const std::string error = parse_rule(line, rule);
      if (!error.empty())
        throw std::logic_error("boilerplate rules, line " + std::to_string(number) + ": " + error);
      s.by_kind[static_cast<int>(rule.kind)].push_back(std::move(rule));
    });
    return s;
  }();
  return set;
}

// Does one of the rules of `kind` match paragraph `p`? Returns the end of the match
// (p.size() for whole-paragraph kinds), or npos.
size_t apply(Kind kind, std::string_view p) {
  const bool whole = kind == Kind::kTail || kind == Kind::kDrop;
  const unsigned char c = at(p, 0);
  for (const Rule& rule : rules().by_kind[static_cast<int>(kind)]) {
    if (p.size() > rule.max_length) continue;
    if (!rule.any_first && !rule.first.test(c)) continue;
    const size_t e = Matcher(p, whole).run(rule.pattern);
    if (e != npos) return e;
  }
  return npos;
}

// ---------------------------------------------------------------------------
// Paragraphs

// Does the line starting at text[pos] continue the sentence of the line before
// it (starts with a lowercase letter)?
bool continues(std::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] != '\n') {
    const size_t n = space_at(text, pos);
    if (!n) return is_lower(at(text, pos));
    pos += n;
  }
  return false;
}

// Splits text into trimmed paragraphs: blocks between blank lines, and short
// headline-like lines (a headline, subheading, byline or date line on its own line).
void split_paragraphs(std::string_view text, std::vector<Span>& out) {
  size_t pos = 0;
  bool open = false;
  size_t para_begin = 0, para_end = 0;
  bool last_line_ends_sentence = true;
  auto flush = [&] {
    if (open) out.push_back({static_cast<uint32_t>(para_begin), static_cast<uint32_t>(para_end)});
    open = false;
  };
  while (pos < text.size()) {
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const size_t line_end = nl ? static_cast<const char*>(nl) - text.data() : text.size();
    const size_t a = skip_space(text.substr(0, line_end), pos);
    const size_t b = a < line_end ? trim_end(text, a, line_end) : a;
    pos = line_end + 1;
    if (a >= b) {
      flush();
      continue;
    }
    if (headline_like(text, a, b) && (!open || last_line_ends_sentence) && !continues(text, pos)) {
      flush();
      out.push_back({static_cast<uint32_t>(a), static_cast<uint32_t>(b)});
      continue;
    }
    if (!open) {
      para_begin = a;
      open = true;
    }
    para_end = b;
    last_line_ends_sentence = ends_in_punctuation(text, b);
  }
  flush();
}

}  // namespace

std::vector<std::string> validate_rules(std::string_view text) {
  std::vector<std::string> errors;
  for_each_rule_line(text, [&](int number, std::string_view line) {
    Rule rule;
    const std::string error = parse_rule(line, rule);
    if (!error.empty()) errors.push_back("line " + std::to_string(number) + ": " + error);
  });
  return errors;
}

std::vector<Span> clean(std::string_view text) {
  std::vector<Span> paragraphs;
  split_paragraphs(text, paragraphs);

  std::vector<Span> kept;
  kept.reserve(paragraphs.size());
  bool dateline_open = true;
  for (Span span : paragraphs) {
    std::string_view p = span.of(text);
    if (apply(Kind::kTail, p) != npos) {
      const bool late = span.begin >= text.size() / 4;
      if (!kept.empty() && late) break;
      continue;
    }
    if (apply(Kind::kDrop, p) != npos) continue;

    size_t cut = apply(Kind::kStrip, p);
    if (cut != npos) {
      span.begin += static_cast<uint32_t>(skip_space(p, cut));
      p = span.of(text);
      if (p.empty()) continue;
    }
    if (dateline_open && !headline_like(text, span.begin, span.end)) {
      dateline_open = false;
      cut = apply(Kind::kDateline, p);
      if (cut != npos) {
        span.begin += static_cast<uint32_t>(skip_space(p, cut));
        if (span.empty()) continue;
      }
    } else if (!dateline_open && p.size() > 3 && is_upper(static_cast<unsigned char>(p[0])) &&
               is_upper(static_cast<unsigned char>(p[1])) && is_upper(static_cast<unsigned char>(p[2]))) {
      // A round-up gives each item its own dateline ("MOSCOW - Russia criticized ..."):
      // later, a place in capitals (three letters at least: not "US - China talks") and a
      // dash count only before a capitalised sentence.
      cut = apply(Kind::kDateline, p);
      if (cut != npos) {
        const size_t body = skip_space(p, cut);
        if (body < p.size() && is_upper(static_cast<unsigned char>(p[body])))
          span.begin += static_cast<uint32_t>(body);
      }
    }
    kept.push_back(span);
  }
  return kept;
}

}  // namespace dyad::text
