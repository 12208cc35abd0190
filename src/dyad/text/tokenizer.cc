#include "dyad/text/tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

namespace dyad::text {
namespace {

// ---------------------------------------------------------------------------
// Lexicons. Derived from the tokens of UD English EWT v2.16 train+dev (CC BY-SA
// 4.0; https://github.com/UniversalDependencies/UD_English-EWT) with throwaway
// scripts, completed by hand with abbreviations common in news (titles, months,
// US states in AP style, company suffixes).
// ---------------------------------------------------------------------------

// Words written with a final period that keeps belonging to the token ("Mr.").
// Case-sensitive. Single capital letters (initials) and dotted forms ("U.S.",
// "a.m.") are recognised by shape, not listed.
constexpr std::string_view kAbbreviations[] = {
    "Adm",  "Ala",  "Apr",  "Ariz", "Ark",    "Assn", "Atty", "Aug", "Ave",    "Blvd",  "Bros", "Calif",
    "Capt", "Cmdr", "Co",   "Col",  "Colo",   "Conn", "Corp", "Cpl", "Dec",    "Del",   "Dept", "Det",
    "Dr",   "Drs",  "Esq",  "Feb",  "Fla",    "Fr",   "Fri",  "Ft",  "Ga",     "Gen",   "Gov",  "Hon",
    "Ill",  "Inc",  "Ind",  "Jan",  "Jr",     "Jul",  "Jun",  "Kan", "Kans",   "Ky",    "La",   "Lt",
    "Ltd",  "Maj",  "Mass", "Md",   "Messrs", "Mich", "Minn", "Mo",  "Mon",    "Mont",  "Mr",   "Mrs",
    "Ms",   "Mt",   "Neb",  "Nev",  "No",     "Nos",  "Nov",  "Oct", "Okla",   "Ore",   "Pa",   "Ph",
    "Pres", "Prof", "Pvt",  "Rd",   "Rep",    "Reps", "Rev",  "Sat", "Sen",    "Sens",  "Sep",  "Sept",
    "Sgt",  "Sr",   "St",   "Sts",  "Supt",   "Tenn", "Tex",  "Thu", "Thur",   "Thurs", "Tue",  "Tues",
    "Univ", "Va",   "Vol",  "Vt",   "Wed",    "Wis",  "Wyo",  "al",  "approx", "ca",    "cf",   "eg",
    "est",  "etc",  "ext",  "hrs",  "lb",     "mins", "oz",   "vs",  "yrs",
};

// Abbreviations after which a capitalised word may start a new sentence.
constexpr std::string_view kMayEnd[] = {"Co.",   "Corp.", "Inc.", "Jr.",  "Ltd.", "Sr.",   "etc.",
                                        "Bros.", "Esq.",  "al.",  "Ave.", "Rd.",  "Blvd.", "Sts."};

// Prefixes that keep their hyphen at the start of a word ("e-mail", "non-violence",
// "anti-American"), lowercase: the prefixes EWT train+dev keeps more often than it
// splits. EWT splits every other hyphenated word ("search - engine", "Inter - Services").
constexpr std::string_view kHyphenPrefixes[] = {
    "anti", "arch", "co",   "counter", "cross", "e",      "ex", "intra", "mid",   "mis", "multi", "neo",
    "non",  "over", "post", "pre",     "pro",   "psycho", "re", "semi",  "socio", "sub", "un",
};

// Contractions written without an apostrophe, all split in EWT ("dont" -> "do nt",
// "gonna" -> "gon na", "cannot" -> "can not"): lowercase form and the length of
// the first word.
struct Fused {
  std::string_view form;
  uint8_t first;
};
constexpr Fused kFused[] = {
    {"aint", 2},  {"arent", 3},  {"cannot", 3}, {"cant", 2},    {"couldnt", 5},  {"didnt", 3}, {"doesnt", 4},
    {"dont", 2},  {"gimme", 3},  {"gonna", 3},  {"gotta", 3},   {"hadnt", 3},    {"hasnt", 3}, {"havent", 4},
    {"im", 1},    {"isnt", 2},   {"ive", 1},    {"outta", 3},   {"shouldnt", 6}, {"thats", 4}, {"wanna", 3},
    {"wasnt", 3}, {"werent", 4}, {"wont", 2},   {"wouldnt", 5}, {"youre", 3},
};

// Emoticons kept whole when they stand alone.
constexpr std::string_view kEmoticons[] = {":-)", ":-(", ";-)", ":-P", ":-D", ":)", ":(",
                                           ";)",  ":D",  ":P",  "(:",  "=)",  ":/"};

template <size_t N>
bool contains(const std::string_view (&list)[N], std::string_view s) {
  for (std::string_view x : list)
    if (x == s) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Character classes.
// ---------------------------------------------------------------------------

enum Class : uint8_t { kSpace, kLetter, kDigit, kPunct, kApostrophe, kNewline };

constexpr std::array<uint8_t, 128> make_ascii_table() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = kPunct;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  t[static_cast<int>('_')] = kLetter;
  t[static_cast<int>(' ')] = t[static_cast<int>('\t')] = t[static_cast<int>('\r')] = kSpace;
  t[static_cast<int>('\f')] = t[static_cast<int>('\v')] = kSpace;
  t[static_cast<int>('\n')] = kNewline;
  t[static_cast<int>('\'')] = kApostrophe;
  for (int c = 0; c < 32; ++c)
    if (t[c] == kPunct) t[c] = kSpace;  // other control characters
  t[127] = kSpace;
  return t;
}
constexpr std::array<uint8_t, 128> kAscii = make_ascii_table();

struct Char {
  uint8_t cls;
  uint8_t len;
  char32_t cp;
};

char32_t decode(std::string_view s, size_t i, uint8_t& len) {
  auto b = static_cast<unsigned char>(s[i]);
  int n = (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    len = 1;
    return 0xFFFD;
  }
  char32_t cp = n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  len = static_cast<uint8_t>(n);
  return cp;
}

uint8_t classify_non_ascii(char32_t cp) {
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) return kApostrophe;
  if (cp == 0x2028 || cp == 0x2029 || cp == 0x0085) return kNewline;
  if (cp == 0x200B || cp == 0xFEFF || cp == 0x2060 || u_isUWhiteSpace(cp)) return kSpace;
  if (u_isdigit(cp)) return kDigit;
  if (u_isUAlphabetic(cp)) return kLetter;
  int8_t type = u_charType(cp);
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK)
    return kLetter;
  return kPunct;
}

