#include "dyad/nlp/parser.h"

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "dyad/io/conllu.h"
#include "dyad/nlp/parser_eval.h"
#include "test_support.h"

namespace dyad::nlp {
namespace {

struct W {
  const char* form;
  const char* upos;
  const char* xpos;
  int head;
  const char* rel;
};

Sentence make(const std::vector<W>& words) {
  Sentence s;
  for (const W& w : words) {
    Word x;
    x.form = w.form;
    x.upos = w.upos;
    x.xpos = w.xpos;
    x.head = w.head;
    x.deprel = w.rel;
    s.words.push_back(x);
  }
  return s;
}

// A tiny treebank of four sentence patterns with varied words.
std::vector<Sentence> tiny_treebank(uint64_t seed, int count) {
  std::mt19937_64 rng(seed);
  const std::vector<const char*> nouns = {"minister", "envoy", "army", "government", "president", "council"};
  const std::vector<const char*> verbs = {"criticized", "met", "accused", "praised", "visited"};
  const std::vector<const char*> names = {"Russia", "Washington", "Lavrov", "Paris", "China", "Germany"};
  const std::vector<const char*> adjs = {"foreign", "new", "angry", "senior"};
  const std::vector<const char*> dets = {"the", "a"};
  const std::vector<const char*> adps = {"in", "with", "near"};
  const std::vector<const char*> prons = {"He", "She", "They"};
  const std::vector<const char*> auxs = {"has", "will"};
  auto pick = [&](const std::vector<const char*>& v) { return v[rng() % v.size()]; };
  std::vector<Sentence> out;
  for (int i = 0; i < count; ++i) {
    switch (i % 4) {
      case 0:
        out.push_back(make({{pick(dets), "DET", "DT", 1, "det"},
                            {pick(nouns), "NOUN", "NN", 2, "nsubj"},
                            {pick(verbs), "VERB", "VBD", -1, "root"},
                            {pick(dets), "DET", "DT", 4, "det"},
                            {pick(nouns), "NOUN", "NN", 2, "obj"},
                            {".", "PUNCT", ".", 2, "punct"}}));
        break;
      case 1:
        out.push_back(make({{pick(names), "PROPN", "NNP", 1, "nsubj"},
                            {pick(verbs), "VERB", "VBD", -1, "root"},
                            {pick(names), "PROPN", "NNP", 1, "obj"},
                            {".", "PUNCT", ".", 1, "punct"}}));
        break;
      case 2:
        out.push_back(make({{pick(dets), "DET", "DT", 2, "det"},
                            {pick(adjs), "ADJ", "JJ", 2, "amod"},
                            {pick(nouns), "NOUN", "NN", 3, "nsubj"},
                            {pick(verbs), "VERB", "VBD", -1, "root"},
                            {pick(adps), "ADP", "IN", 6, "case"},
                            {pick(dets), "DET", "DT", 6, "det"},
                            {pick(nouns), "NOUN", "NN", 3, "obl"},
                            {".", "PUNCT", ".", 3, "punct"}}));
        break;
      default:
        out.push_back(make({{pick(prons), "PRON", "PRP", 2, "nsubj"},
                            {pick(auxs), "AUX", "VBZ", 2, "aux"},
                            {pick(verbs), "VERB", "VBN", -1, "root"},
                            {pick(names), "PROPN", "NNP", 2, "obj"},
                            {".", "PUNCT", ".", 2, "punct"}}));
        break;
    }
  }
  return out;
}

const Parser& tiny_parser() {
  static const Parser parser = [] {
    ParserTrainOptions opt;
    opt.epochs = 8;
    opt.seed = 3;
    return train_parser(tiny_treebank(1, 80), tiny_treebank(2, 20), opt);
  }();
  return parser;
}

std::vector<Sentence> parsed(const Parser& p, std::vector<Sentence> sentences) {
  for (auto& s : sentences) {
    for (auto& w : s.words) w.head = 99, w.deprel = "junk";
    p.parse(s);
  }
  return sentences;
}

// Every word has a head in range, exactly one root labelled "root", and no cycle.
void expect_well_formed(const Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    const Word& w = s.words[static_cast<size_t>(i)];
    ASSERT_GE(w.head, -1) << "word " << i;
    ASSERT_LT(w.head, n) << "word " << i;
    ASSERT_NE(w.head, i) << "word " << i;
    ASSERT_FALSE(w.deprel.empty());
    if (w.head == -1) {
      ++roots;
      EXPECT_EQ(w.deprel, "root");
    } else {
      EXPECT_NE(w.deprel, "root");
    }
    int k = i, steps = 0;
    while (k != -1 && steps <= n) k = s.words[static_cast<size_t>(k)].head, ++steps;
    ASSERT_EQ(k, -1) << "cycle through word " << i;
  }
  if (n > 0) {
    EXPECT_EQ(roots, 1);
  }
}

TEST(ParserTraining, LearnsTinyTreebank) {
  std::vector<ParserEpochReport> reports;
  ParserTrainOptions opt;
  opt.epochs = 6;
  opt.seed = 5;
  opt.beam = 0;  // greedy
  ParserTrainStats stats;
  const Parser p = train_parser(
      tiny_treebank(1, 80), tiny_treebank(2, 20), opt,
      [&](const ParserEpochReport& r) { reports.push_back(r); }, &stats);
  ASSERT_FALSE(reports.empty());
  EXPECT_EQ(reports.front().epoch, 1);
  EXPECT_EQ(stats.sentences, 80u);
  const auto test = tiny_treebank(9, 40);
  const ParseScores sc = score_parses(test, parsed(p, test));
  EXPECT_EQ(sc.words, 230u);
  EXPECT_GE(sc.uas(), 98.0);
  EXPECT_GE(sc.las(), 98.0);
  EXPECT_GE(p.labels().size(), 8u);
  EXPECT_LE(p.beam_width(), 1);
}

TEST(ParserTraining, DeterministicForSeed) {
  ParserTrainOptions opt;
  opt.epochs = 3;
  opt.seed = 11;
  opt.beam = 0;  // greedy; ParserBeam tests the beam
  const auto train = tiny_treebank(4, 40);
  const Parser a = train_parser(train, {}, opt);
  const Parser b = train_parser(train, {}, opt);
  ModelFile ma, mb;
  a.save(ma);
  b.save(mb);
  EXPECT_EQ(ma.sections.at("parser"), mb.sections.at("parser"));
}

// Beam search trained globally (ParserTrainOptions::beam > 1).
TEST(ParserBeam, LearnsTinyTreebankAndParsesWellFormedTrees) {
  ParserTrainOptions opt;
  opt.epochs = 6;
  opt.seed = 5;
  opt.beam = 4;
  std::vector<ParserEpochReport> reports;
  const Parser p = train_parser(tiny_treebank(1, 80), tiny_treebank(2, 20), opt,
                                [&](const ParserEpochReport& r) { reports.push_back(r); });
  ASSERT_FALSE(reports.empty());
  EXPECT_EQ(p.beam_width(), 4);
  const auto test = tiny_treebank(9, 40);
  const auto out = parsed(p, test);
  for (const auto& s : out) expect_well_formed(s);
  const ParseScores sc = score_parses(test, out);
  EXPECT_GE(sc.uas(), 98.0);
  EXPECT_GE(sc.las(), 98.0);

  std::mt19937_64 rng(23);
  const std::vector<std::string> forms = {"the", "minister", "met", "Russia", ".", "in", "a"};
  for (size_t n : {size_t{1}, size_t{2}, size_t{50}, size_t{1000}}) {
    Sentence s;
    for (size_t i = 0; i < n; ++i) {
      Word w;
      w.form = forms[rng() % forms.size()];
      w.upos = i % 3 ? "NOUN" : "X";
      w.xpos = i % 2 ? "NN" : "";
      s.words.push_back(w);
    }
    p.parse(s);
    SCOPED_TRACE(n);
    expect_well_formed(s);
  }
}

void expect_same_parses(const std::vector<Sentence>& x, const std::vector<Sentence>& y) {
  ASSERT_EQ(x.size(), y.size());
  for (size_t i = 0; i < x.size(); ++i) {
    ASSERT_EQ(x[i].words.size(), y[i].words.size());
    for (size_t j = 0; j < x[i].words.size(); ++j) {
      EXPECT_EQ(x[i].words[j].head, y[i].words[j].head) << "sentence " << i << " word " << j;
      EXPECT_EQ(x[i].words[j].deprel, y[i].words[j].deprel) << "sentence " << i << " word " << j;
    }
  }
}

std::vector<Sentence> parsed_uncached(const Parser& p, std::vector<Sentence> sentences) {
  for (auto& s : sentences) p.parse_uncached(s);
  return sentences;
}

// The decoder's score caches must not change a single tree: parse() against
// parse_uncached(), which looks every feature up.
TEST(ParserBeam, CachedDecoderGivesTheUncachedTrees) {
  const Parser& p = tiny_parser();
  ASSERT_GT(p.beam_width(), 1);
  std::vector<Sentence> sentences = tiny_treebank(31, 60);
  std::mt19937_64 rng(7);
  const std::vector<std::string> forms = {"the", "minister", "met", "Russia", ".", "in", "a", "said", ","};
  for (size_t n : {size_t{1}, size_t{2}, size_t{3}, size_t{17}, size_t{120}}) {
    Sentence s;
    for (size_t i = 0; i < n; ++i) {
      Word w;
      w.form = forms[rng() % forms.size()];
      w.upos = i % 3 ? "NOUN" : "VERB";
      w.xpos = i % 2 ? "NN" : "VBD";
      s.words.push_back(w);
    }
    sentences.push_back(s);
  }
  expect_same_parses(parsed(p, sentences), parsed_uncached(p, sentences));
}

// A beam parser decoded with a narrower beam (the speed settings): well-formed trees,
// the cached decoder still agrees with the uncached one, and width 0 restores the
// model's own.
TEST(ParserBeam, DecodesWithANarrowerBeam) {
  ModelFile model;
  tiny_parser().save(model);
  Parser p = Parser::load(model, "tiny.dyadmodel");
  ASSERT_EQ(p.beam_width(), 4);
  const std::vector<Sentence> sentences = tiny_treebank(33, 40);
  const std::vector<Sentence> wide = parsed(p, sentences);
  for (int width : {1, 2}) {
    SCOPED_TRACE(width);
    p.set_beam_width(width);
    EXPECT_EQ(p.beam_width(), width);
    const std::vector<Sentence> narrow = parsed(p, sentences);
    for (const auto& s : narrow) expect_well_formed(s);
    expect_same_parses(narrow, parsed_uncached(p, sentences));
    EXPECT_GE(score_parses(sentences, narrow).uas(), 90.0);
  }
  p.set_beam_width(0);
  EXPECT_EQ(p.beam_width(), 4);
  expect_same_parses(parsed(p, sentences), wide);
}

// A greedy model is not decoded with a beam: it was not trained to rank sequences.
TEST(ParserGreedy, StaysGreedyWhenAskedForABeam) {
  ParserTrainOptions opt;
  opt.epochs = 4;
  opt.seed = 3;
  opt.beam = 0;
  Parser p = train_parser(tiny_treebank(1, 60), {}, opt);
  const std::vector<Sentence> sentences = tiny_treebank(34, 30);
  const std::vector<Sentence> greedy = parsed(p, sentences);
  p.set_beam_width(4);
  EXPECT_EQ(p.beam_width(), 1);
  expect_same_parses(parsed(p, sentences), greedy);
}

TEST(ParserBeam, DeterministicForSeedAndRoundTrips) {
  ParserTrainOptions opt;
  opt.epochs = 3;
  opt.seed = 11;
  opt.beam = 3;
  const auto train = tiny_treebank(4, 40);
  const Parser a = train_parser(train, tiny_treebank(5, 10), opt);
  const Parser b = train_parser(train, tiny_treebank(5, 10), opt);
  ModelFile ma, mb;
  a.save(ma);
  b.save(mb);
  EXPECT_EQ(ma.sections.at("parser"), mb.sections.at("parser"));
  const Parser back = Parser::load(ma, "beam.dyadmodel");
  EXPECT_EQ(back.beam_width(), 3);
  const auto sentences = tiny_treebank(12, 30);
  const auto x = parsed(a, sentences);
  const auto y = parsed(back, sentences);
  for (size_t i = 0; i < x.size(); ++i)
    for (size_t j = 0; j < x[i].words.size(); ++j) {
      EXPECT_EQ(x[i].words[j].head, y[i].words[j].head);
      EXPECT_EQ(x[i].words[j].deprel, y[i].words[j].deprel);
    }
  EXPECT_EQ(tiny_parser().beam_width(), ParserTrainOptions{}.beam);
}

TEST(ParserModel, SerializationRoundTripGivesIdenticalParses) {
  const Parser& p = tiny_parser();
  ModelFile model;
  p.save(model);
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("dyad_parser_test_" + std::to_string(::getpid()) + ".dyadmodel"))
                               .string();
  model.write(path);
  const Parser back = Parser::load(path);
  std::filesystem::remove(path);
  EXPECT_EQ(back.labels(), p.labels());
  EXPECT_EQ(back.feature_count(), p.feature_count());
  const auto sentences = tiny_treebank(12, 40);
  const auto a = parsed(p, sentences);
  const auto b = parsed(back, sentences);
  for (size_t i = 0; i < a.size(); ++i)
    for (size_t j = 0; j < a[i].words.size(); ++j) {
      EXPECT_EQ(a[i].words[j].head, b[i].words[j].head);
      EXPECT_EQ(a[i].words[j].deprel, b[i].words[j].deprel);
    }
  ModelFile again;
  back.save(again);
  EXPECT_EQ(again.sections.at("parser"), model.sections.at("parser"));
}

