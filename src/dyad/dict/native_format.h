#pragma once

// Dyad's own dictionary format (docs/dictionaries.md): one plain-text UTF-8 file per
// kind (verbs.dyad, actors.dyad, agents.dyad, discards.dyad, issues.dyad), first line
// "dyad-dictionary 1 KIND", one record a line, every form that matches written out.
//
// The writers take the in-memory dictionaries the PETRARCH readers build; the readers
// give back the same classes, so that
//   read_native_X(write_native(read_petrarch_X(file)))
// equals the PETRARCH reading entry by entry except for source locations: entries read
// from a native file point at their native file:line, and the writer keeps the original
// file:line as a trailing `# file:line` comment. The differences() functions compare two
// dictionaries of a kind that way and say what differs.
//
// Readers report every problem as file:line in `diags` and go on with the next line; a
// file of another kind, or of a newer version, is one error and gives nothing.

#include <cstddef>
#include <filesystem>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/core/diagnostics.h"
#include "dyad/dict/actors.h"
#include "dyad/dict/agents.h"
#include "dyad/dict/discards.h"
#include "dyad/dict/issues.h"
#include "dyad/dict/verbs.h"

namespace dyad::dict {

inline constexpr std::string_view kNativeMagic = "dyad-dictionary";
inline constexpr int kNativeVersion = 1;

enum class NativeKind { kVerbs, kActors, kAgents, kDiscards, kIssues };

// "verbs", "actors", ... (the word in the header line).
std::string_view native_kind_name(NativeKind kind);
// The conventional file name: "verbs.dyad", ...
std::string native_file_name(NativeKind kind);
// The kind named by the header line of `content` ("dyad-dictionary 1 verbs"), or
// nothing when the first line is not such a header (any version is accepted here).
std::optional<NativeKind> native_kind_of(std::string_view content);

struct NativeWriteOptions {
  // Each record ends with "# file:line" naming where it was read (the file's name only).
  bool provenance = true;
  // Comment lines written after the header (e.g. "converted from CAMEO.2.0.txt").
  std::vector<std::string> notes;
};

void write_native(const VerbDictionary& dict, std::ostream& out, const NativeWriteOptions& options = {});
void write_native(const ActorDictionary& dict, std::ostream& out, const NativeWriteOptions& options = {});
void write_native(const AgentDictionary& dict, std::ostream& out, const NativeWriteOptions& options = {});
void write_native(const DiscardList& dict, std::ostream& out, const NativeWriteOptions& options = {});
void write_native(const IssueDictionary& dict, std::ostream& out, const NativeWriteOptions& options = {});

// Readers. `file` names the input in messages and in the entries' `where`.
VerbDictionary read_native_verbs(std::string_view content, const std::string& file, Diagnostics& diags);
ActorDictionary read_native_actors(std::string_view content, const std::string& file, Diagnostics& diags);
AgentDictionary read_native_agents(std::string_view content, const std::string& file, Diagnostics& diags);
DiscardList read_native_discards(std::string_view content, const std::string& file, Diagnostics& diags);
IssueDictionary read_native_issues(std::string_view content, const std::string& file, Diagnostics& diags);

// Actors may come in several files (as PETRARCH's actor lists do): this adds the actors
// of one native file to `into`.
void add_native_actors(std::string_view content, const std::string& file, ActorDictionary& into,
                       Diagnostics& diags);

VerbDictionary read_native_verbs(std::istream& in, const std::string& file, Diagnostics& diags);
ActorDictionary read_native_actors(std::istream& in, const std::string& file, Diagnostics& diags);
AgentDictionary read_native_agents(std::istream& in, const std::string& file, Diagnostics& diags);
DiscardList read_native_discards(std::istream& in, const std::string& file, Diagnostics& diags);
IssueDictionary read_native_issues(std::istream& in, const std::string& file, Diagnostics& diags);

// Entry-by-entry comparison ignoring source locations (`where`) and the reading
// statistics entry_count()/line_count(). Returns at most `limit` readable differences,
// "verb 12 SAY (a CAMEO.2.0.txt:9, b verbs.dyad:40): forms SAID SAYS | SAID"; empty
// when the dictionaries are the same. Lookups (phrase -> entry) are compared too.
std::vector<std::string> differences(const VerbDictionary& a, const VerbDictionary& b, size_t limit = 20);
std::vector<std::string> differences(const ActorDictionary& a, const ActorDictionary& b, size_t limit = 20);
std::vector<std::string> differences(const AgentDictionary& a, const AgentDictionary& b, size_t limit = 20);
std::vector<std::string> differences(const DiscardList& a, const DiscardList& b, size_t limit = 20);
std::vector<std::string> differences(const IssueDictionary& a, const IssueDictionary& b, size_t limit = 20);

// ISO dates for DatedCode bounds: 20000101 <-> "2000-01-01". parse_iso_date checks the
// shape (YYYY-MM-DD) and the calendar.
std::string iso_date(int32_t yyyymmdd);
bool parse_iso_date(std::string_view text, int32_t& yyyymmdd);

}  // namespace dyad::dict
