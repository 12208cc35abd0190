#pragma once

// Checks the event codes of a verb dictionary against the CAMEO codebook.

#include "dyad/core/diagnostics.h"
#include "dyad/dict/cameo_codebook.h"
#include "dyad/dict/verbs.h"

namespace dyad::dict {

// Reports every verb block, verb and pattern code that CAMEO does not define as a warning
// at the entry's file:line ("code 345 is not a CAMEO code (kept)"). The null code "---"
// is fine; both parts of a paired code [a:b] are checked (an empty part is fine). The
// codes are kept as written: PETRARCH's own validation dictionaries use non-CAMEO codes
// (345, 903, +++) on purpose, so this never makes an error.
void check_event_codes(const VerbDictionary& verbs, const CameoCodebook& codebook, Diagnostics& diags);

}  // namespace dyad::dict
