#include "dyad/nlp/lemmatizer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "dyad/nlp/binary_io.h"

namespace dyad::nlp {
namespace {

constexpr const char* kWordNet = "/usr/share/wordnet";

// A few EWT-style training words: form, upos, xpos, lemma.
struct Entry {
  const char* form;
  const char* upos;
  const char* xpos;
  const char* lemma;
};
constexpr Entry kTrain[] = {
    {"I", "PRON", "PRP", "I"},
    {"me", "PRON", "PRP", "I"},
    {"us", "PRON", "PRP", "we"},
    {"'s", "AUX", "VBZ", "be"},
    {"n't", "PART", "RB", "not"},
    {"ca", "AUX", "MD", "can"},
    {"wo", "AUX", "MD", "will"},
    {"The", "DET", "DT", "the"},
    {"an", "DET", "DT", "a"},
    {"Americans", "PROPN", "NNPS", "American"},
    {"were", "AUX", "VBD", "be"},
    {"better", "ADJ", "JJR", "good"},
    {"people", "NOUN", "NNS", "person"},
    {"minister", "NOUN", "NN", "minister"},
};

std::vector<io::ConlluSentence> train_set() {
  io::ConlluSentence s;
  int id = 1;
  for (const Entry& e : kTrain) {
    io::ConlluWord w;
    w.id = id++;
    w.form = e.form;
    w.upos = e.upos;
    w.xpos = e.xpos;
    w.lemma = e.lemma;
    s.words.push_back(w);
  }
  return {s};
}

Lemmatizer rules_only() {
  LemmatizerOptions options;
  options.wordnet_dir = "/nonexistent/wordnet";
  return train_lemmatizer(train_set(), options);
}

TEST(Lemmatizer, RegularInflectionsWithoutWordNet) {
  const Lemmatizer l = rules_only();
  EXPECT_EQ(l.lemma("launched", "VERB", "VBD"), "launch");
  EXPECT_EQ(l.lemma("launching", "VERB", "VBG"), "launch");
  EXPECT_EQ(l.lemma("forces", "VERB", "VBZ"), "force");
  EXPECT_EQ(l.lemma("forces", "NOUN", "NNS"), "force");
  EXPECT_EQ(l.lemma("countries", "NOUN", "NNS"), "country");
  EXPECT_EQ(l.lemma("bigger", "ADJ", "JJR"), "big");
  EXPECT_EQ(l.lemma("stopped", "VERB", "VBD"), "stop");
  EXPECT_EQ(l.lemma("churches", "NOUN", "NNS"), "church");
  EXPECT_EQ(l.lemma("Criticized", "VERB", "VBD"), "criticize");
  EXPECT_EQ(l.lemma("minister", "NOUN", "NN"), "minister");
  EXPECT_EQ(l.lemma("Ministers", "NOUN", "NNS"), "minister");
}

TEST(Lemmatizer, TrainingLexiconGivesEwtConventions) {
  const Lemmatizer l = rules_only();
  EXPECT_EQ(l.lemma("'s", "AUX", "VBZ"), "be");
  EXPECT_EQ(l.lemma("n't", "PART", "RB"), "not");
  EXPECT_EQ(l.lemma("ca", "AUX", "MD"), "can");
  EXPECT_EQ(l.lemma("wo", "AUX", "MD"), "will");
  EXPECT_EQ(l.lemma("us", "PRON", "PRP"), "we");
  EXPECT_EQ(l.lemma("I", "PRON", "PRP"), "I");
  EXPECT_EQ(l.lemma("The", "DET", "DT"), "the");
  EXPECT_EQ(l.lemma("THE", "DET", "DT"), "the");
  EXPECT_EQ(l.lemma("were", "AUX", "VBD"), "be");
  EXPECT_EQ(l.lemma("better", "ADJ", "JJR"), "good");
  EXPECT_EQ(l.lemma("people", "NOUN", "NNS"), "person");
}

TEST(Lemmatizer, ProperNounsNumbersAndPunctuationKeepTheirForm) {
  const Lemmatizer l = rules_only();
  EXPECT_EQ(l.lemma("Washington", "PROPN", "NNP"), "Washington");
  EXPECT_EQ(l.lemma("RUSSIA", "PROPN", "NNP"), "RUSSIA");
  EXPECT_EQ(l.lemma("Palestinians", "PROPN", "NNPS"), "Palestinian");
  EXPECT_EQ(l.lemma("Americans", "PROPN", "NNPS"), "American");
  EXPECT_EQ(l.lemma("1990", "NUM", "CD"), "1990");
  EXPECT_EQ(l.lemma("12,000", "NUM", "CD"), "12000");
  EXPECT_EQ(l.lemma(".", "PUNCT", "."), ".");
  EXPECT_EQ(l.lemma("http://example.com/A", "X", "ADD"), "http://example.com/A");
  EXPECT_EQ(l.lemma("NATO", "PROPN", "NNP"), "NATO");
}

TEST(Lemmatizer, IrregularFormsFromWordNet) {
  if (!std::filesystem::exists(std::string(kWordNet) + "/verb.exc"))
    GTEST_SKIP() << "WordNet (Debian package wordnet-base) is not installed";
  LemmatizerOptions options;
  options.require_wordnet = true;
  const Lemmatizer l = train_lemmatizer(train_set(), options);
  EXPECT_EQ(l.lemma("held", "VERB", "VBD"), "hold");
  EXPECT_EQ(l.lemma("said", "VERB", "VBD"), "say");
  EXPECT_EQ(l.lemma("was", "AUX", "VBD"), "be");
  EXPECT_EQ(l.lemma("went", "VERB", "VBD"), "go");
  EXPECT_EQ(l.lemma("geese", "NOUN", "NNS"), "goose");
  EXPECT_EQ(l.lemma("children", "NOUN", "NNS"), "child");
  EXPECT_EQ(l.lemma("worse", "ADJ", "JJR"), "bad");
  EXPECT_EQ(l.lemma("bigger", "ADJ", "JJR"), "big");
  EXPECT_EQ(l.lemma("launched", "VERB", "VBN"), "launch");
  EXPECT_EQ(l.lemma("hoped", "VERB", "VBD"), "hope");
  EXPECT_EQ(l.lemma("used", "VERB", "VBN"), "use");
  EXPECT_EQ(l.lemma("wanted", "VERB", "VBD"), "want");
  EXPECT_EQ(l.lemma("making", "VERB", "VBG"), "make");
  EXPECT_EQ(l.lemma("running", "VERB", "VBG"), "run");
  EXPECT_EQ(l.lemma("dying", "VERB", "VBG"), "die");
  EXPECT_EQ(l.lemma("watches", "VERB", "VBZ"), "watch");
  EXPECT_EQ(l.lemma("crises", "NOUN", "NNS"), "crisis");
  EXPECT_EQ(l.lemma("HELD", "VERB", "VBD"), "hold");
  EXPECT_GT(l.known_lemma_count(), 50000u);
}

TEST(Lemmatizer, MissingWordNetIsAnErrorOnlyWhenRequired) {
  LemmatizerOptions options;
  options.wordnet_dir = "/nonexistent/wordnet";
  options.require_wordnet = true;
  EXPECT_THROW(train_lemmatizer(train_set(), options), std::runtime_error);
}

TEST(Lemmatizer, SerializationRoundTrip) {
  const Lemmatizer l = rules_only();
  ModelFile model;
  model.sections[kLemmatizerSection] = l.serialize();
  const Lemmatizer back = Lemmatizer::load(model, "test.dyadmodel");
  EXPECT_EQ(back.serialize(), l.serialize());
  EXPECT_EQ(back.lemma("'s", "AUX", "VBZ"), "be");
  EXPECT_EQ(back.lemma("countries", "NOUN", "NNS"), "country");
  EXPECT_EQ(back.lexicon_size(), l.lexicon_size());
}

TEST(Lemmatizer, CorruptSectionIsAClearError) {
  const std::string bytes = rules_only().serialize();
  auto message = [](const std::string& data) {
    try {
      Lemmatizer::deserialize(data, "m.dyadmodel: section \"lemmatizer\"");
    } catch (const ModelFormatError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(message(bytes.substr(0, bytes.size() - 3)).find("m.dyadmodel: section \"lemmatizer\""),
            std::string::npos);
  EXPECT_NE(message("ABCD" + bytes.substr(4)).find("bad magic"), std::string::npos);
  EXPECT_NE(message(bytes + "zz").find("trailing"), std::string::npos);
  ModelFile model;
  EXPECT_THROW(Lemmatizer::load(model, "empty.dyadmodel"), ModelFormatError);
}

TEST(Lemmatizer, RobustToOddInputAndFillsSentences) {
  const Lemmatizer l = rules_only();
  EXPECT_EQ(l.lemma("", "X", "XX"), "");
  EXPECT_EQ(l.lemma("s", "NOUN", "NNS"), "s");
  EXPECT_EQ(l.lemma("ed", "VERB", "VBD"), "ed");
  EXPECT_EQ(l.lemma("ing", "VERB", "VBG"), "ing");
  EXPECT_EQ(l.lemma("日本", "PROPN", "NNP"), "日本");
  EXPECT_EQ(l.lemma("Ünïcödés", "NOUN", "NNS"), "Ünïcödé");
  EXPECT_EQ(l.lemma("\xff\xfe", "X", "FW"), "\xff\xfe");
  EXPECT_EQ(l.lemma("LAUNCHED", "VERB", "VBD"), "launch");

  Sentence s;
  for (const char* f : {"Rebels", "launched", "attacks", "."}) {
    Word w;
    w.form = f;
    s.words.push_back(w);
  }
  s.words[0].upos = "NOUN", s.words[0].xpos = "NNS";
  s.words[1].upos = "VERB", s.words[1].xpos = "VBD";
  s.words[2].upos = "NOUN", s.words[2].xpos = "NNS";
  s.words[3].upos = "PUNCT", s.words[3].xpos = ".";
  l.lemmatize(s);
  EXPECT_EQ(s.words[0].lemma, "rebel");
  EXPECT_EQ(s.words[1].lemma, "launch");
  EXPECT_EQ(s.words[2].lemma, "attack");
  EXPECT_EQ(s.words[3].lemma, ".");

  Sentence empty;
  l.lemmatize(empty);
  Sentence big;
  big.words.resize(3000);
  for (auto& w : big.words) w.form = "forces", w.upos = "NOUN", w.xpos = "NNS";
  l.lemmatize(big);
  EXPECT_EQ(big.words.back().lemma, "force");
}

TEST(Lemmatizer, TagAndLemmatizeFillsEverything) {
  const Tagger tagger;  // untrained: every word "X"
  const Lemmatizer l = rules_only();
  Sentence s;
  Word w;
  w.form = "Hello";
  s.words.push_back(w);
  tag_and_lemmatize(tagger, l, s);
  EXPECT_EQ(s.words[0].upos, "X");
  EXPECT_EQ(s.words[0].lemma, "hello");
}

}  // namespace
}  // namespace dyad::nlp
