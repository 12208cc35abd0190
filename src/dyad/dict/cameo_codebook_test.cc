#include "dyad/dict/cameo_codebook.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "test_support.h"

namespace dyad::dict {
namespace {

std::filesystem::path committed_table() { return testing::source_dir() / "data" / kDefaultCodebookName; }

const CameoCodebook& committed() {
  static const CameoCodebook book = [] {
    CameoCodebook b;
    Diagnostics diags;
    EXPECT_TRUE(b.load(committed_table(), diags));
    EXPECT_EQ(diags.errors() + diags.warnings(), 0u);
    return b;
  }();
  return book;
}

// Counts derived from the sources without Dyad, in ../shared/data:
//   grep -oP '^"\d+",\d+,"[^"]*","\K\d+' cameo/cameo-codes.csv | sort -u > /tmp/csv
//   wc -l < /tmp/csv                                      -> 312 codes
//   awk '{print length($0)}' /tmp/csv | sort | uniq -c    -> 20 roots, 147 three-digit, 145 four-digit
//   awk '{r=substr($0,1,2)+0; print (r<=5)?1:(r<=8)?2:(r<=13)?3:4}' /tmp/csv | sort | uniq -c
//                                                         -> quad classes 85, 39, 98, 90
//   grep -oP '^\d+(?=:)' plover/CAMEO2PLOVER-2021.txt | sort -u > /tmp/plover
//   comm -12 /tmp/csv /tmp/plover | wc -l                 -> 273 codes PLOVER lists
//   grep -c '^0[12]' /tmp/csv                             -> 39 codes of roots 01, 02
// Every CAMEO code PLOVER does not list is in roots 01 (statements) or 02 (appeals),
// which PLOVER drops; no code needs the prefix fallback of the generator.
TEST(CameoCodebook, CountsMatchTheSources) {
  const CameoCodebook& book = committed();
  EXPECT_EQ(book.size(), 312u);
  std::map<size_t, size_t> by_length;
  std::map<int, size_t> by_quad;
  size_t with_plover = 0, dropped = 0;
  for (const CameoCode& c : book.codes()) {
    ++by_length[c.code.size()];
    ++by_quad[c.quad_class];
    if (c.has_plover()) {
      ++with_plover;
    } else {
      ++dropped;
      EXPECT_TRUE(c.code.starts_with("01") || c.code.starts_with("02")) << c.code;
    }
  }
  EXPECT_EQ(by_length, (std::map<size_t, size_t>{{2, 20}, {3, 147}, {4, 145}}));
  EXPECT_EQ(by_quad, (std::map<int, size_t>{{1, 85}, {2, 39}, {3, 98}, {4, 90}}));
  EXPECT_EQ(with_plover, 273u);
  EXPECT_EQ(dropped, 39u);
}

TEST(CameoCodebook, KnownCodes) {
  const CameoCodebook& book = committed();
  const CameoCode* c = book.find("111");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "Criticize or denounce");
  EXPECT_EQ(c->goldstein, -2.0);
  EXPECT_EQ(c->quad_class, 3);
  // CAMEO2PLOVER-2021.txt: "111: ACCUSE, disapprove,    # Criticize or denounce"
  EXPECT_EQ(c->plover_type, "ACCUSE");
  EXPECT_EQ(c->plover_mode, "disapprove");
  EXPECT_EQ(c->plover_context, "");

  ASSERT_NE(book.find("190"), nullptr);
  EXPECT_EQ(book.find("190")->quad_class, 4);
  EXPECT_EQ(book.find("190")->goldstein, -10.0);
  EXPECT_EQ(book.find("190")->plover_type, "ASSAULT");
  EXPECT_EQ(book.find("190")->plover_context, "military");
  // "1124: ACCUSE, allege, military; legal": several contexts, ';'-separated.
  EXPECT_EQ(book.find("1124")->plover_context, "military;legal");
  // 163 is CAMEO's sanction but PLOVER's COERCE.
  EXPECT_EQ(book.find("163")->plover_type, "COERCE");
  // Root 08 is listed twice (CONCEDE for 080-083, RETREAT for 084-087): the first is kept.
  EXPECT_EQ(book.find("08")->plover_type, "CONCEDE");
  EXPECT_EQ(book.find("084")->plover_type, "RETREAT");
  EXPECT_EQ(book.find("04")->name, "CONSULT");
  EXPECT_EQ(book.find("04")->quad_class, 1);
  // Statements and appeals have no PLOVER type.
  ASSERT_NE(book.find("010"), nullptr);
  EXPECT_FALSE(book.find("010")->has_plover());
  EXPECT_EQ(book.find("0214")->quad_class, 1);
  EXPECT_FALSE(book.find("02")->has_plover());

