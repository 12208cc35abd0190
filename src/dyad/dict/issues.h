#pragma once

// The PETRARCH issues dictionary (Phoenix.IssueCoding.txt):
//
//   <ISSUE CATEGORY="EDUCATION" TYPE="ALL">
//   n:preschool [EARLY_CHILDHOOD_EDUCATION]   n: singular and plural
//   ethnic v:purge [ID_ATROCITY]              v: base, +S, +ED, +ING
//   pre+k [EARLY_CHILDHOOD_EDUCATION]         +: "PRE K" and "PRE-K"
//   ~financial literacy                       ignore phrase (cancels issue coding)
//   ~~Armenian genocide                       ignore phrase, second kind
//   </ISSUE>
//
// Every expanded form becomes one entry; words are separated by blanks.

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/core/diagnostics.h"
#include "dyad/core/source_location.h"
#include "dyad/dict/dict_text.h"
#include "dyad/dict/phrase_trie.h"

namespace dyad::dict {

struct Issue {
  Phrase phrase;
  std::string code;        // empty for ignore phrases
  std::string category;    // from the enclosing <ISSUE CATEGORY="...">, may be empty
  int ignore = 0;          // 0: coded; 1: "~"; 2: "~~"
  bool generated = false;  // a form made by n:/v:/+ expansion beyond the first
  SourceLocation where;
};

class IssueDictionary {
 public:
  struct Match {
    size_t length = 0;
    const Issue* issue = nullptr;
    explicit operator bool() const { return issue != nullptr; }
  };

  bool load_file(const std::filesystem::path& path, Diagnostics& diags);
  void load_string(std::string_view content, const std::string& file, Diagnostics& diags);

  const std::vector<Issue>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }
  size_t line_count() const { return lines_; }  // entry lines read successfully

  const Issue* find(const Phrase& words) const;
  const Issue* find(std::string_view text) const { return find(normalize_phrase(text)); }
  Match longest_match(std::span<const std::string_view> tokens, size_t start) const;
  Match longest_match(std::span<const std::string> tokens, size_t start) const;

  // Adds one entry (the native reader, tools), with load_string's rules: a phrase already
  // present is dropped, with a warning when neither entry is generated. Written (not
  // generated) entries are counted in line_count(). Returns whether it was added.
  bool add(Issue entry, Diagnostics& diags);

 private:
  std::vector<Issue> entries_;
  PhraseTrie trie_;
  size_t lines_ = 0;
};

// The most forms one issue line may expand to; the reader rejects lines with more.
inline constexpr size_t kMaxIssueForms = 1024;

// The forms one issue phrase expands to (uppercase words), e.g. "pre+n:school" ->
// {PRE SCHOOL}, {PRE SCHOOLS}, {PRE-SCHOOL}, {PRE-SCHOOLS}. Expansion stops once there
// are more than kMaxIssueForms forms (each n:, v: and + multiplies them): the result then
// has more than kMaxIssueForms phrases, not all complete, and is to be rejected.
std::vector<Phrase> expand_issue_phrase(std::string_view text);

}  // namespace dyad::dict
