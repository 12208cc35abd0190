#pragma once

// What a dictionary set holds, counted the way an event-data user asks about it
// (`dyad dict stats`): verbs and patterns per PLOVER event type, actors by kind (countries,
// organisations, regions, actors with dated codes) and actor codes and agents by sector.
//
// PLOVER type of a pattern: its `plover:` field (Dyad's format), else its block's, else
// the PLOVER type the CAMEO codebook gives its code (the code, else its longest defined
// prefix); of a verb: its block's `plover:`, else its own code's, else its block's code's.
// Codes that give no type fall in these rows: "(no event)" for `---`, "(no PLOVER type)"
// for CAMEO codes PLOVER has no type for (roots 01 statements, 02 appeals), "(not CAMEO)"
// for codes the codebook lacks (every code, when there is no codebook).
//
// Sector of an actor or agent code (CAMEO codes are three-letter groups): the first group
// when it is an organisation prefix (IGO, NGO, IMG, MNC) or a sector code (an agent's
// GOV, GOVMIL), else the first later group that is a sector code (USAGOV -> GOV, AFRREB ->
// REB, RUSGOVMIL -> GOV); "(none)" when no group is (USA, USAGUM).
//
// Actor kinds, each actor in the first that fits: "with dated codes" (an actor with a
// date-bounded code: mostly persons, also groups that took power), "organisations" (the
// first code has an organisation prefix), "regions" (a CAMEO region code, with or without
// a sector), "countries" (one three-letter code that is none of these), "other" (the rest:
// country sectors such as KREMLIN RUSGOV, armed groups coded COUNTRY+REB).

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "dyad/dict/cameo_codebook.h"
#include "dyad/dict/dictionary_set.h"

namespace dyad::dict {

inline constexpr std::string_view kNoEvent = "(no event)";
inline constexpr std::string_view kNoPloverType = "(no PLOVER type)";
inline constexpr std::string_view kNotCameo = "(not CAMEO)";
inline constexpr std::string_view kNoSector = "(none)";

struct DictionaryStats {
  size_t verb_blocks = 0;
  size_t verbs = 0;
  size_t patterns = 0;
  std::map<std::string, size_t, std::less<>> verbs_by_plover;
  std::map<std::string, size_t, std::less<>> patterns_by_plover;

  size_t actors = 0;
  size_t actor_phrases = 0;
  size_t actor_codes = 0;  // every [CODE] of every actor
  size_t dated_codes = 0;  // those with a date bound
  size_t countries = 0;
  size_t organisations = 0;
  size_t regions = 0;
  size_t dated_actors = 0;
  size_t other_actors = 0;
  std::map<std::string, size_t, std::less<>> actor_codes_by_sector;

  size_t agent_forms = 0;    // every form, generated ones included
  size_t agent_entries = 0;  // written entries (AgentDictionary::entry_count)
  std::map<std::string, size_t, std::less<>> agents_by_sector;
};

// `codebook` may be null: then every code counts as "(not CAMEO)".
DictionaryStats compute_stats(const DictionarySet& set, const CameoCodebook* codebook);

// A plain-text report, one count a line, sections in the order of DictionaryStats.
std::string format_stats(const DictionaryStats& stats);

// The sector of an actor or agent code, as described above.
std::string sector_of(std::string_view code);
// CAMEO's region codes (AFR, MEA, WST, ...), organisation prefixes and sector codes.
bool is_cameo_region(std::string_view three);
bool is_organisation_prefix(std::string_view three);
bool is_sector_code(std::string_view three);

}  // namespace dyad::dict