TEST(ParserModel, CorruptSectionIsRefusedWithClearError) {
  ModelFile model;
  tiny_parser().save(model);
  const std::string good = model.sections.at("parser");

  auto expect_refused = [](const ModelFile& m, const std::string& needle) {
    try {
      Parser::load(m, "bad.dyadmodel");
      ADD_FAILURE() << "a corrupt section was accepted";
    } catch (const ModelFormatError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find("bad.dyadmodel"), std::string::npos) << what;
      EXPECT_NE(what.find(needle), std::string::npos) << what;
    }
  };
  ModelFile m = model;
  m.sections["parser"] = good.substr(0, good.size() / 2);  // cut inside a weight array
  expect_refused(m, "section parser: array longer than the data left");
  m.sections["parser"] = good.substr(0, 20);
  expect_refused(m, "truncated");
  m.sections["parser"] = "XXXXXXXX" + good.substr(8);
  expect_refused(m, "not a parser section");
  m.sections["parser"] = good + "extra";
  expect_refused(m, "trailing");
  m.sections["parser"] = good;
  m.sections["parser"][8] = 99;  // section version
  expect_refused(m, "version");
  m.sections["parser"] = "";
  expect_refused(m, "truncated");
  ModelFile none;
  none.sections["tagger"] = "x";
  expect_refused(none, "parser");
}

