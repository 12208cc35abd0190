// Throughput of the tagger and the lemmatiser on the UD EWT dev set (gold
// tokenisation, words already in memory), with the model in
// data/models/en_ewt.dyadmodel (or $DYAD_TAGGER_MODEL):
//   BM_Tag              Tagger::tag (fills upos, xpos)
//   BM_TagAndLemmatize  tag_and_lemmatize (fills upos, xpos, lemma)
//   BM_LoadModel        reading the model file and both sections
// items_per_second counts words. Run: build/release/bench/tagger_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "dyad/io/conllu.h"
#include "dyad/nlp/lemmatizer.h"
#include "dyad/nlp/model_file.h"
#include "dyad/nlp/tagger.h"

namespace {

std::filesystem::path shared_data() {
  if (const char* env = std::getenv("DYAD_SHARED_DATA"); env && *env) return env;
  return std::filesystem::path(DYAD_SOURCE_DIR).parent_path() / "shared" / "data";
}

std::string model_path() {
  if (const char* env = std::getenv("DYAD_TAGGER_MODEL"); env && *env) return env;
  return (std::filesystem::path(DYAD_SOURCE_DIR) / "data" / "models" / "en_ewt.dyadmodel").string();
}

struct Fixture {
  bool ok = false;
  std::string why;
  dyad::nlp::Tagger tagger;
  dyad::nlp::Lemmatizer lemmatizer;
  std::vector<dyad::Sentence> sentences;
  size_t words = 0;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture f;
    const auto dev = shared_data() / "ud" / "en_ewt" / "en_ewt-ud-dev.conllu";
    if (!std::filesystem::exists(dev) || !std::filesystem::exists(model_path())) {
      f.why = "needs " + dev.string() + " and " + model_path();
      return f;
    }
    const auto model = dyad::nlp::ModelFile::read(model_path());
    f.tagger = dyad::nlp::Tagger::load(model, model_path());
    f.lemmatizer = dyad::nlp::Lemmatizer::load(model, model_path());
    for (const auto& s : dyad::io::read_conllu_file(dev.string())) {
      dyad::Sentence sentence;
      for (const auto& w : s.words) {
        dyad::Word word;
        word.form = w.form;
        sentence.words.push_back(word);
      }
      f.words += sentence.words.size();
      f.sentences.push_back(std::move(sentence));
    }
    f.ok = true;
    return f;
  }();
  return f;
}

void BM_Tag(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.ok) {
    state.SkipWithError(f.why.c_str());
    return;
  }
  std::vector<dyad::Sentence> sentences = f.sentences;
  for (auto _ : state)
    for (auto& s : sentences) f.tagger.tag(s);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(f.words));
}
BENCHMARK(BM_Tag)->Unit(benchmark::kMillisecond);

void BM_TagAndLemmatize(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.ok) {
    state.SkipWithError(f.why.c_str());
    return;
  }
  std::vector<dyad::Sentence> sentences = f.sentences;
  for (auto _ : state)
    for (auto& s : sentences) dyad::nlp::tag_and_lemmatize(f.tagger, f.lemmatizer, s);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(f.words));
}
BENCHMARK(BM_TagAndLemmatize)->Unit(benchmark::kMillisecond);

void BM_LoadModel(benchmark::State& state) {
  if (!std::filesystem::exists(model_path())) {
    state.SkipWithError(("needs " + model_path()).c_str());
    return;
  }
  for (auto _ : state) {
    const auto model = dyad::nlp::ModelFile::read(model_path());
    benchmark::DoNotOptimize(dyad::nlp::Tagger::load(model, model_path()));
    benchmark::DoNotOptimize(dyad::nlp::Lemmatizer::load(model, model_path()));
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
