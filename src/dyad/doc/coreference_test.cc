#include "dyad/doc/coreference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dyad/coder/article_coder.h"
#include "dyad/dict/dictionary_set.h"
#include "test_support.h"

namespace dyad::doc {
namespace {

// Through the whole pipeline: front end, the committed model, the coder with the example
// dictionaries (examples/dictionaries), then the document stage. Articles written for
// these tests.
class Coreference : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pipeline_ = &testing::example_coding().pipeline;
    coder_ = &testing::example_coding().coder;
  }

  // "SENTENCE:SOURCE>TARGET:CODE" for every event, in order, with or without the
  // document stage's resolution.
  static std::vector<std::string> events(const std::string& text, bool resolve = true) {
    Article article;
    article.id = "t";
    article.text = text;
    article.story_date = "2016-09-21";
    coder::ArticleCoding coding = coder::code_article(article, *pipeline_, *coder_);
    if (resolve) resolve_actors_across_sentences(article, coding);
    std::vector<std::string> out;
    for (const Event& e : coding.events)
      out.push_back(std::to_string(e.sentence_index) + ":" + e.source.code + ">" + e.target.code + ":" +
                    e.code);
    return out;
  }

  // "SENTENCE:words = CODE (rule)" for every resolved mention.
  static std::vector<std::string> resolved(const std::string& text) {
    Article article;
    article.id = "t";
    article.text = text;
    article.story_date = "2016-09-21";
    const coder::ArticleCoding coding = coder::code_article(article, *pipeline_, *coder_);
    std::vector<std::string> out;
    for (const ResolvedMention& r : resolve_mentions(article, coding.mentions)) {
      const Mention& m = coding.mentions[r.sentence][r.mention];
      const auto& w = article.sentences[r.sentence].words;
      std::string codes;
      for (const std::string& c : r.codes) codes += (codes.empty() ? "" : "+") + c;
      out.push_back(
          std::to_string(r.sentence) + ":" +
          std::string(Span{w[m.first_word()].span.begin, w[m.last_word()].span.end}.of(article.text)) +
          " = " + codes + " (" + r.rule + ")");
    }
    return out;
  }

  static bool has(const std::vector<std::string>& got, const std::string& item) {
    return std::find(got.begin(), got.end(), item) != got.end();
  }

  static std::string all(const std::vector<std::string>& got) {
    std::string s;
    for (const std::string& e : got) s += "\n  " + e;
    return s;
  }

  static inline const nlp::Pipeline* pipeline_ = nullptr;
  static inline const coder::Coder* coder_ = nullptr;
};

TEST_F(Coreference, SurnameAfterTitleKeepsTheCode) {
  const std::string text =
      "Russian Foreign Minister Sergey Lavrov criticized Washington on Monday over "
      "the collapse of the Syrian ceasefire. Talks in Geneva ended without agreement.\n\n"
      "Lavrov accused the United States of protecting armed groups in Aleppo.\n";
  const std::vector<std::string> got = events(text);
  EXPECT_TRUE(has(got, "0:RUSGOV>USAGOV:111")) << all(got);
  // The surname alone: coded only by the document stage.
  EXPECT_TRUE(has(got, "2:RUSGOV>USA:112")) << all(got);
  EXPECT_FALSE(has(events(text, false), "2:RUSGOV>USA:112")) << all(events(text, false));
  EXPECT_TRUE(has(resolved(text), "2:Lavrov = RUSGOV (surname)")) << all(resolved(text));
}

TEST_F(Coreference, HeAndSheTakeTheOnePersonBefore) {
  const std::string text =
      "British Foreign Minister Jane Holt met Jordanian officials in Amman on "
      "Tuesday. She condemned Israel over new settlements in the West Bank.\n\n"
      "Belarusian Foreign Minister Pavel Darsky visited Lithuania on Monday. He accused Britain of "
      "interfering in the elections.\n";
  const std::vector<std::string> got = events(text);
  EXPECT_TRUE(has(got, "1:GBRGOV>ISR:111")) << all(got);
  EXPECT_TRUE(has(got, "3:BLRGOV>GBR:112")) << all(got);
  EXPECT_FALSE(has(events(text, false), "1:GBRGOV>ISR:111"));
  const std::vector<std::string> mentions = resolved(text);
  EXPECT_TRUE(has(mentions, "1:She = GBRGOV (pronoun)")) << all(mentions);
  EXPECT_TRUE(has(mentions, "3:He = BLRGOV (pronoun)")) << all(mentions);
}

