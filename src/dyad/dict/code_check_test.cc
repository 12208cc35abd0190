#include "dyad/dict/code_check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace dyad::dict {
namespace {

const CameoCodebook& codebook() {
  static const CameoCodebook book = [] {
    CameoCodebook b;
    Diagnostics diags;
    EXPECT_TRUE(b.load(testing::source_dir() / "data" / kDefaultCodebookName, diags));
    return b;
  }();
  return book;
}

VerbDictionary read(const std::string& text, Diagnostics& diags) {
  std::istringstream in(text);
  return read_verb_dictionary(in, "test.verbs.txt", diags);
}

std::vector<std::string> messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.collected()) out.push_back(d.str());
  return out;
}

TEST(CheckEventCodes, WarnsAboutCodesCameoDoesNotDefine) {
  Diagnostics read_diags;
  const VerbDictionary d = read(
      "--- CRITICIZE [111] ---\n"      // 1
      "CRITICIZE\n"                    // 2
      "BLAST [345]\n"                  // 3
      "- * $ FOR + [112]\n"            // 4
      "- * + AGAIN [903]\n"            // 5
      "- * WITH + [042:043]\n"         // 6
      "- * WITH + ^ [042:999]\n"       // 7
      "- * (IN {BIG FIGHT}) [:194]\n"  // 8
      "- * (IN {FIGHT}) [:0000]\n"     // 9
      "- * NOTHING [---]\n"            // 10
      "- * PLUS [+++]\n"               // 11
      "--- SAY ---\n"                  // 12: no code means "---"
      "SAY\n"                          // 13
      "--- ODD [77] ---\n"             // 14
      "ODD\n"                          // 15
      "- * BOTH [88:99]\n",            // 16
      read_diags);
  ASSERT_EQ(read_diags.errors(), 0u) << ::testing::PrintToString(messages(read_diags));
  Diagnostics diags;
  check_event_codes(d, codebook(), diags);
  EXPECT_EQ(diags.errors(), 0u);
  const std::vector<std::string> want = {
      "test.verbs.txt:3: warning: code 345 is not a CAMEO code (kept)",
      "test.verbs.txt:5: warning: code 903 is not a CAMEO code (kept)",
      "test.verbs.txt:7: warning: code 999 is not a CAMEO code (kept)",
      "test.verbs.txt:9: warning: code 0000 is not a CAMEO code (kept)",
      "test.verbs.txt:11: warning: code +++ is not a CAMEO code (kept)",
      "test.verbs.txt:14: warning: code 77 is not a CAMEO code (kept)",
      "test.verbs.txt:16: warning: code 88 is not a CAMEO code (kept)",
      "test.verbs.txt:16: warning: code 99 is not a CAMEO code (kept)",
  };
  EXPECT_EQ(messages(diags), want) << ::testing::PrintToString(messages(diags));
  // The codes are kept as written.
  EXPECT_EQ(d.code_of(*d.verbs_for("BLAST")[0]).code, "345");
}

TEST(CheckEventCodes, TabariBlockCodeIsReportedOnce) {
  // A verb outside a "---" block starts a block that takes the verb's code: one entry,
  // one line, one warning.
  Diagnostics read_diags;
  const VerbDictionary d = read("- * [010]\nZAP [345]\n- * + [345]\n", read_diags);
  Diagnostics diags;
  check_event_codes(d, codebook(), diags);
  EXPECT_EQ(messages(diags),
            (std::vector<std::string>{"test.verbs.txt:2: warning: code 345 is not a CAMEO code (kept)",
                                      "test.verbs.txt:3: warning: code 345 is not a CAMEO code (kept)"}))
      << ::testing::PrintToString(messages(diags));
}

// PETRARCH's validation verbs use many codes CAMEO does not define (WEIS codes, 345,
// 903, +++, 025?). The count is derived without Dyad, in the repository root: the last
// [...] of every line, comments removed, both parts of [a:b], that is neither empty, "---"
// nor in the codebook's code column:
//   V=../shared/data/petrarch/validate/PETR.Validate.verbs.txt
//   grep -v '^#' data/cameo/cameo_codes.tsv | tail -n +2 | cut -f1 > /tmp/cameo.txt
//   sed -e 's/<!--.*-->//' -e 's/[#;].*//' -e 's|//.*||' $V |
//     awk 'match($0, /\[[^][]*\][^[]*$/) { c = substr($0, RSTART+1, RLENGTH-1); sub(/\].*/, "", c);
//          n = split(c, p, ":"); for (i = 1; i <= n; i++) { gsub(/ /, "", p[i]); print NR "\t" p[i] } }' |
//     awk -F'\t' 'NR==FNR { ok[$1]=1; next } $2 != "" && $2 != "---" && !ok[$2]' /tmp/cameo.txt - >
//     /tmp/bad.txt
//   wc -l < /tmp/bad.txt                               -> 133
//   cut -f2 /tmp/bad.txt | grep -cx 345                -> 1 (and +++ 2, 903 2)
// The reader keeps every code as written, so each is one warning.
TEST(CheckEventCodes, ValidationVerbsOnlyWarn) {
  DYAD_REQUIRE_SHARED("petrarch/validate/PETR.Validate.verbs.txt", path);
  Diagnostics read_diags;
  const VerbDictionary d = load_verb_dictionary(path, read_diags);
  Diagnostics diags;
  check_event_codes(d, codebook(), diags);
  EXPECT_EQ(diags.errors(), 0u);
  std::map<std::string, size_t> by_code;
  for (const Diagnostic& dg : diags.collected()) {
    EXPECT_EQ(dg.severity, Severity::kWarning);
    EXPECT_GT(dg.where.line, 0u);
    const size_t at = dg.message.find(' ') + 1;
    ++by_code[dg.message.substr(at, dg.message.find(' ', at) - at)];
  }
  EXPECT_EQ(diags.warnings(), 133u);
  EXPECT_EQ(by_code["345"], 1u);
  EXPECT_EQ(by_code["+++"], 2u);
  EXPECT_EQ(by_code["903"], 2u);
  EXPECT_EQ(by_code["223"], 29u);  // cut -f2 /tmp/bad.txt | grep -cx 223
}

// CAMEO.2.0.txt: the same pipeline over it gives 7 codes: 176 (Phoenix's cyber attack,
// not in CAMEO 1.1) on lines 2059-2063, "080!" on 5787 and 1952 on 8661.
TEST(CheckEventCodes, PhoenixVerbs) {
  DYAD_REQUIRE_SHARED("petrarch/phoenix/CAMEO.2.0.txt", path);
  Diagnostics read_diags;
  const VerbDictionary d = load_verb_dictionary(path, read_diags);
  Diagnostics diags;
  check_event_codes(d, codebook(), diags);
  std::vector<uint64_t> lines;
  for (const Diagnostic& dg : diags.collected()) lines.push_back(dg.where.line);
  EXPECT_EQ(lines, (std::vector<uint64_t>{2059, 2060, 2061, 2062, 2063, 5787, 8661}))
      << ::testing::PrintToString(messages(diags));
  EXPECT_EQ(diags.errors(), 0u);
}

}  // namespace
}  // namespace dyad::dict
