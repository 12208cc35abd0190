// Counts of the Phoenix dictionaries read by Dyad, against counts derived from the files
// with the shell (commands in the comments, run in ../shared/data/petrarch/phoenix).

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "dyad/dict/actors.h"
#include "dyad/dict/verbs.h"
#include "test_support.h"

namespace dyad::dict {
namespace {

// Synset labels start a line with '&'; no label is commented out or repeated:
//   grep -c '^&' CAMEO.2.0.txt                                    -> 40
//   grep '^&' CAMEO.2.0.txt | sed 's/[_ \t\r]*$//' | sort | uniq -d  -> (nothing)
//   grep -c '^&' ../validate/PETR.Validate.verbs.txt              -> 17
TEST(PhoenixCounts, Synsets) {
  DYAD_REQUIRE_SHARED("petrarch/phoenix/CAMEO.2.0.txt", path);
  Diagnostics diags;
  const VerbDictionary d = load_verb_dictionary(path, diags);
  EXPECT_EQ(d.synsets().size(), 40u);
  size_t members = 0;
  for (const Synset& s : d.synsets()) members += s.members.size();
  std::cout << "[ CAMEO.2.0.txt: " << d.synsets().size() << " synsets, " << members << " members ]\n";
  DYAD_REQUIRE_SHARED("petrarch/validate/PETR.Validate.verbs.txt", validate);
  Diagnostics vdiags;
  EXPECT_EQ(load_verb_dictionary(validate, vdiags).synsets().size(), 17u);
}

// Date-bounded codes: [...] groups with a date restriction (<date, >date or from-to),
// comments removed:
//   sed -e 's/[#;].*//' F | grep -oE '\[[^]]*\]' | grep -cE '[<>]|[0-9]{6}'
//     Phoenix.Countries.actors.txt 26110, Phoenix.International.actors.txt 452,
//     Phoenix.MilNonState.actors.txt 1
// An actor whose every phrase is already taken (a duplicate entry, e.g. International's
// HAMMARSKJOLD at lines 72 and 163) is dropped with its codes. This awk program
// (dated.awk) counts the groups of the actors that keep a phrase:
//   function norm(s) { s = toupper(s); gsub(/_/, " ", s); gsub(/[ \t\r]+/, " ", s);
//                      sub(/^ /, "", s); sub(/ $/, "", s); return s }
//   function flush() { if (open && kept) total += dated; open = 0 }
//   /^[ \t\r]*$/ { next }
//   { line = $0; sub(/^[ \t]+/, "", line); phrase = line; sub(/\[.*/, "", phrase)
//     n = gsub(/\[[^]]*([<>]|[0-9][0-9][0-9][0-9][0-9][0-9])[^]]*\]/, "&", line)
//     if (line ~ /^\[/) { dated += n; next }
//     if (line ~ /^\+/) { p = norm(substr(phrase, 2)); if (p != "" && !(p in seen)) { seen[p] = 1; kept = 1 }
//                         dated += n; next }
//     flush(); open = 1; kept = 0; dated = n
//     p = norm(phrase); if (p != "" && !(p in seen)) { seen[p] = 1; kept = 1 } }
//   END { flush(); print total }
//   sed -e 's/[#;].*//' F | awk -f dated.awk
//     -> Countries 26091, International 360, MilNonState 1
// A group with a bad date (e.g. International:40 "[KORGOVBUS 2004017-20061201]") is
// reported as an error on its line and left out; the rest are kept.
TEST(PhoenixCounts, DateRanges) {
  DYAD_REQUIRE_SHARED("petrarch/phoenix/Phoenix.Countries.actors.txt", countries);
  const std::map<std::string, size_t> expected = {{"Phoenix.Countries.actors.txt", 26091},
                                                  {"Phoenix.International.actors.txt", 360},
                                                  {"Phoenix.MilNonState.actors.txt", 1}};
  for (const auto& [name, count] : expected) {
    std::map<std::string, size_t> date_errors;
    Diagnostics diags([&](const Diagnostic& d) {
      if (d.message.starts_with("bad date") || d.message.starts_with("date range")) ++date_errors[name];
    });
    ActorDictionary actors;
    ASSERT_TRUE(actors.load_file(countries.parent_path() / name, diags));
    size_t bounded = 0, from_to = 0, open_ended = 0;
    for (const Actor& a : actors.actors())
      for (const DatedCode& c : a.codes) {
        if (!c.bounded()) continue;
        ++bounded;
        ++(c.from != kMinDate && c.to != kMaxDate ? from_to : open_ended);
      }
    std::cout << "[ " << name << ": " << bounded << " date-bounded codes (" << from_to << " ranges, "
              << open_ended << " open-ended), " << date_errors[name] << " bad dates ]\n";
    EXPECT_EQ(bounded + date_errors[name], count) << name;
  }
}

}  // namespace
}  // namespace dyad::dict
