#include "dyad/nlp/tagger.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/nlp/binary_io.h"

namespace dyad::nlp {
namespace {

// A tiny treebank: "word/UPOS/XPOS" tokens separated by spaces.
constexpr const char* kTiny[] = {
    "The/DET/DT minister/NOUN/NN criticized/VERB/VBD the/DET/DT government/NOUN/NN ./PUNCT/.",
    "Russia/PROPN/NNP criticized/VERB/VBD Washington/PROPN/NNP ./PUNCT/.",
    "The/DET/DT president/NOUN/NN met/VERB/VBD the/DET/DT minister/NOUN/NN ./PUNCT/.",
    "Police/NOUN/NNS arrested/VERB/VBD two/NUM/CD men/NOUN/NNS in/ADP/IN Paris/PROPN/NNP ./PUNCT/.",
    "The/DET/DT army/NOUN/NN attacked/VERB/VBD the/DET/DT rebels/NOUN/NNS ./PUNCT/.",
    "Rebels/NOUN/NNS attacked/VERB/VBD a/DET/DT village/NOUN/NN near/ADP/IN Aleppo/PROPN/NNP ./PUNCT/.",
    "The/DET/DT talks/NOUN/NNS will/AUX/MD resume/VERB/VB on/ADP/IN Monday/PROPN/NNP ./PUNCT/.",
    "China/PROPN/NNP will/AUX/MD send/VERB/VB aid/NOUN/NN to/ADP/IN Nepal/PROPN/NNP ./PUNCT/.",
    "The/DET/DT government/NOUN/NN is/AUX/VBZ sending/VERB/VBG troops/NOUN/NNS ./PUNCT/.",
    "Protesters/NOUN/NNS are/AUX/VBP marching/VERB/VBG in/ADP/IN the/DET/DT capital/NOUN/NN ./PUNCT/.",
    "He/PRON/PRP said/VERB/VBD the/DET/DT talks/NOUN/NNS failed/VERB/VBD ./PUNCT/.",
    "She/PRON/PRP says/VERB/VBZ the/DET/DT army/NOUN/NN withdrew/VERB/VBD ./PUNCT/.",
    "They/PRON/PRP signed/VERB/VBD a/DET/DT new/ADJ/JJ agreement/NOUN/NN ./PUNCT/.",
    "A/DET/DT new/ADJ/JJ minister/NOUN/NN was/AUX/VBD appointed/VERB/VBN ./PUNCT/.",
    "The/DET/DT old/ADJ/JJ treaty/NOUN/NN was/AUX/VBD signed/VERB/VBN in/ADP/IN 1990/NUM/CD ./PUNCT/.",
    "Iran/PROPN/NNP has/AUX/VBZ rejected/VERB/VBN the/DET/DT proposal/NOUN/NN ./PUNCT/.",
    "The/DET/DT United/PROPN/NNP Nations/PROPN/NNPS condemned/VERB/VBD the/DET/DT attack/NOUN/NN ./PUNCT/.",
    "Officials/NOUN/NNS said/VERB/VBD 20/NUM/CD people/NOUN/NNS died/VERB/VBD ./PUNCT/.",
    "The/DET/DT bigger/ADJ/JJR problem/NOUN/NN is/AUX/VBZ money/NOUN/NN ./PUNCT/.",
    "It/PRON/PRP was/AUX/VBD a/DET/DT quick/ADJ/JJ visit/NOUN/NN ./PUNCT/.",
    "France/PROPN/NNP and/CCONJ/CC Germany/PROPN/NNP agreed/VERB/VBD ./PUNCT/.",
    "The/DET/DT ministers/NOUN/NNS and/CCONJ/CC the/DET/DT president/NOUN/NN met/VERB/VBD ./PUNCT/.",
    "We/PRON/PRP will/AUX/MD not/PART/RB accept/VERB/VB this/DET/DT ./PUNCT/.",
    "Turkey/PROPN/NNP accused/VERB/VBD Syria/PROPN/NNP of/SCONJ/IN shelling/VERB/VBG the/DET/DT "
    "border/NOUN/NN "
    "./PUNCT/.",
    "The/DET/DT soldiers/NOUN/NNS were/AUX/VBD killed/VERB/VBN near/ADP/IN the/DET/DT border/NOUN/NN "
    "./PUNCT/.",
    "Egypt/PROPN/NNP opened/VERB/VBD the/DET/DT crossing/NOUN/NN on/ADP/IN Friday/PROPN/NNP ./PUNCT/.",
    "The/DET/DT minister/NOUN/NN visited/VERB/VBD Japan/PROPN/NNP and/CCONJ/CC Korea/PROPN/NNP ./PUNCT/.",
    "Talks/NOUN/NNS between/ADP/IN the/DET/DT two/NUM/CD countries/NOUN/NNS resumed/VERB/VBD ./PUNCT/.",
    "The/DET/DT rebels/NOUN/NNS are/AUX/VBP holding/VERB/VBG three/NUM/CD hostages/NOUN/NNS ./PUNCT/.",
    "Israel/PROPN/NNP launched/VERB/VBD strikes/NOUN/NNS on/ADP/IN Gaza/PROPN/NNP ./PUNCT/.",
};

io::ConlluSentence parse_tiny(const std::string& line) {
  io::ConlluSentence s;
  std::istringstream in(line);
  std::string item;
  int id = 1;
  while (in >> item) {
    const size_t a = item.find('/', 1);  // the form may be "/" itself? not in kTiny
    const size_t b = item.find('/', a + 1);
    io::ConlluWord w;
    w.id = id++;
    w.form = item.substr(0, a);
    w.upos = item.substr(a + 1, b - a - 1);
    w.xpos = item.substr(b + 1);
    w.lemma = "_";
    s.words.push_back(w);
  }
  return s;
}

std::vector<io::ConlluSentence> tiny_treebank() {
  std::vector<io::ConlluSentence> out;
  for (const char* line : kTiny) out.push_back(parse_tiny(line));
  return out;
}

Sentence sentence_of(const std::vector<std::string>& forms) {
  Sentence s;
  for (const auto& f : forms) {
    Word w;
    w.form = f;
    s.words.push_back(w);
  }
  return s;
}

const Tagger& tiny_tagger() {
  static const Tagger tagger = [] {
    const auto train = tiny_treebank();
    TaggerOptions options;
    options.two_pass = false;
    options.epochs = 8;
    options.seed = 7;
    options.tag_dictionary_min_count = 3;
    return train_tagger(train, train, options);
  }();
  return tagger;
}

TEST(Tagger, LearnsTheTinyTreebank) {
  const auto train = tiny_treebank();
  std::vector<TaggerEpoch> epochs;
  TaggerOptions options;
  options.two_pass = false;
  options.epochs = 5;
  options.seed = 3;
  const Tagger tagger =
      train_tagger(train, train, options, [&](const TaggerEpoch& e) { epochs.push_back(e); });
  ASSERT_EQ(epochs.size(), 5u);
  EXPECT_EQ(epochs[0].epoch, 1);
  EXPECT_GT(epochs.back().dev_joint, 0.95);
  EXPECT_GE(tagger.class_count(), 15u);
  const TaggerAccuracy acc = evaluate_tagger(tagger, train);
  EXPECT_GT(acc.upos_rate(), 0.95);
  EXPECT_GT(acc.xpos_rate(), 0.95);
}

TEST(Tagger, TagsANewSentenceSensibly) {
  Sentence s = sentence_of({"The", "minister", "attacked", "the", "rebels", "in", "Gaza", "."});
  tiny_tagger().tag(s);
  const std::vector<std::string> upos = {"DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"};
  const std::vector<std::string> xpos = {"DT", "NN", "VBD", "DT", "NNS", "IN", "NNP", "."};
  for (size_t i = 0; i < s.words.size(); ++i) {
    EXPECT_EQ(s.words[i].upos, upos[i]) << s.words[i].form;
    EXPECT_EQ(s.words[i].xpos, xpos[i]) << s.words[i].form;
  }
}

TEST(Tagger, TrainingIsDeterministicForASeed) {
  const auto train = tiny_treebank();
  TaggerOptions options;
  options.two_pass = false;
  options.epochs = 3;
  options.seed = 11;
  EXPECT_EQ(train_tagger(train, {}, options).serialize(), train_tagger(train, {}, options).serialize());
}

TEST(Tagger, SerializationRoundTripGivesIdenticalPredictions) {
  const Tagger& tagger = tiny_tagger();
  ModelFile model;
  model.sections[kTaggerSection] = tagger.serialize();
  const Tagger back = Tagger::load(model, "test.dyadmodel");
  EXPECT_EQ(back.serialize(), tagger.serialize());
  EXPECT_EQ(back.class_count(), tagger.class_count());
  for (const auto& s : tiny_treebank()) {
    std::vector<std::string_view> forms;
    for (const auto& w : s.words) forms.push_back(w.form);
    forms.push_back("unseen-word");
    std::vector<uint16_t> a, b;
    tagger.tag(forms, a);
    back.tag(forms, b);
    EXPECT_EQ(a, b);
  }
}

TEST(Tagger, CorruptSectionIsAClearError) {
  const std::string bytes = tiny_tagger().serialize();
  auto message = [](const std::string& data) {
    try {
      Tagger::deserialize(data, "m.dyadmodel: section \"tagger\"");
    } catch (const ModelFormatError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(message(bytes.substr(0, bytes.size() / 2)).find("m.dyadmodel: section \"tagger\""),
            std::string::npos);
  EXPECT_NE(message("XXXX" + bytes.substr(4)).find("bad magic"), std::string::npos);
  std::string version = bytes;
  version[4] = 9;
  EXPECT_NE(message(version).find("version 9"), std::string::npos);
  EXPECT_NE(message(bytes + "x").find("trailing"), std::string::npos);
  EXPECT_NE(message("").find("truncated"), std::string::npos);

  ModelFile model;
  try {
    Tagger::load(model, "empty.dyadmodel");
    FAIL() << "a model without a tagger section was accepted";
  } catch (const ModelFormatError& e) {
    EXPECT_NE(std::string(e.what()).find("tagger"), std::string::npos) << e.what();
  }
}

TEST(Tagger, TwoPassModelTrainsAndRoundTrips) {
  const auto train = tiny_treebank();
  TaggerOptions options;
  options.epochs = 4;
  options.first_pass_epochs = 3;
  options.folds = 3;
  options.two_pass = true;
  std::vector<TaggerEpoch> epochs;
  const Tagger tagger =
      train_tagger(train, train, options, [&](const TaggerEpoch& e) { epochs.push_back(e); });
  ASSERT_EQ(epochs.size(), 3u * 3 + 3 + 4);  // three folds, the whole first pass, the second pass
  EXPECT_EQ(epochs.back().pass, 2);
  EXPECT_EQ(epochs.front().fold, 0);
  EXPECT_GT(evaluate_tagger(tagger, train).joint_rate(), 0.95);
  const Tagger back = Tagger::deserialize(tagger.serialize());
  EXPECT_EQ(back.serialize(), tagger.serialize());
  Sentence a = sentence_of({"Rebels", "attacked", "the", "capital", "."});
  Sentence b = a;
  tagger.tag(a);
  back.tag(b);
  for (size_t i = 0; i < a.words.size(); ++i) EXPECT_EQ(a.words[i].xpos, b.words[i].xpos);
  EXPECT_EQ(a.words[1].xpos, "VBD");
}

// The first pass of a two-pass tagger is trained on all of train with the same seed and
// epochs as a one-pass tagger, so tagging with it alone (the fast setting) must give
// the one-pass tagger's tags.
TEST(Tagger, FirstPassAloneTagsAsTheOnePassTagger) {
  const auto train = tiny_treebank();
  TaggerOptions one;
  one.two_pass = false;
  one.epochs = 3;
  one.seed = 13;
  TaggerOptions two = one;
  two.two_pass = true;
  two.first_pass_epochs = 3;
  two.epochs = 4;
  two.folds = 3;
  const Tagger a = train_tagger(train, {}, one);
  Tagger b = train_tagger(train, {}, two);
  ASSERT_TRUE(b.two_pass());
  EXPECT_FALSE(a.two_pass());
  b.set_first_pass_only(true);
  std::vector<Sentence> sentences = {sentence_of({"Rebels", "attacked", "the", "capital", "."}),
                                     sentence_of({"The", "minister", "met", "Hamas", "in", "Cairo", "."})};
  for (const auto& c : train) {
    std::vector<std::string> forms;
    for (const auto& w : c.words) forms.push_back(w.form);
    sentences.push_back(sentence_of(forms));
  }
  for (Sentence s : sentences) {
    Sentence t = s;
    a.tag(s);
    b.tag(t);
    for (size_t i = 0; i < s.words.size(); ++i) {
      EXPECT_EQ(s.words[i].upos, t.words[i].upos) << s.words[i].form;
      EXPECT_EQ(s.words[i].xpos, t.words[i].xpos) << s.words[i].form;
    }
  }
}

TEST(Tagger, TrainsWithoutWordNet) {
  const auto train = tiny_treebank();
  TaggerOptions options;
  options.two_pass = false;
  options.epochs = 4;
  options.wordnet_dir = "/nonexistent/wordnet";
  const Tagger tagger = train_tagger(train, {}, options);
  EXPECT_GT(evaluate_tagger(tagger, train).joint_rate(), 0.95);
  if (std::filesystem::exists("/usr/share/wordnet/index.noun")) {  // the WordNet lexicon makes it bigger
    EXPECT_LT(tagger.serialize().size(), tiny_tagger().serialize().size());
  }
}

// WordNet's data files spell names capitalised ("Paris"): the second pass of a two-pass
// tagger sees that, the first pass (and so the parser's jackknifed tags) does not.
TEST(Tagger, OnlyTheSecondPassSeesWordNetCapitalisation) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "dyad_tagger_wordnet";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "with");
  std::filesystem::create_directories(dir / "without");
  for (const char* sub : {"with", "without"})
    std::ofstream(dir / sub / "index.noun") << "minister n 1 0 1 0 00000001\nvillage n 1 0 1 0 00000002\n";
  std::ofstream(dir / "with" / "data.noun") << "  1 licence header line\n"
                                               "00000001 18 n 01 minister 0 000 | a head of a ministry\n"
                                               "00000002 15 n 02 Paris 0 City_of_Light 0 000 | a capital\n"
                                               "00000003 15 n 01 Aleppo 0 000 | a city\n"
                                               "00000004 15 n 01 Nepal 0 000 | a country\n";
  const auto train = tiny_treebank();
  TaggerOptions options;
  options.two_pass = true;
  options.epochs = 4;
  options.first_pass_epochs = 3;
  options.folds = 3;
  options.wordnet_dir = (dir / "with").string();
  Tagger with = train_tagger(train, train, options);
  options.wordnet_dir = (dir / "without").string();
  Tagger without = train_tagger(train, train, options);
  std::filesystem::remove_all(dir);
  EXPECT_NE(with.serialize(), without.serialize());
  EXPECT_GT(evaluate_tagger(with, train).joint_rate(), 0.95);
  with.set_first_pass_only(true);
  without.set_first_pass_only(true);
  for (const auto& c : train) {
    std::vector<std::string> forms;
    for (const auto& w : c.words) forms.push_back(w.form);
    Sentence a = sentence_of(forms), b = a;
    with.tag(a);
    without.tag(b);
    for (size_t i = 0; i < a.words.size(); ++i) EXPECT_EQ(a.words[i].xpos, b.words[i].xpos) << forms[i];
  }
}

TEST(Tagger, UntrainedTaggerStillTags) {
  const Tagger tagger;
  Sentence s = sentence_of({"Hello", "world"});
  tagger.tag(s);
  EXPECT_EQ(s.words[0].upos, "X");
  const Tagger back = Tagger::deserialize(tagger.serialize());
  back.tag(s);
  EXPECT_EQ(s.words[1].upos, "X");
}

TEST(Tagger, RobustToEmptyLongAndOddInput) {
  const Tagger& tagger = tiny_tagger();
  Sentence empty;
  tagger.tag(empty);
  EXPECT_TRUE(empty.words.empty());

  std::vector<std::string> forms;
  for (int i = 0; i < 3000; ++i) forms.push_back(i % 7 == 6 ? "." : (i % 2 ? "minister" : "the"));
  Sentence longest = sentence_of(forms);
  tagger.tag(longest);
  for (const Word& w : longest.words) EXPECT_FALSE(w.upos.empty());
  EXPECT_EQ(longest.words[0].xpos, "DT");

  Sentence odd = sentence_of({"", "Ünïcödé", "日本", "🙂", "\xff\xfe", "a\xcc\x81", "RUSSIA", "CRITICIZED",
                              "WASHINGTON", "-", std::string(1000, 'x')});
  tagger.tag(odd);
  for (const Word& w : odd.words) {
    EXPECT_FALSE(w.upos.empty());
    EXPECT_FALSE(w.xpos.empty());
  }
}

}  // namespace
}  // namespace dyad::nlp
