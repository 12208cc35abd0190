#pragma once

// The PETRARCH/TABARI actor dictionary (.actors.txt): an actor is a primary phrase,
// '+' synonym lines and codes in [...], optionally date-bounded:
//
//   VLADIMIR_PUTIN_
//   +PUTIN_
//   	[RUSELI 520101-991231]
//   	[RUSGOV >000101]
//   AFGHANISTAN_  [AFG]
//
// Dates are YYYYMMDD or YYMMDD (YY 00-30 -> 20YY, otherwise 19YY), bounds inclusive.

#include <cstdint>
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

struct DatedCode {
  std::string code;
  int32_t from = kMinDate;  // yyyymmdd, inclusive
  int32_t to = kMaxDate;    // yyyymmdd, inclusive
  bool bounded() const { return from != kMinDate || to != kMaxDate; }
  bool covers(int32_t date) const { return date >= from && date <= to; }
  bool operator==(const DatedCode&) const = default;
};

struct Actor {
  std::vector<Phrase> phrases;  // the primary phrase first
  std::vector<DatedCode> codes;
  SourceLocation where;  // the primary phrase's line

  // The code in force on `yyyymmdd`: the first date-bounded code covering it, else the
  // first unbounded (default) code; nullptr when none applies.
  const std::string* code_for(int32_t yyyymmdd) const;
};

class ActorDictionary {
 public:
  struct Match {
    size_t length = 0;
    const Actor* actor = nullptr;
    explicit operator bool() const { return actor != nullptr; }
  };

  // Reads a file and adds its actors; problems go to `diags`. Returns false only when
  // the file cannot be read.
  bool load_file(const std::filesystem::path& path, Diagnostics& diags);
  // Same for text already in memory; `file` names it in messages.
  void load_string(std::string_view content, const std::string& file, Diagnostics& diags);

  const std::vector<Actor>& actors() const { return actors_; }
  size_t size() const { return actors_.size(); }
  size_t phrase_count() const { return trie_.size(); }

  // The actor with exactly this phrase (normalised words), or nullptr.
  const Actor* find(const Phrase& words) const;
  const Actor* find(std::string_view text) const { return find(normalize_phrase(text)); }
  // The longest actor phrase starting at tokens[start] (uppercase words).
  Match longest_match(std::span<const std::string_view> tokens, size_t start) const;
  Match longest_match(std::span<const std::string> tokens, size_t start) const;

  // Building a dictionary actor by actor (the native reader, tools): begin_actor opens a
  // new actor, the next calls add to it, end_actor closes it (an actor left without
  // phrases is dropped; one without codes is a warning, as in load_string).
  void begin_actor(const SourceLocation& where);
  // False, with a warning at `where`, when the phrase is empty or belongs to an actor
  // already (the first is kept).
  bool add_actor_phrase(Phrase words, const SourceLocation& where, Diagnostics& diags);
  void add_actor_code(DatedCode code);
  void end_actor(Diagnostics& diags);

 private:
  void add_phrase(Actor& actor, uint32_t index, std::string_view text, const SourceLocation& where,
                  Diagnostics& diags);
  std::vector<Actor> actors_;
  PhraseTrie trie_;
};

// Parses the [...] groups in `text` (e.g. "[RUSGOV 000101-991231] [ELI]") into `out`.
// Reports problems at `where`; bad groups are skipped.
void parse_code_groups(std::string_view text, const SourceLocation& where, std::vector<DatedCode>& out,
                       Diagnostics& diags);

}  // namespace dyad::dict
