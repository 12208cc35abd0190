#pragma once

// PETRARCH's PETR_config.ini: `[Section]` headers and `key = value` lines, comments
// starting with '#' or ';'. Dyad reads the [Dictionaries] section to find the files of a
// dictionary set and keeps [Options] for the coder (require_dyad, new_actor_length,
// comma_min ...).

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/core/diagnostics.h"
#include "dyad/core/source_location.h"

namespace dyad::dict {

struct ConfigValue {
  std::string value;
  SourceLocation where;
};

class PetrarchConfig {
 public:
  // Problems (a line that is neither a header nor key = value, a key outside any
  // section) go to `diags`; the rest of the file is still read.
  static PetrarchConfig parse(std::string_view content, const std::string& file, Diagnostics& diags);

  // Section and key names are compared case-insensitively (Python's ConfigParser does).
  const ConfigValue* find(std::string_view section, std::string_view key) const;
  // A comma-separated value as a list of trimmed, non-empty items.
  std::vector<std::string> list(std::string_view section, std::string_view key) const;
  // The keys of a section, lowercased, with their values.
  const std::map<std::string, ConfigValue>* section(std::string_view name) const;

 private:
  std::map<std::string, std::map<std::string, ConfigValue>> sections_;
};

}  // namespace dyad::dict