  EXPECT_TRUE(book.is_defined("0874"));
  EXPECT_FALSE(book.is_defined("---"));
  EXPECT_FALSE(book.is_defined("345"));
  EXPECT_FALSE(book.is_defined("1214"));  // listed by PLOVER, not a CAMEO code
  EXPECT_FALSE(book.is_defined("21"));    // there are 20 roots
  EXPECT_FALSE(book.is_defined(""));
}

TEST(CameoCodebook, NearestFallsBackToTheLongestDefinedPrefix) {
  const CameoCodebook& book = committed();
  EXPECT_EQ(book.find_nearest("1124"), book.find("1124"));
  ASSERT_NE(book.find_nearest("0431"), nullptr);
  EXPECT_EQ(book.find_nearest("0431")->code, "043");
  EXPECT_EQ(book.find_nearest("0431")->plover_mode, "visit");
  EXPECT_EQ(book.find_nearest("1999")->code, "19");
  EXPECT_EQ(book.find_nearest("1999")->plover_type, "ASSAULT");
  EXPECT_EQ(book.find_nearest("345"), nullptr);
  EXPECT_EQ(book.find_nearest("---"), nullptr);
  EXPECT_EQ(book.find_nearest(""), nullptr);
}

constexpr const char* kHeader =
    "# a comment\n"
    "code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\n";

TEST(CameoCodebook, ReportsMalformedLinesWithFileAndLine) {
  CameoCodebook book;
  Diagnostics diags;
  const std::string content = std::string(kHeader) +
                              "111\tCriticize or denounce\t-2\t3\tACCUSE\tdisapprove\t\n"  // 3
                              "112\tAccuse\t-2\t3\tACCUSE\n"                               // 4: 5 fields
                              "11x\tBad\t0\t3\t\t\t\r\n"                                   // 5
                              "\n"
                              "113\tRally\tminus two\t3\t\t\t\n"            // 7
                              "114\tComplain\t-2\t5\t\t\t\n"                // 8
                              "115\tSue\t-2\t3\taccuse\t\t\n"               // 9
                              "111\tAgain\t-2\t3\t\t\t\n"                   // 10: duplicate
                              "# 116\tcommented out\t0\t3\t\t\t\n"          // 11
                              "117\t\t0\t3\t\t\t\n"                         // 12: no name
                              "118\tGoldstein out of range\t11\t3\t\t\t\n"  // 13
                              "119\tTrailing\t-2\t3\t\t\t\t\n"              // 14: 8 fields
                              "120\tReject\t-4\t3\tREJECT\t\t\r\n";         // 15: CRLF is fine
  EXPECT_TRUE(book.load_string(content, "codes.tsv", diags));
  EXPECT_EQ(book.size(), 2u);
  EXPECT_EQ(book.find("111")->name, "Criticize or denounce");
  EXPECT_EQ(book.find("111")->where.str(), "codes.tsv:3");
  EXPECT_EQ(book.find("120")->plover_type, "REJECT");
  std::vector<std::string> got;
  for (const Diagnostic& d : diags.collected()) got.push_back(d.str());
  const std::vector<std::string> want = {
      "codes.tsv:4: error: expected 7 tab-separated fields, found 5; line skipped",
      "codes.tsv:5: error: bad CAMEO code '11x' (expected 2 to 4 digits); line skipped",
      "codes.tsv:7: error: bad Goldstein score 'minus two' (expected a number from -10 to 10); line skipped",
      "codes.tsv:8: error: bad quad class '5' (expected 1 to 4); line skipped",
      "codes.tsv:9: error: bad PLOVER type 'accuse'; line skipped",
      "codes.tsv:10: warning: code 111 is defined again (first at codes.tsv:3); the first is kept",
      "codes.tsv:12: error: code 117 has no name; line skipped",
      "codes.tsv:13: error: bad Goldstein score '11' (expected a number from -10 to 10); line skipped",
      "codes.tsv:14: error: expected 7 tab-separated fields, found 8; line skipped",
  };
  EXPECT_EQ(got, want) << ::testing::PrintToString(got);
}

TEST(CameoCodebook, RejectsFilesWithoutTheColumnLine) {
  CameoCodebook book;
  Diagnostics diags;
  EXPECT_FALSE(book.load_string("# only comments\n111\tCriticize\t-2\t3\t\t\t\n", "x.tsv", diags));
  ASSERT_EQ(diags.collected().size(), 1u);
  EXPECT_EQ(diags.collected()[0].where.str(), "x.tsv:2");
  EXPECT_EQ(book.size(), 0u);
  Diagnostics empty_diags;
  EXPECT_FALSE(book.load_string("", "empty.tsv", empty_diags));
  EXPECT_EQ(empty_diags.errors(), 1u);
  Diagnostics missing;
  EXPECT_FALSE(book.load(testing::source_dir() / "no-such-table.tsv", missing));
  EXPECT_EQ(missing.errors(), 1u);
}

TEST(CameoCodebook, DefaultTableIsFound) {
  const std::filesystem::path found = find_default_codebook();
  ASSERT_FALSE(found.empty());
  EXPECT_TRUE(std::filesystem::equivalent(found, committed_table())) << found;
  CameoCodebook book;
  Diagnostics diags;
  EXPECT_TRUE(load_default_codebook(book, diags));
  EXPECT_EQ(book.size(), 312u);
}

// The committed table is exactly what scripts/make-cameo-table makes from the sources.
TEST(CameoCodebook, CommittedTableIsUpToDate) {
  DYAD_REQUIRE_SHARED("cameo/cameo-codes.csv", csv);
  DYAD_REQUIRE_SHARED("plover/CAMEO2PLOVER-2021.txt", plover);
  if (std::system("command -v python3 >/dev/null 2>&1") != 0) GTEST_SKIP() << "needs python3";
  const std::string command = "python3 '" +
                              (testing::source_dir() / "scripts" / "make-cameo-table").string() + "' '" +
                              csv.string() + "' '" + plover.string() + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  ASSERT_EQ(pclose(pipe), 0);
  EXPECT_EQ(out, testing::read_file(committed_table()))
      << "run scripts/make-cameo-table > data/cameo/cameo_codes.tsv";
}

}  // namespace
}  // namespace dyad::dict
