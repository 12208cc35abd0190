#pragma once

// A dictionary set: the verb, actor, agent, discard and issue dictionaries the coder
// uses, found in one directory (`--dict DIR`).
//
// The files are found, in this order of precedence:
//   1. a PETR_config.ini in DIR: its [Dictionaries] section names them (verbfile_name,
//      actorfile_list, agentfile_name, discardfile_name, issuefile_name), relative to DIR;
//   2. Dyad's own format (docs/dictionaries.md): files ending in .dyad, each naming its
//      kind in its first line, and an options.ini with PETRARCH's [Options];
//   3. PETRARCH file names: CAMEO*.txt or *.verbs.txt, *.actors.txt, *.agents.txt,
//      *.discards.txt, *Issue*.txt (case-insensitive).
// Every actor file found is read; of the other kinds PETRARCH reads one file each, so
// several candidates are a warning and the first in name order is used.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "dyad/core/diagnostics.h"
#include "dyad/dict/actors.h"
#include "dyad/dict/agents.h"
#include "dyad/dict/discards.h"
#include "dyad/dict/issues.h"
#include "dyad/dict/petrarch_config.h"
#include "dyad/dict/verbs.h"

namespace dyad::dict {

enum class DictionaryFormat { kPetrarch, kNative };

// A native set keeps PETRARCH's [Options] in this file (same syntax as PETR_config.ini).
inline constexpr const char* kNativeOptionsFile = "options.ini";

struct DictionaryFiles {
  std::filesystem::path directory;
  DictionaryFormat format = DictionaryFormat::kPetrarch;
  std::filesystem::path config;  // the PETR_config.ini used, if any
  std::filesystem::path verbs;   // empty when the set has none
  std::vector<std::filesystem::path> actors;
  std::filesystem::path agents;
  std::filesystem::path discards;
  std::filesystem::path issues;

  bool empty() const {
    return verbs.empty() && actors.empty() && agents.empty() && discards.empty() && issues.empty();
  }
};

// Finds the files of the set in `directory`. Returns false (with an error in `diags`)
// when the directory cannot be read or holds no dictionary file; a file the config
// names but that does not exist is an error and is left out.
bool find_dictionary_files(const std::filesystem::path& directory, DictionaryFiles& files,
                           Diagnostics& diags);

struct DictionarySet {
  DictionaryFiles files;
  PetrarchConfig config;  // empty unless the set has a PETR_config.ini
  VerbDictionary verbs;
  ActorDictionary actors;
  AgentDictionary agents;
  DiscardList discards;
  IssueDictionary issues;
  // FNV-1a 64 over each file's kind, name and bytes, in a fixed order: identifies the
  // dictionaries an output was coded with.
  uint64_t hash = 0;

  // "397 verb blocks, 1813 verbs, 4505 patterns, ..." for logs.
  std::string summary() const;
};

// Finds and reads a set. Problems in the files go to `diags` as file:line and reading
// goes on with the valid entries. Returns false when no file could be found or read.
bool load_dictionary_set(const std::filesystem::path& directory, DictionarySet& set, Diagnostics& diags);

// Reads the files already found (e.g. by find_dictionary_files).
bool load_dictionary_files(const DictionaryFiles& files, DictionarySet& set, Diagnostics& diags);

// Writes the set in Dyad's own format (docs/dictionaries.md) into `directory`: one
// verbs.dyad, actors.dyad (all actor files merged), agents.dyad, discards.dyad,
// issues.dyad, and options.ini with the [Options] of a PETR_config.ini. Each file is
// written under a temporary name and renamed, so a failure leaves no partial file.
bool write_native_set(const DictionarySet& set, const std::filesystem::path& directory, Diagnostics& diags);

// Entry-by-entry differences between two sets (source locations ignored), at most
// `limit`, each prefixed with its kind: empty when they hold the same dictionaries.
std::vector<std::string> differences(const DictionarySet& a, const DictionarySet& b, size_t limit = 20);

// "1234abcd..." as 16 hex digits.
std::string hash_hex(uint64_t hash);

}  // namespace dyad::dict
