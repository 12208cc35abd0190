#include "dyad/dict/code_check.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace dyad::dict {

namespace {

struct Unknown {
  const SourceLocation* where;
  const std::string* code;
};

void collect(const EventCode& code, const SourceLocation& where, const CameoCodebook& codebook,
             std::vector<Unknown>& out) {
  for (const std::string* part : {&code.code, &code.paired})
    if (!part->empty() && *part != "---" && !codebook.is_defined(*part)) out.push_back({&where, part});
}

}  // namespace

void check_event_codes(const VerbDictionary& verbs, const CameoCodebook& codebook, Diagnostics& diags) {
  std::vector<Unknown> unknown;
  for (const VerbBlock& b : verbs.blocks()) collect(b.code, b.where, codebook, unknown);
  for (const Verb& v : verbs.verbs()) collect(v.code, v.where, codebook, unknown);
  for (const VerbPattern& p : verbs.patterns()) collect(p.code, p.where, codebook, unknown);
  // In file order; a code is reported once per line (a TABARI-style block takes its first
  // verb's code, on the verb's line).
  const auto key = [](const Unknown& u) { return std::tie(u.where->file, u.where->line, *u.code); };
  std::stable_sort(unknown.begin(), unknown.end(),
                   [&](const Unknown& a, const Unknown& b) { return key(a) < key(b); });
  unknown.erase(std::unique(unknown.begin(), unknown.end(),
                            [&](const Unknown& a, const Unknown& b) { return key(a) == key(b); }),
                unknown.end());
  for (const Unknown& u : unknown) diags.warning(*u.where, "code " + *u.code + " is not a CAMEO code (kept)");
}

}  // namespace dyad::dict