TEST_F(Coreference, TheyTakeTheOneGroupBefore) {
  const std::string text =
      "Belarusian protesters rallied in Minsk on Sunday. They denounced "
      "Lukashenko and demanded new elections.\n";
  const std::vector<std::string> mentions = resolved(text);
  EXPECT_TRUE(has(mentions, "1:They = BLROPP (plural pronoun)")) << all(mentions);
  const std::vector<std::string> got = events(text);
  EXPECT_TRUE(has(got, "1:BLROPP>BLRGOV:111")) << all(got);
  EXPECT_FALSE(has(events(text, false), "1:BLROPP>BLRGOV:111"));
}

TEST_F(Coreference, TheMinisterIsThePersonWithThatTitle) {
  const std::string text =
      "Russian Foreign Minister Sergey Lavrov arrived in Geneva on Monday for "
      "talks on Syria. The minister criticized Washington for delaying the ceasefire.\n";
  const std::vector<std::string> mentions = resolved(text);
  EXPECT_TRUE(has(mentions, "1:The minister = RUSGOV (description)")) << all(mentions);
  const std::vector<std::string> got = events(text);
  EXPECT_TRUE(has(got, "1:RUSGOV>USAGOV:111")) << all(got);
  // Without the document stage the minister has no country.
  EXPECT_TRUE(has(events(text, false), "1:---GOV>USAGOV:111")) << all(events(text, false));
  EXPECT_FALSE(has(got, "1:---GOV>USAGOV:111")) << all(got);
}

TEST_F(Coreference, TheTwoCountriesAreTheTwoNamedBefore) {
  const std::string text =
      "Armenia accused Azerbaijan on Monday of shelling villages near the "
      "border. The United Nations urged the two countries to negotiate.\n";
  const std::vector<std::string> mentions = resolved(text);
  EXPECT_TRUE(has(mentions, "1:the two countries = ARM+AZE (two countries)")) << all(mentions);
  const std::vector<std::string> got = events(text);
  EXPECT_TRUE(has(got, "1:IGOUNO>ARM:020")) << all(got);
  EXPECT_TRUE(has(got, "1:IGOUNO>AZE:020")) << all(got);
  EXPECT_FALSE(has(events(text, false), "1:IGOUNO>ARM:020"));
}

TEST_F(Coreference, TwoMenBeforeHeLeaveItUncoded) {
  const std::string text =
      "Russian Foreign Minister Sergey Lavrov met US Foreign Minister John Kerry in "
      "Geneva on Monday. He criticized Israel over the settlements.\n";
  const std::vector<std::string> got = events(text);
  for (const std::string& e : got) EXPECT_FALSE(e.starts_with("1:")) << all(got);
  const std::vector<std::string> mentions = resolved(text);
  for (const std::string& m : mentions) EXPECT_FALSE(m.starts_with("1:He ")) << all(mentions);
}

TEST_F(Coreference, PronounForNonActorsStaysUncoded) {
  // "They" are the firefighters (no actor), not Syria.
  const std::string text =
      "Syria closed the border crossing on Monday. Firefighters battled a blaze "
      "near the crossing for hours. They blamed Israel for the fire.\n";
  const std::vector<std::string> got = events(text);
  for (const std::string& e : got) EXPECT_FALSE(e.starts_with("2:")) << all(got);
  // A surname never introduced stays uncoded too.
  const std::string unknown = "Belarus hosted talks on Monday. Petrov criticized Lithuania.\n";
  for (const std::string& e : events(unknown)) EXPECT_FALSE(e.starts_with("1:")) << all(events(unknown));
}

TEST_F(Coreference, NamesakesBlockTheSurname) {
  // Two people called Holt: "Holt" alone could be either.
  const std::string text =
      "British Foreign Minister Jane Holt met her brother Peter Holt in Amman on "
      "Tuesday. Holt condemned Israel over new settlements.\n";
  for (const std::string& e : events(text)) EXPECT_FALSE(e.starts_with("1:")) << all(events(text));
}

}  // namespace
}  // namespace dyad::doc
