#include "dyad/text/front_end.h"

#include <gtest/gtest.h>

namespace dyad::text {
namespace {

std::vector<std::string> sentence_texts(const Article& a) {
  std::vector<std::string> out;
  for (const auto& s : a.sentences) out.emplace_back(s.span.of(a.text));
  return out;
}

TEST(FrontEnd, DropsDatelineAndDateLineAndSplitsSentences) {
  Article a;
  a.text =
      "Friday, January 4, 2019\n\n"
      "GENEVA (Reuters) - U.S. Secretary of State Mike Pompeo met Russian "
      "Foreign Minister "
      "Sergey V. Lavrov on Sept. 9. They didn't agree on sanctions.\n\n"
      "Related news\n\nSomething else entirely.";
  analyse(a);
  EXPECT_EQ(sentence_texts(a),
            (std::vector<std::string>{"U.S. Secretary of State Mike Pompeo met Russian Foreign Minister "
                                      "Sergey V. Lavrov on Sept. 9.",
                                      "They didn't agree on sanctions."}));
  ASSERT_EQ(a.sentences.size(), 2u);
  EXPECT_TRUE(a.sentences[0].starts_paragraph);
  // "didn't" is one token of two words, and offsets point into the original
  // text.
  const Sentence& second = a.sentences[1];
  bool found = false;
  for (const Token& t : second.tokens)
    if (t.span.of(a.text) == "didn't") {
      found = true;
      ASSERT_EQ(t.word_count, 2u);
      EXPECT_EQ(second.words[t.first_word].form, "did");
      EXPECT_EQ(second.words[t.first_word + 1].form, "n't");
    }
  EXPECT_TRUE(found);
}

TEST(FrontEnd, EmptyTextGivesNoSentences) {
  Article a;
  analyse(a);
  EXPECT_TRUE(a.sentences.empty());
  EXPECT_TRUE(a.body.empty());
}

}  // namespace
}  // namespace dyad::text