inline Char at(std::string_view s, size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {kAscii[b], 1, b};
  uint8_t len;
  char32_t cp = decode(s, i, len);
  return {classify_non_ascii(cp), len, cp};
}

inline bool is_word(uint8_t cls) { return cls == kLetter || cls == kDigit; }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool iequals_lower(std::string_view s, std::string_view lower_word) {
  if (s.size() != lower_word.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (lower(s[i]) != lower_word[i]) return false;
  return true;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals_lower(s.substr(0, prefix.size()), prefix);
}

// ---------------------------------------------------------------------------
// The scanner of one region.
// ---------------------------------------------------------------------------

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<RawToken>& out) : s_(text), out_(out) {}

  void run(size_t begin, size_t end) {
    end_ = end;
    size_t i = begin;
    bool newline = false, space = false;
    while (i < end) {
      Char c = at(s_, i);
      if (c.cls == kSpace || c.cls == kNewline) {
        newline |= c.cls == kNewline;
        space = true;
        i += c.len;
        continue;
      }
      size_t chunk_end = i;
      while (chunk_end < end) {
        Char d = at(s_, chunk_end);
        if (d.cls == kSpace || d.cls == kNewline) break;
        chunk_end += d.len;
      }
      first_in_chunk_ = out_.size();
      chunk(i, chunk_end);
      if (out_.size() > first_in_chunk_) {
        out_[first_in_chunk_].newline_before = newline;
        out_[first_in_chunk_].space_before = space;
      }
      newline = false;
      space = false;
      i = chunk_end;
    }
  }

 private:
  void emit(size_t b, size_t e) {
    RawToken t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    out_.push_back(t);
  }

  // One whitespace-delimited chunk [b, e).
  void chunk(size_t b, size_t e) {
    chunk_end_ = e;
    size_t i = b;
    if (size_t n = url_length(b, e)) {
      emit(b, b + n);
      i = b + n;
    }
    while (i < e) {
      Char c = at(s_, i);
      if (is_word(c.cls)) {
        if (i != b && (c.cp == 'h' || c.cp == 'H' || c.cp == 'w' || c.cp == 'W' || c.cp == 'f')) {
          if (size_t n = url_length(i, e)) {
            emit(i, i + n);
            i += n;
            continue;
          }
        }
        i = word(i, e);
      } else {
        i = punct(i, e, c, i == b);
      }
    }
  }

  // Length of a URL or e-mail address starting at b, or 0.
  size_t url_length(size_t b, size_t e) {
    std::string_view c = s_.substr(b, e - b);
    bool url = starts_with_ci(c, "http://") || starts_with_ci(c, "https://") || starts_with_ci(c, "ftp://") ||
               starts_with_ci(c, "www.");
    if (!url) return 0;
    size_t n = 0;  // a URL never contains quotes or angle brackets
    while (n < c.size() && c[n] != '"' && c[n] != '<' && c[n] != '>' &&
           !c.substr(n).starts_with("\xE2\x80\x9D"))
      ++n;
    c = c.substr(0, n);
    int open = 0;
    for (char ch : c) open += ch == '(' ? 1 : ch == ')' ? -1 : 0;
    while (n > 0) {
      char last = c[n - 1];
      if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
          last == '\'' || last == '"' || last == ']' || last == '>') {
        --n;
      } else if (last == ')' && open < 0) {
        --n;
        ++open;
      } else if (static_cast<unsigned char>(last) >= 0x80) {
        // trailing non-ASCII punctuation such as a closing quote
        size_t k = n - 1;
        while (k > 0 && (static_cast<unsigned char>(c[k]) & 0xC0) == 0x80) --k;
        if (is_word(at(c, k).cls)) break;
        n = k;
      } else {
        break;
      }
    }
    return n;
  }

  // Length of an e-mail address starting at b ("kent.shoemaker@ae.ge.com"), or 0.
  size_t email_length(size_t b, size_t e) {
    const void* at_sign = std::memchr(s_.data() + b, '@', e - b);
    if (!at_sign) return 0;
    size_t a = static_cast<size_t>(static_cast<const char*>(at_sign) - s_.data());
    auto local = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_ascii_digit(c) || c == '.' || c == '_' ||
             c == '%' || c == '+' || c == '-';
    };
    if (a == b) return 0;
    for (size_t k = b; k < a; ++k)
      if (!local(s_[k])) return 0;
    size_t k = a + 1, dot = 0;
    while (k < e && (local(s_[k]) && s_[k] != '%' && s_[k] != '+' && s_[k] != '_')) {
      if (s_[k] == '.') dot = k;
      ++k;
    }
    while (k > a + 1 && (s_[k - 1] == '.' || s_[k - 1] == '-')) --k;
    if (dot == 0 || dot <= a + 1 || dot + 1 >= k) return 0;
    return k - b;
  }

  // Scans a word starting at i; emits it (split at hyphens and contractions).
  size_t word(size_t i, size_t e) {
    if (size_t n = email_length(i, e)) {
      emit(i, i + n);
      return i + n;
    }
    size_t b = i;
    bool has_dot = false, has_at = false;
    while (i < e) {
      Char c = at(s_, i);
      if (is_word(c.cls)) {
        i += c.len;
        continue;
      }
      if (i + c.len >= e) break;
      Char next = at(s_, i + c.len);
      char prev = s_[i - 1];
      bool join = false;
      if (c.cls == kApostrophe) {
        join = next.cls == kLetter;
      } else if (c.cp == '.') {
        join = dot_joins(b, i, next);
        has_dot |= join;
      } else if (c.cp == '-') {
        join = is_word(next.cls);
      } else if (c.cp == ',') {
        join = is_ascii_digit(prev) && i + 3 < e && is_ascii_digit(s_[i + 1]) && is_ascii_digit(s_[i + 2]) &&
               is_ascii_digit(s_[i + 3]) && (i + 4 >= e || !is_ascii_digit(s_[i + 4]));
      } else if (c.cp == ':') {
        join = is_ascii_digit(prev) && next.cls == kDigit;
      } else if (c.cp == '/') {
        join = (is_ascii_digit(prev) && next.cls == kDigit && slash_joins(b, i, e)) ||
               (i == b + 1 && i + 2 <= e && letter_slash(s_.substr(b, 3)) &&
                (i + 2 == e || !is_word(at(s_, i + 2).cls)));
      } else if (c.cp == '&') {
        join = is_ascii_upper(prev) && next.cp < 128 && is_ascii_upper(static_cast<char>(next.cp));
      } else if (c.cp == '@') {
        join = is_word(next.cls);
        has_at |= join;
      }
      if (!join) break;
      i += c.len;
    }
    // Plural possessive "parents'" -> "parents" + "'" (one token in EWT).
    if (i < e && i > b && (s_[i - 1] == 's' || s_[i - 1] == 'S') && !has_at && !has_dot && !open_single_) {
      Char c = at(s_, i);
      if (c.cls == kApostrophe && (i + c.len >= e || !is_word(at(s_, i + c.len).cls))) {
        split_hyphens(b, i, i + c.len);
        return i + c.len;
      }
    }
    // A final period belongs to abbreviations and initials.
    // ("Inc.." is "Inc." + ".", but "Inc..." is "Inc" + "...")
    if (i < e && s_[i] == '.' && (i + 1 >= e || s_[i + 1] != '.' || (i + 2 >= e || s_[i + 2] != '.')) &&
        !has_at && keeps_period(s_.substr(b, i - b), has_dot, i + 1)) {
      ++i;
    }
    if (has_at || (has_dot && looks_like_domain(b, i))) {
      emit(b, i);
      return i;
    }
    split_hyphens(b, i);
    return i;
  }

  bool looks_like_domain(size_t b, size_t e) {
    std::string_view w = s_.substr(b, e - b);
    size_t dot = w.rfind('.');
    if (dot == std::string_view::npos || dot + 1 >= w.size()) return false;
    std::string_view tld = w.substr(dot + 1);
    static constexpr std::string_view kTlds[] = {"com", "org", "net", "gov", "edu", "co", "uk", "io", "info"};
    for (std::string_view t : kTlds)
      if (iequals_lower(tld, t) && dot >= 2) return true;
    return false;
  }

  bool keeps_period(std::string_view w, bool has_dot, size_t after) {
    if (has_dot) {
      // "U.S", "a.m", "e.g", "Ph.D": letters separated by periods, short parts.
      size_t part = 0;
      for (char ch : w) {
        if (ch == '.') {
          if (part == 0 || part > 3) return false;
          part = 0;
        } else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
          ++part;
        } else {
          return false;
        }
      }
      return part > 0 && part <= 3;
    }
    if (w.size() == 1 && is_ascii_upper(w[0])) return true;  // initial
    if (w == "No" || w == "Nos") {
      size_t k = after;
      while (k < s_.size() && k < end_ && (s_[k] == ' ')) ++k;
      return k < end_ && is_ascii_digit(s_[k]);
    }
    return w.size() <= 7 && contains(kAbbreviations, w);
  }

  // "b/c", "w/o", "l/c": slashed abbreviations EWT keeps whole.
  static bool letter_slash(std::string_view w) {
    return iequals_lower(w, "b/c") || iequals_lower(w, "w/o") || iequals_lower(w, "l/c") ||
           iequals_lower(w, "a/c");
  }

  // Dates keep their slashes ("11/28/2000", "9/11"); fractions and ranges split
  // ("2 / 3", "1774 / 76"), as in EWT.
  bool slash_joins(size_t b, size_t slash, size_t e) {
    size_t k = slash + 1;
    while (k < e && is_ascii_digit(s_[k])) ++k;
    if (k + 1 < e && s_[k] == '/' && is_ascii_digit(s_[k + 1])) return true;  // d/d/d
    if (slash > b && s_[slash - 1] != '/' &&
        std::string_view(s_.data() + b, slash - b).find('/') != std::string_view::npos)
      return true;  // the second slash of a date
    return s_.substr(b, k - b) == "9/11";
  }

  // A '.' inside a word joins "3.5", "U.S", "e.g", "Ph.D", "example.com",
  // "report.doc" but not "chickens.Rabbits" (a missing space).
  bool dot_joins(size_t b, size_t dot, Char next) {
    if (!is_word(next.cls)) return false;
    size_t k = dot;
    while (k > b && is_word(kAscii[static_cast<unsigned char>(s_[k - 1]) & 0x7F]) &&
           static_cast<unsigned char>(s_[k - 1]) < 0x80)
      --k;
    size_t before = dot - k;
    if (next.cls == kDigit && before > 0 && is_ascii_digit(s_[dot - 1])) return true;
    if (before > 0 && before <= 2) return true;
    if (k > b && s_[k - 1] == '.') return true;  // a third part: "www.x.com", "a.b.c"
    size_t j = dot + 1;
    while (j < s_.size() && j < chunk_end_ && static_cast<unsigned char>(s_[j]) < 0x80 &&
           kAscii[static_cast<unsigned char>(s_[j])] == kLetter)
      ++j;
    std::string_view after = s_.substr(dot + 1, j - dot - 1);
    if (j < chunk_end_ && s_[j] == '.' && j + 1 < chunk_end_ &&
        is_word(kAscii[static_cast<unsigned char>(s_[j + 1]) & 0x7F]))
      return true;  // more parts follow
    static constexpr std::string_view kSuffixes[] = {"com", "org", "net", "gov", "edu", "mil",  "int", "info",
                                                     "biz", "io",  "co",  "uk",  "us",  "ca",   "de",  "fr",
                                                     "ru",  "cn",  "jp",  "au",  "in",  "html", "htm", "php",
                                                     "asp", "doc", "pdf", "xls", "txt", "jpg",  "gif", "png"};
    for (std::string_view x : kSuffixes)
      if (iequals_lower(after, x)) return true;
    return false;
  }

  // Splits a scanned word at hyphens (EWT convention), then at contractions.
  // [e, tail) is a possessive apostrophe that belongs to the last token.
  void split_hyphens(size_t b, size_t e, size_t tail = 0) {
    std::string_view w = s_.substr(b, e - b);
    size_t seg = b;  // start of the current token
    if (w.find('-') != std::string_view::npos && !phone_number(w)) {
      size_t part = b;  // start of the current hyphen-separated part
      for (size_t k = b; k < e; ++k) {
        if (s_[k] != '-') continue;
        std::string_view p = s_.substr(part, k - part);
        bool keep = false;
        if (part == b && p.size() <= 7) {
          char buf[8];
          bool letters = true;
          for (size_t q = 0; q < p.size(); ++q) {
            buf[q] = lower(p[q]);
            letters &= buf[q] >= 'a' && buf[q] <= 'z';
          }
          keep = letters && contains(kHyphenPrefixes, std::string_view(buf, p.size()));
        }
        if (keep) {
          part = k + 1;
          continue;
        }
        contraction(seg, k);
        emit(k, k + 1);
        seg = part = k + 1;
      }
    }
    if (tail) {
      emit_split(seg, tail, e);
    } else {
      contraction(seg, e);
    }
  }

  // 713-853-3989, 345-9945, 1-800-991-9019 (but not the range 1969-1970).
  static bool phone_number(std::string_view w) {
    size_t lens[5], groups = 0, len = 0;
    for (char ch : w) {
      if (ch == '-') {
        if (len == 0 || groups == 4) return false;
        lens[groups++] = len;
        len = 0;
      } else if (is_ascii_digit(ch)) {
        ++len;
      } else {
        return false;
      }
    }
    if (len != 4 || groups == 0) return false;
    if (groups == 1) return lens[0] <= 3;  // 345-9945, extensions 3-5076
    if (lens[groups - 1] != 3 || lens[groups - 2] != 3) return false;
    return groups == 2 || (groups == 3 && lens[0] <= 3);
  }

  // Emits [b, e) as one token, split into words at a contraction.
  void contraction(size_t b, size_t e) {
    if (b >= e) return;
    std::string_view w = s_.substr(b, e - b);
    // The last apostrophe ("'" or U+2019/U+2018/U+02BC).
    size_t apos = std::string_view::npos, apos_len = 0;
    for (size_t k = w.size(); k-- > 0;) {
      if (w[k] == '\'') {
        apos = k;
        apos_len = 1;
        break;
      }
      if (static_cast<unsigned char>(w[k]) >= 0xC0) {
        Char c = at(w, k);
        if (c.cls == kApostrophe) {
          apos = k;
          apos_len = c.len;
          break;
        }
      }
    }
    if (apos != std::string_view::npos && apos > 0) {
      std::string_view suffix = w.substr(apos + apos_len);
      char before = w[apos - 1];
      bool letter_before = (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
                           static_cast<unsigned char>(before) >= 0x80;
      if (iequals_lower(suffix, "t") && apos >= 2 && (before == 'n' || before == 'N')) {
        emit_split(b, e, b + apos - 1);
        return;
      }
      if (letter_before &&
          (iequals_lower(suffix, "s") || iequals_lower(suffix, "m") || iequals_lower(suffix, "d") ||
           iequals_lower(suffix, "re") || iequals_lower(suffix, "ve") || iequals_lower(suffix, "ll"))) {
        emit_split(b, e, b + apos);
        return;
      }
    } else if (w.size() >= 2 && w.size() <= 8) {
      char buf[8];
      for (size_t q = 0; q < w.size(); ++q) buf[q] = lower(w[q]);
      std::string_view lw(buf, w.size());
      for (const Fused& f : kFused) {
        if (f.form.size() == lw.size() && f.form[0] == lw[0] && f.form == lw) {
          emit_split(b, e, b + f.first);
          return;
        }
      }
    }
    if (is_ascii_digit(w[0]) && unit_split(b, e)) return;
    emit(b, e);
  }

  // "5pm" -> "5" "pm", "7:30PM", "16k", "10ft"; ordinals and decades ("5th",
  // "1980s") stay whole.
  bool unit_split(size_t b, size_t e) {
    size_t k = b;
    while (k < e && (is_ascii_digit(s_[k]) || s_[k] == ':' || s_[k] == '.' || s_[k] == ',')) ++k;
    if (k == b || k == e || !is_ascii_digit(s_[k - 1])) return false;
    std::string_view unit = s_.substr(k, e - k);
    static constexpr std::string_view kUnits[] = {"am", "pm",  "a.m", "p.m", "k",    "m",   "b",  "ft", "mm",
                                                  "cm", "km",  "kg",  "lb",  "lbs",  "mph", "gb", "mb", "kb",
                                                  "bn", "hrs", "hr",  "min", "mins", "yrs", "yr", "mg", "ml"};
    for (std::string_view u : kUnits) {
      if (iequals_lower(unit, u)) {
        emit(b, k);
        emit(k, e);
        return true;
      }
    }
    return false;
  }

  void emit_split(size_t b, size_t e, size_t at_byte) {
    RawToken t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.split[0] = static_cast<uint32_t>(at_byte);
    t.words = 2;
    out_.push_back(t);
  }

  // Punctuation and symbols at i; returns the position after the token.
  size_t punct(size_t i, size_t e, Char c, bool chunk_start) {
    if (c.cp < 128) {
      char ch = static_cast<char>(c.cp);
      if (chunk_start && (ch == ':' || ch == ';' || ch == '(' || ch == '=')) {
        for (std::string_view emo : kEmoticons) {
          if (s_.substr(i, e - i).starts_with(emo)) {
            size_t after = i + emo.size();
            if (after == e || !is_word(at(s_, after).cls)) {
              emit(i, after);
              return after;
            }
          }
        }
      }
      size_t j = i + 1;
      switch (ch) {
        case '.':
        case '!':
        case '?':
          while (j < e && (s_[j] == '.' || s_[j] == '!' || s_[j] == '?')) ++j;
          break;
        case '\'':
          if (chunk_start && j < e && is_word(at(s_, j).cls)) {
            open_single_ = true;  // an opening single quote: 'sources' closes it
          } else if (!chunk_start) {
            open_single_ = false;
          }
          if (j < e && s_[j] == '\'') {
            ++j;
          } else if (j + 1 < e && is_ascii_digit(s_[j]) && is_ascii_digit(s_[j + 1]) &&
                     (j + 2 >= e || !is_ascii_digit(s_[j + 2]))) {
            j += 2;  // '72, '90s
            if (j < e && s_[j] == 's') ++j;
          }
          break;
        case '-':
        case '`':
        case '*':
        case '=':
        case '<':
        case '>':
        case '+':
        case '~':
        case '#':
        case '$':
        case '^':
        case '|':
          while (j < e && s_[j] == ch) ++j;
          break;
        default:
          break;
      }
      emit(i, j);
      return j;
    }
    // Non-ASCII punctuation or symbol: one code point; runs of the same dash or
    // ellipsis stay together.
    size_t j = i + c.len;
    if ((c.cp == 0x2018 || c.cp == 0x2019) && j < e) {
      Char d = at(s_, j);
      if (d.cp == 0x2018 || d.cp == 0x2019) j += d.len;  // ’’ or ‘’ used as a double quote
    }
    while (j < e && (c.cp == 0x2014 || c.cp == 0x2013 || c.cp == 0x2026)) {
      Char d = at(s_, j);
      if (d.cp != c.cp) break;
      j += d.len;
    }
    emit(i, j);
    return j;
  }

  std::string_view s_;
  std::vector<RawToken>& out_;
  size_t end_ = 0;
  size_t chunk_end_ = 0;
  size_t first_in_chunk_ = 0;
  bool open_single_ = false;  // an opening ' is waiting for its closing one
};

}  // namespace

void tokenize(std::string_view text, Span region, std::vector<RawToken>& out) {
  Scanner scanner(text, out);
  scanner.run(region.begin, std::min<size_t>(region.end, text.size()));
}

bool abbreviation_may_end_sentence(std::string_view token) {
  if (contains(kMayEnd, token)) return true;
  // dotted abbreviations: "U.S.", "a.m.", "D.C."
  int dots = 0;
  for (char ch : token) dots += ch == '.';
  return dots >= 2;
}

bool is_abbreviation_token(std::string_view token) {
  if (token.size() < 2 || token.back() != '.') return false;
  if (!((token[0] >= 'a' && token[0] <= 'z') || (token[0] >= 'A' && token[0] <= 'Z'))) return false;
  std::string_view w = token.substr(0, token.size() - 1);
  if (w.size() == 1 && is_ascii_upper(w[0])) return true;
  if (w.find('.') != std::string_view::npos) return true;
  return contains(kAbbreviations, w);
}

}  // namespace dyad::text