TEST(ParserRobustness, OddInputsParseToWellFormedTrees) {
  const Parser& p = tiny_parser();
  std::mt19937_64 rng(17);
  const std::vector<std::string> forms = {"the", "minister", "met", "Russia", ".",
                                          ",",   "in",       "a",   "new",    "said"};
  const std::vector<std::pair<std::string, std::string>> tags = {
      {"DET", "DT"}, {"NOUN", "NN"}, {"VERB", "VBD"}, {"PROPN", "NNP"}, {"PUNCT", "."}, {"", ""}, {"X", "_"}};
  auto random_sentence = [&](size_t n) {
    Sentence s;
    for (size_t i = 0; i < n; ++i) {
      Word w;
      w.form = forms[rng() % forms.size()];
      const auto& t = tags[rng() % tags.size()];
      w.upos = t.first;
      w.xpos = t.second;
      s.words.push_back(w);
    }
    return s;
  };
  for (size_t n : {size_t{1}, size_t{2}, size_t{300}, size_t{3000}}) {
    Sentence s = random_sentence(n);
    p.parse(s);
    SCOPED_TRACE(n);
    expect_well_formed(s);
  }
  Sentence empty;
  p.parse(empty);
  EXPECT_TRUE(empty.words.empty());

  Sentence odd = make({{"\xF0\x9F\x98\x80", "SYM", "NFP", 0, ""},
                       {"na\xC3\xAFve", "ADJ", "JJ", 0, ""},
                       {"\xE2\x80\x8B", "", "", 0, ""},
                       {"e\xCC\x81", "X", "FW", 0, ""},
                       {"\xFF\xFE", "X", "_", 0, ""},
                       {"", "", "", 0, ""},
                       {"\xD8\xB1\xD9\x88\xD8\xB3\xD9\x8A\xD8\xA7", "PROPN", "NNP", 0, ""}});
  p.parse(odd);
  expect_well_formed(odd);

  Sentence headline = make({{"RUSSIA", "PROPN", "NNP", 0, ""},
                            {"SLAMS", "PROPN", "NNP", 0, ""},
                            {"US", "PROPN", "NNP", 0, ""},
                            {"OVER", "ADP", "IN", 0, ""},
                            {"NEW", "ADJ", "JJ", 0, ""},
                            {"SANCTIONS", "NOUN", "NNS", 0, ""}});
  p.parse(headline);
  expect_well_formed(headline);
}

