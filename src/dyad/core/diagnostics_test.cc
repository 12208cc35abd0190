#include "dyad/core/diagnostics.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(Diagnostics, FormatsFileLineAndSeverity) {
  Diagnostics diags;
  diags.error({"news.jsonl", 12}, "broken JSON");
  diags.warning({"-", 0}, "no date");
  ASSERT_EQ(diags.collected().size(), 2u);
  EXPECT_EQ(diags.collected()[0].str(), "news.jsonl:12: error: broken JSON");
  EXPECT_EQ(diags.collected()[1].str(), "-: warning: no date");
  EXPECT_EQ(diags.errors(), 1u);
  EXPECT_EQ(diags.warnings(), 1u);
}

TEST(Diagnostics, SinkReceivesInsteadOfCollecting) {
  std::vector<std::string> seen;
  Diagnostics diags([&](const Diagnostic& d) { seen.push_back(d.str()); });
  diags.error({"a.csv", 3}, "unterminated quote");
  EXPECT_TRUE(diags.collected().empty());
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0], "a.csv:3: error: unterminated quote");
}

}  // namespace
}  // namespace dyad
