#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dyad::text {

// The boilerplate rule table used by clean(), compiled into the binary (the text
// lives in cleaner_rules.cc; its header comment documents the pattern language).
std::string_view boilerplate_rules();

// Parses a rule table and returns one message per bad line ("line 12: unknown
// class {foo}"); empty when every rule is well formed.
std::vector<std::string> validate_rules(std::string_view rules);

}  // namespace dyad::text