TEST(ParserModel, UntrainedParserThrows) {
  Parser p;
  EXPECT_TRUE(p.empty());
  Sentence s = make({{"x", "X", "X", 0, ""}});
  EXPECT_THROW(p.parse(s), std::logic_error);
}

TEST(ParseScores, CountsHeadsAndFullAndUniversalLabels) {
  const Sentence gold =
      make({{"a", "", "", 1, "nsubj:pass"}, {"b", "", "", -1, "root"}, {"c", "", "", 1, "obj"}});
  Sentence pred = gold;
  pred.words[0].deprel = "nsubj";  // right head, right universal label, wrong subtype
  pred.words[2].head = 0;          // wrong head
  const ParseScores sc = score_parse(gold, pred);
  EXPECT_EQ(sc.words, 3u);
  EXPECT_EQ(sc.heads, 2u);
  EXPECT_EQ(sc.labeled, 1u);
  EXPECT_EQ(sc.labeled_universal, 2u);
  EXPECT_NEAR(sc.uas(), 66.67, 0.01);
  EXPECT_THROW(score_parse(gold, Sentence{}), std::invalid_argument);
}

TEST(ParseScores, ReadsConlluHeadsZeroBased) {
  const auto conllu = io::parse_conllu(
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tprotested\tprotest\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
  ASSERT_EQ(conllu.size(), 1u);
  const Sentence s = parser_sentence_from_conllu(conllu[0]);
  ASSERT_EQ(s.words.size(), 2u);
  EXPECT_EQ(s.words[0].head, 1);
  EXPECT_EQ(s.words[1].head, -1);
  EXPECT_EQ(s.words[0].xpos, "NNP");
}

// The shipped model on EWT dev with gold tags (skips without the model or the data).
TEST(ParserModel, ShippedModelParsesEwtDev) {
  const auto model = testing::source_dir() / "data/models/en_ewt.dyadmodel";
  if (!std::filesystem::exists(model)) GTEST_SKIP() << "no " << model;
  DYAD_REQUIRE_SHARED("ud/en_ewt/en_ewt-ud-dev.conllu", dev_path);
  const Parser p = Parser::load(model.string());
  const auto gold = parser_sentences_from_conllu(io::read_conllu_file(dev_path.string()));
  std::vector<Sentence> pred = gold;
  for (auto& s : pred) {
    p.parse(s);
    expect_well_formed(s);
  }
  const ParseScores sc = score_parses(gold, pred);
  EXPECT_GT(sc.uas(), 85.0);
  EXPECT_GT(sc.las(), 82.0);
}

// The shipped model's cached decoder against the uncached one on EWT dev.
TEST(ParserModel, ShippedModelCachedDecoderGivesTheUncachedTrees) {
  const auto model = testing::source_dir() / "data/models/en_ewt.dyadmodel";
  if (!std::filesystem::exists(model)) GTEST_SKIP() << "no " << model;
  DYAD_REQUIRE_SHARED("ud/en_ewt/en_ewt-ud-dev.conllu", dev_path);
  const Parser p = Parser::load(model.string());
  const auto gold = parser_sentences_from_conllu(io::read_conllu_file(dev_path.string()));
  expect_same_parses(parsed(p, gold), parsed_uncached(p, gold));
}

}  // namespace
}  // namespace dyad::nlp
