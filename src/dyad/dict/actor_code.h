#pragma once

// The parts of a CAMEO actor code: a country (ISO 3166 alpha-3, or IGO/NGO/... as CAMEO
// writes them) and the three-letter type codes after it ("RUSGOVMIL": RUS, GOV MIL).
//
// Codes of a former federation followed by a member name the member: Phoenix writes
// Serbia before 2006 as SCGSRB and Ukraine before 1992 as USRUKR. Analysts count such
// events for the member, and the federation codes (YUG, SCG, USR, CSK) are no longer
// ISO codes, so the member is the country.

#include <string>
#include <string_view>

namespace dyad::dict {

struct ActorCodeParts {
  std::string country;  // "" for "---" (unknown) or a code that is not an actor code
  std::string types;    // the three-letter groups after the country, "" when none
};

ActorCodeParts split_actor_country(std::string_view code);

}  // namespace dyad::dict
