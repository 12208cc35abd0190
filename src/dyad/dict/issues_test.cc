#include "dyad/dict/issues.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace dyad::dict {
namespace {

TEST(IssueExpansion, NounsVerbsAndJoins) {
  EXPECT_EQ(expand_issue_phrase("n:kindergarten"),
            (std::vector<Phrase>{{"KINDERGARTEN"}, {"KINDERGARTENS"}}));
  EXPECT_EQ(expand_issue_phrase("ethnic v:purge"),
            (std::vector<Phrase>{
                {"ETHNIC", "PURGE"}, {"ETHNIC", "PURGES"}, {"ETHNIC", "PURGED"}, {"ETHNIC", "PURGING"}}));
  EXPECT_EQ(expand_issue_phrase("pre+k"), (std::vector<Phrase>{{"PRE", "K"}, {"PRE-K"}}));
  EXPECT_EQ(expand_issue_phrase("pre+n:school"),
            (std::vector<Phrase>{{"PRE", "SCHOOL"}, {"PRE-SCHOOL"}, {"PRE", "SCHOOLS"}, {"PRE-SCHOOLS"}}));
  EXPECT_EQ(expand_issue_phrase("n:university"), (std::vector<Phrase>{{"UNIVERSITY"}, {"UNIVERSITIES"}}));
  EXPECT_TRUE(expand_issue_phrase("  ").empty());
}

constexpr std::string_view kIssues =
    "# issues\n"                                     // 1
    "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"  // 2
    "n:preschool [EARLY_CHILDHOOD_EDUCATION]\n"      // 3
    "head start [EARLY_CHILDHOOD_EDUCATION]\n"       // 4
    "~a head start\n"                                // 5
    "~~Armenian genocide  # historical\n"            // 6
    "literacy\n"                                     // 7
    "illiteracy [LITERACY\n"                         // 8
    "numeracy []\n"                                  // 9
    "head start [OTHER]\n"                           // 10
    "</ISSUE>\n"                                     // 11
    "<ISSUE CATEGORY=\"TOURISM\" TYPE=\"ALL\">\n"    // 12
    "tourism [TOURISM]\n"                            // 13
    "</ISSUE>\n";                                    // 14

TEST(IssueDictionary, ReadsCategoriesCodesAndIgnores) {
  Diagnostics diags;
  IssueDictionary dict;
  dict.load_string(kIssues, "test.issues", diags);
  const Issue* p = dict.find("PRESCHOOLS");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->code, "EARLY_CHILDHOOD_EDUCATION");
  EXPECT_EQ(p->category, "EDUCATION");
  EXPECT_EQ(p->where.str(), "test.issues:3");
  EXPECT_EQ(p->ignore, 0);
  const Issue* ig = dict.find("A HEAD START");
  ASSERT_NE(ig, nullptr);
  EXPECT_EQ(ig->ignore, 1);
  EXPECT_TRUE(ig->code.empty());
  ASSERT_NE(dict.find("ARMENIAN GENOCIDE"), nullptr);
  EXPECT_EQ(dict.find("ARMENIAN GENOCIDE")->ignore, 2);
  ASSERT_NE(dict.find("TOURISM"), nullptr);
  EXPECT_EQ(dict.find("TOURISM")->category, "TOURISM");
  EXPECT_EQ(dict.find("HEAD START")->code, "EARLY_CHILDHOOD_EDUCATION");
  EXPECT_EQ(dict.line_count(), 6u);

  ASSERT_EQ(diags.collected().size(), 4u);
  EXPECT_EQ(diags.collected()[0].where.line, 7u);
  EXPECT_NE(diags.collected()[0].message.find("without a [code]"), std::string::npos);
  EXPECT_EQ(diags.collected()[1].where.line, 8u);
  EXPECT_NE(diags.collected()[1].message.find("unbalanced"), std::string::npos);
  EXPECT_EQ(diags.collected()[2].where.line, 9u);
  EXPECT_NE(diags.collected()[2].message.find("empty code"), std::string::npos);
  EXPECT_EQ(diags.collected()[3].where.line, 10u);
  EXPECT_NE(diags.collected()[3].message.find("duplicate issue phrase 'HEAD START'"), std::string::npos);

  std::vector<std::string_view> tokens{"GOT", "A", "HEAD", "START"};
  auto m = dict.longest_match(tokens, 1);
  ASSERT_TRUE(m);
  EXPECT_EQ(m.length, 3u);
  EXPECT_EQ(m.issue->ignore, 1);
}

}  // namespace
}  // namespace dyad::dict
