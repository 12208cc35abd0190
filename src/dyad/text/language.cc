#include "dyad/text/language.h"

#include <algorithm>
#include <array>
#include <string>

#include "dyad/core/utf8.h"

namespace dyad::text {
namespace {

constexpr size_t kMaxWords = 300;
constexpr size_t kShortText = 20;   // below this many words, only clear evidence rejects
constexpr double kMinScore = 0.15;  // typical English news scores 0.3-0.5
constexpr double kMinLatinShare = 0.6;

// Sorted, so that std::binary_search works. Lower case ASCII.
constexpr std::array kEnglish = {
    "a",    "about", "after", "against", "also",  "an",   "and",  "are",   "as",  "at",     "be",
    "been", "but",   "by",    "can",     "could", "did",  "for",  "from",  "had", "has",    "have",
    "he",   "her",   "his",   "i",       "if",    "in",   "into", "is",    "it",  "its",    "more",
    "not",  "of",    "on",    "or",      "our",   "over", "said", "says",  "she", "should", "than",
    "that", "the",   "their", "there",   "these", "they", "this", "those", "to",  "was",    "we",
    "were", "what",  "when",  "which",   "who",   "will", "with", "would", "you"};

// Frequent function words of French, German, Spanish, Italian and Portuguese that are
// not English words (or only rare ones).
constexpr std::array kOther = {
    "al",     "als",  "auch",  "auf", "aus",  "bei", "como", "con",  "dans", "das", "del",  "della",
    "dem",    "den",  "der",   "des", "di",   "die", "du",   "ein",  "eine", "el",  "em",   "es",
    "est",    "et",   "für",   "ha",  "il",   "ist", "la",   "las",  "le",   "les", "lo",   "los",
    "mit",    "nach", "nicht", "não", "os",   "ou",  "par",  "para", "per",  "por", "pour", "que",
    "qui",    "se",   "sich",  "sie", "sont", "su",  "sur",  "um",   "una",  "und", "une",  "von",
    "werden", "wird", "wurde", "y",   "zu",   "à",   "è",    "él",   "über"};

bool contains(const auto& list, const std::string& word) {
  return std::binary_search(list.begin(), list.end(), word, [](const auto& a, const auto& b) {
    return std::string_view(a) < std::string_view(b);
  });
}

bool is_latin_letter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

// Letters of other scripts (Greek, Cyrillic, Arabic, CJK, ...): a rough test that leaves
// out punctuation, symbols and spaces of the general-punctuation blocks.
bool is_other_letter(char32_t cp) {
  if (cp < 0x370) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, math
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE6F) return false;
  if (cp == 0xFEFF || cp == 0xFFFD) return false;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return false;  // Latin extended additional
  return true;
}

void lower_ascii(std::string& word) {
  for (char& c : word)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

}  // namespace

LanguageGuess guess_english(std::string_view text) {
  LanguageGuess guess;
  size_t english_hits = 0, other_hits = 0;
  size_t latin = 0, other_letters = 0, replacement = 0, controls = 0;
  std::string word;
  auto end_word = [&] {
    if (word.empty()) return;
    lower_ascii(word);
    ++guess.words;
    if (contains(kEnglish, word))
      ++english_hits;
    else if (contains(kOther, word))
      ++other_hits;
    word.clear();
  };
  size_t i = 0;
  while (i < text.size() && guess.words < kMaxWords) {
    const size_t start = i;
    const char32_t cp = utf8::next(text, i);
    if (is_latin_letter(cp)) {
      ++latin;
      word.append(text.substr(start, i - start));
    } else if (cp == '\'' && !word.empty()) {
      end_word();  // "it's" counts "it"
    } else {
      end_word();
      if (cp == 0xFFFD)
        ++replacement;
      else if (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t')
        ++controls;
      else if (is_other_letter(cp))
        ++other_letters;
    }
  }
  end_word();

  const size_t letters = latin + other_letters + replacement + controls;
  if (guess.words == 0 || letters == 0) return guess;
  guess.score = static_cast<double>(english_hits) / static_cast<double>(guess.words);
  const double latin_share = static_cast<double>(latin) / static_cast<double>(letters);
  if (latin_share < kMinLatinShare) return guess;
  if (guess.words < kShortText) {
    // Too short to judge by frequency (a headline, a PETRARCH test sentence): accept
    // unless function words of other languages outnumber English ones.
    guess.english = english_hits >= other_hits;
    return guess;
  }
  guess.english = guess.score >= kMinScore && english_hits > other_hits;
  return guess;
}

}  // namespace dyad::text
