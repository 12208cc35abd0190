#include "dyad/doc/new_actors.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace dyad::doc {
namespace {

// An article of one sentence whose words are `forms` with the given UPOS tags, the
// sentence's span the whole text (words separated by single spaces).
Article one_sentence(std::string id, const std::vector<std::pair<std::string, std::string>>& words) {
  Article a;
  a.id = std::move(id);
  Sentence s;
  for (const auto& [form, upos] : words) {
    if (!a.text.empty()) a.text += ' ';
    Word w;
    w.form = form;
    w.upos = upos;
    w.span = {static_cast<uint32_t>(a.text.size()), static_cast<uint32_t>(a.text.size() + form.size())};
    a.text += form;
    s.words.push_back(w);
  }
  s.span = {0, static_cast<uint32_t>(a.text.size())};
  a.sentences.push_back(s);
  return a;
}

Mention mention(std::vector<uint32_t> words, std::vector<std::string> codes,
                std::vector<std::vector<uint32_t>> conjuncts = {}) {
  Mention m;
  m.head = words.back();
  m.words = std::move(words);
  m.codes = std::move(codes);
  m.conjuncts = conjuncts.empty() ? std::vector<std::vector<uint32_t>>{m.words} : std::move(conjuncts);
  return m;
}

// "The Zetan Liberation Front accused rebel commander Ivo Tarn and Russia ."
const std::vector<std::pair<std::string, std::string>> kWords = {
    {"The", "DET"},      {"Zetan", "PROPN"}, {"Liberation", "PROPN"}, {"Front", "PROPN"},
    {"accused", "VERB"}, {"rebel", "NOUN"},  {"commander", "NOUN"},   {"Ivo", "PROPN"},
    {"Tarn", "PROPN"},   {"and", "CCONJ"},   {"Russia", "PROPN"},     {".", "PUNCT"}};

TEST(NewActors, UncodedAndAgentOnlyProperNamesAreListed) {
  const Article a = one_sentence("z1", kWords);
  const Sentence& s = a.sentences[0];
  EXPECT_EQ(new_actor_phrases(s, mention({0, 1, 2, 3}, {"---"})),
            (std::vector<std::string>{"Zetan Liberation Front"}));
  // A compound: the agent-only conjunct is listed by its name, the coded one is not.
  EXPECT_EQ(new_actor_phrases(s, mention({5, 6, 7, 8, 9, 10}, {"---REB", "RUS"}, {{5, 6, 7, 8}, {10}})),
            (std::vector<std::string>{"Ivo Tarn"}));
  EXPECT_TRUE(new_actor_phrases(s, mention({10}, {"RUS"})).empty());       // coded
  EXPECT_TRUE(new_actor_phrases(s, mention({5, 6}, {"---REB"})).empty());  // no proper noun
  const Article d =
      one_sentence("d1", {{"on", "ADP"}, {"Tuesday", "PROPN"}, {"Sept.", "PROPN"}, {"9", "NUM"}});
  EXPECT_TRUE(new_actor_phrases(d.sentences[0], mention({1, 2, 3}, {"---"})).empty());  // dates are no actors
}

TEST(NewActors, CountedSortedAndWrittenAsTsv) {
  NewActorCollector collector;
  const Article a = one_sentence("z1", kWords);
  const std::vector<std::vector<Mention>> mentions = {
      {mention({0, 1, 2, 3}, {"---"}), mention({5, 6, 7, 8}, {"---REB"})}};
  collector.add(a, mentions);
  Article b = one_sentence("z2", kWords);
  collector.add(b, mentions);
  Article copy = one_sentence("z3", kWords);
  copy.duplicate_of = "z1";  // a near copy adds nothing
  collector.add(copy, mentions);
  Article c = one_sentence("z4", {{"Ivo", "PROPN"}, {"Tarn", "PROPN"}, {"spoke", "VERB"}});
  collector.add(c, {{mention({0, 1}, {"---"})}});

  const std::vector<NewActor> sorted = collector.sorted();
  ASSERT_EQ(sorted.size(), 2u);
  EXPECT_EQ(sorted[0].phrase, "Ivo Tarn");
  EXPECT_EQ(sorted[0].count, 3u);
  EXPECT_EQ(sorted[0].article_id, "z1");  // where it was first seen
  EXPECT_EQ(sorted[1].phrase, "Zetan Liberation Front");
  EXPECT_EQ(sorted[1].count, 2u);

  std::ostringstream tsv;
  collector.write_tsv(tsv);
  EXPECT_EQ(
      tsv.str(),
      "phrase\tcount\texample\tarticle_id\n"
      "Ivo Tarn\t3\tThe Zetan Liberation Front accused rebel commander Ivo Tarn and Russia .\tz1\n"
      "Zetan Liberation Front\t2\tThe Zetan Liberation Front accused rebel commander Ivo Tarn and Russia "
      ".\tz1\n");
}

}  // namespace
}  // namespace dyad::doc
