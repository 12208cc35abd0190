#pragma once

// The PETRARCH agents dictionary (.agents.txt):
//
//   !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON      substitution set
//   MINISTER [~GOV]                                 code added after the actor's
//   HUMAN_RIGHTS_BODY [NGO~]                        code added before the actor's
//   ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]     irregular plural
//   POLICE {} [~COP]                                no plural
//   CONGRESS!PERSON! [~LEG]                         one entry per substitution item
//
// Regular plurals of the last word are generated as PETRARCH does (see regular_plural);
// phrases built from substitution sets get no plural.

#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/core/diagnostics.h"
#include "dyad/core/source_location.h"
#include "dyad/dict/dict_text.h"
#include "dyad/dict/phrase_trie.h"

namespace dyad::dict {

struct Agent {
  enum class Placement { kAfterActor, kBeforeActor };  // "~GOV" / "NGO~"

  Phrase phrase;
  std::string code;  // without the '~'
  Placement placement = Placement::kAfterActor;
  bool generated = false;  // a plural or substitution form made by the reader
  SourceLocation where;
};

class AgentDictionary {
 public:
  struct Match {
    size_t length = 0;
    const Agent* agent = nullptr;
    explicit operator bool() const { return agent != nullptr; }
  };

  bool load_file(const std::filesystem::path& path, Diagnostics& diags);
  void load_string(std::string_view content, const std::string& file, Diagnostics& diags);

  // Every form (singulars, plurals, substitutions), in file order.
  const std::vector<Agent>& agents() const { return agents_; }
  size_t size() const { return agents_.size(); }
  // Entry lines read successfully (what the file lists, before expansion).
  size_t entry_count() const { return entries_; }
  const std::map<std::string, std::vector<std::string>>& substitutions() const { return subs_; }

  const Agent* find(const Phrase& words) const;
  const Agent* find(std::string_view text) const { return find(normalize_phrase(text)); }
  Match longest_match(std::span<const std::string_view> tokens, size_t start) const;
  Match longest_match(std::span<const std::string> tokens, size_t start) const;

  // Building a dictionary entry by entry (the native reader, tools). add_agent keeps the
  // load_string rules: a duplicate written phrase is a warning and dropped, a generated
  // form never replaces an entry, a written entry replaces a generated form (both stay in
  // agents(), the written one is found). Written (not generated) entries are counted in
  // entry_count().
  void add_agent(Agent agent, Diagnostics& diags);
  // Replaces the set of that name ("!PERSON!"); returns false when it existed.
  bool add_substitution(const std::string& marker, std::vector<std::string> items);

 private:
  void add(Agent agent, Diagnostics& diags);
  bool expand(std::string_view text, const SourceLocation& where, std::vector<std::string>& out,
              Diagnostics& diags) const;
  std::vector<Agent> agents_;
  std::map<std::string, std::vector<std::string>> subs_;  // "!PERSON!" -> items
  PhraseTrie trie_;
  size_t entries_ = 0;
};

}  // namespace dyad::dict
