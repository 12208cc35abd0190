#pragma once

#include <string>

namespace dyad::app {

// The dictionary directory a command codes with: `given` (--dict) if not empty, else
// $DYAD_DICT, else Dyad's own set shipped in data/dict. Throws CLI::ValidationError
// naming the places looked at when none is found.
std::string choose_dictionaries(const std::string& given);

}  // namespace dyad::app
