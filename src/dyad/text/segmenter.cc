#include "dyad/text/segmenter.h"

#include <algorithm>

#include "dyad/text/normalize.h"
#include "dyad/text/tokenizer.h"

namespace dyad::text {
namespace {

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Byte sequences of typographic quotes and brackets used below.
constexpr std::string_view kRightDouble = "\xE2\x80\x9D";  // U+201D
constexpr std::string_view kRightSingle = "\xE2\x80\x99";  // U+2019
constexpr std::string_view kLeftDouble = "\xE2\x80\x9C";   // U+201C
constexpr std::string_view kLeftSingle = "\xE2\x80\x98";   // U+2018
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026
constexpr std::string_view kRightGuillemet = "\xC2\xBB";   // U+00BB

// ".", "?", "!!", "?!", "...", "…": a token that can end a sentence.
bool is_terminal(std::string_view t) {
  if (t == kEllipsis) return true;
  for (char c : t)
    if (c != '.' && c != '!' && c != '?') return false;
  return !t.empty();
}

bool is_closing(std::string_view t) {
  return t == "\"" || t == "'" || t == "''" || t == ")" || t == "]" || t == "}" || t == kRightDouble ||
         t == kRightSingle || t == kRightGuillemet;
}

bool is_opening(std::string_view t) {
  return t == "\"" || t == "'" || t == "``" || t == "(" || t == "[" || t == kLeftDouble || t == kLeftSingle ||
         t == "\xC2\xAB";
}

bool is_number(std::string_view t) {
  if (t.empty() || t.size() > 3) return false;
  for (char c : t)
    if (!is_ascii_digit(c)) return false;
  return true;
}

// ":)", ";-)", "=)", ":D": emoticons stay with the sentence before them.
bool is_emoticon(std::string_view t) {
  return t.size() >= 2 && t.size() <= 3 && (t[0] == ':' || t[0] == ';' || t[0] == '=') &&
         (t.back() == ')' || t.back() == '(' || t.back() == 'D' || t.back() == 'P');
}

// Could the token start a sentence? Capitalised words, numbers, opening quotes
// and brackets, and anything not a lowercase letter.
bool can_start(std::string_view t) {
  if (t.empty()) return false;
  char c = t[0];
  if (is_ascii_upper(c) || is_ascii_digit(c)) return true;
  if (is_ascii_lower(c)) return false;
  if (static_cast<unsigned char>(c) >= 0x80) return !is_terminal(t);  // non-ASCII letters, quotes
  return is_opening(t) || c == '$' || c == '#' || c == '@' || c == '-';
}

// Words that commonly open a sentence; after an ambiguous abbreviation ("U.S.")
// only these start a new one.
bool common_sentence_opener(std::string_view t) {
  static constexpr std::string_view kOpeners[] = {
      "The",       "He",     "She",   "It",    "They",  "We",      "I",         "In",   "But",
      "A",         "An",     "This",  "That",  "There", "And",     "On",        "At",   "For",
      "If",        "As",     "After", "When",  "His",   "Her",     "Their",     "Its",  "Our",
      "Some",      "Many",   "Most",  "Those", "These", "However", "Meanwhile", "Also", "Officials",
      "According", "Police", "Mr.",   "Ms.",   "Mrs.",  "Dr."};
  for (std::string_view o : kOpeners)
    if (o == t) return true;
  return false;
}

// Words after which a line break does not end a sentence.
bool continues_line(std::string_view t) {
  static constexpr std::string_view kCont[] = {",",    ";",   "-",  "(",  "&",    "and", "or",
                                               "of",   "the", "a",  "an", "to",   "in",  "for",
                                               "with", "by",  "on", "at", "from", "that"};
  for (std::string_view c : kCont)
    if (c == t) return true;
  return false;
}

// EWT reads "its" before words that cannot follow a possessive as the misspelt
// contraction "it s" ("its a shame", "its not"). The list holds the words seen
// after such "its" in EWT train+dev and never after possessive "its".
bool its_is_contraction(std::string_view its, std::string_view next) {
  if (its.size() != 3 || (its[0] != 'i' && its[0] != 'I') || (its[1] != 't' && its[1] != 'T') ||
      (its[2] != 's' && its[2] != 'S'))
    return false;
  static constexpr std::string_view kNext[] = {
      "a",       "an",     "not",   "the",   "really", "simply", "very",  "still",   "just",       "so",
      "been",    "also",   "only",  "too",   "in",     "for",    "from",  "like",    "definitely", "nothing",
      "getting", "called", "going", "gonna", "always", "never",  "about", "because", "kind"};
  for (std::string_view n : kNext)
    if (n == next) return true;
  return false;
}

void build_sentence(std::string_view text, const std::vector<RawToken>& raw, size_t b, size_t e, bool first,
                    std::vector<Sentence>& out) {
  Sentence& s = out.emplace_back();
  s.starts_paragraph = first;
  s.span = {raw[b].begin, raw[e - 1].end};
  s.tokens.reserve(e - b);
  s.words.reserve(e - b + 4);
  for (size_t i = b; i < e; ++i) {
    const RawToken& r = raw[i];
    Token t;
    t.span = {r.begin, r.end};
    t.first_word = static_cast<uint32_t>(s.words.size());
    t.word_count = r.words;
    t.space_after = i + 1 < raw.size() ? raw[i + 1].begin != r.end : true;
    uint32_t start = r.begin;
    for (uint8_t w = 0; w < r.words; ++w) {
      uint32_t stop = w + 1 < r.words ? r.split[w] : r.end;
      Word& word = s.words.emplace_back();
      word.span = {start, stop};
      word.form = normalize_form(text.substr(start, stop - start));
      word.token = static_cast<uint32_t>(s.tokens.size());
      start = stop;
    }
    s.tokens.push_back(t);
  }
}

}  // namespace

std::vector<Sentence> segment(std::string_view text, const std::vector<Span>& regions) {
  std::vector<Sentence> out;
  std::vector<RawToken> raw;
  for (const Span& region : regions) {
    raw.clear();
    tokenize(text, region, raw);
    size_t n = raw.size();
    for (size_t i = 0; i + 1 < n; ++i) {
      if (raw[i].end - raw[i].begin == 3 && raw[i].words == 1 && raw[i + 1].space_before &&
          its_is_contraction(text.substr(raw[i].begin, 3),
                             text.substr(raw[i + 1].begin, raw[i + 1].end - raw[i + 1].begin))) {
        raw[i].words = 2;
        raw[i].split[0] = raw[i].begin + 2;
      }
    }
    size_t start = 0;
    bool first = true;
    auto tok = [&](size_t i) { return text.substr(raw[i].begin, raw[i].end - raw[i].begin); };
    for (size_t i = 0; i < n; ++i) {
      std::string_view t = tok(i);
      size_t boundary = 0;  // sentence ends after token boundary-1
      if (is_terminal(t)) {
        size_t j = i + 1;
        // closing quotes and brackets that follow without a space belong to this sentence
        while (j < n && ((is_closing(tok(j)) && (!raw[j].space_before || tok(j) == ")" || tok(j) == "]")) ||
                         is_terminal(tok(j)) || is_emoticon(tok(j))))
          ++j;
        const bool quoted = j > i + 1 && tok(j - 1) != ")" && tok(j - 1) != "]";
        const bool ellipsis = t.size() > 1 && t[0] == '.' && t[1] == '.';
        if (i == start + 1 && t == "." && is_number(tok(start))) {
          // "2. The attachment ...": a list number, not a sentence
        } else if (j == n) {
          boundary = n;
        } else if (can_start(tok(j)) || raw[j].newline_before) {
          boundary = j;
        } else if (!quoted && !ellipsis && raw[j].space_before) {
          // "? where did you ...": a lowercase start after bare terminal punctuation
          // (not after a quotation: `"Why?" he asked`, nor an ellipsis)
          boundary = j;
        }
        if (boundary) i = j - 1;
      } else if (t.size() > 1 && t.back() == '.' && i + 1 < n && is_abbreviation_token(t)) {
        std::string_view next = tok(i + 1);
        if (abbreviation_may_end_sentence(t) &&
            (common_sentence_opener(next) || raw[i + 1].newline_before || (t == "etc." && can_start(next)) ||
             ((t == "a.m." || t == "p.m.") && is_ascii_upper(next[0]))))
          boundary = i + 1;
      }
      if (!boundary && i + 1 < n && raw[i + 1].newline_before && !continues_line(t) &&
          can_start(tok(i + 1))) {
        boundary = i + 1;  // a line without final punctuation, such as a headline
      }
      if (boundary && boundary == i + 1 && t.size() > 2 && t.back() == '.' && is_abbreviation_token(t) &&
          !(t.size() == 2)) {
        // EWT: a sentence-final abbreviation gives its period to the sentence ("etc" ".").
        RawToken period;
        period.begin = raw[i].end - 1;
        period.end = raw[i].end;
        raw[i].end -= 1;
        if (raw[i].words > 1 && raw[i].split[raw[i].words - 2] >= raw[i].end) raw[i].words -= 1;
        raw.insert(raw.begin() + static_cast<std::ptrdiff_t>(i) + 1, period);
        ++n;
        ++i;
        ++boundary;
      }
      if (boundary) {
        build_sentence(text, raw, start, boundary, first, out);
        first = false;
        start = boundary;
      }
    }
    if (start < n) {
      std::string_view last = tok(n - 1);
      if (last.size() > 2 && last.back() == '.' && is_abbreviation_token(last)) {
        RawToken period;
        period.begin = raw[n - 1].end - 1;
        period.end = raw[n - 1].end;
        raw[n - 1].end -= 1;
        raw.push_back(period);
        ++n;
      }
      build_sentence(text, raw, start, n, first, out);
    }
  }
  return out;
}

}  // namespace dyad::text
