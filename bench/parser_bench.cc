// Throughput of the dependency parser on EWT dev (../shared/data/ud/en_ewt), gold
// tokenisation, the tags as they are in the file. Figures:
//   BM_Parse      Parser::parse() alone; items_per_second = words per second.
//   BM_LoadModel  reading data/models/en_ewt.dyadmodel and building the tables.
// Run: build/release/bench/parser_bench   (model: $DYAD_PARSER_MODEL or
// data/models/en_ewt.dyadmodel)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "dyad/io/conllu.h"
#include "dyad/nlp/parser.h"
#include "dyad/nlp/parser_eval.h"

namespace {

std::filesystem::path shared_data() {
  if (const char* env = std::getenv("DYAD_SHARED_DATA"); env && *env) return env;
  return std::filesystem::path(DYAD_SOURCE_DIR).parent_path() / "shared" / "data";
}

std::string model_path() {
  if (const char* env = std::getenv("DYAD_PARSER_MODEL"); env && *env) return env;
  return (std::filesystem::path(DYAD_SOURCE_DIR) / "data" / "models" / "en_ewt.dyadmodel").string();
}

std::vector<dyad::Sentence> dev_sentences() {
  const auto path = shared_data() / "ud" / "en_ewt" / "en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) return {};
  return dyad::nlp::parser_sentences_from_conllu(dyad::io::read_conllu_file(path.string()));
}

void BM_Parse(benchmark::State& state) {
  static const std::vector<dyad::Sentence> corpus = dev_sentences();
  if (corpus.empty() || !std::filesystem::exists(model_path())) {
    state.SkipWithError("needs ../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu and the parser model");
    return;
  }
  static const dyad::nlp::Parser parser = dyad::nlp::Parser::load(model_path());
  std::vector<dyad::Sentence> sentences = corpus;
  int64_t words = 0;
  for (auto _ : state) {
    for (auto& s : sentences) {
      parser.parse(s);
      words += static_cast<int64_t>(s.words.size());
    }
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(words);
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

void BM_LoadModel(benchmark::State& state) {
  if (!std::filesystem::exists(model_path())) {
    state.SkipWithError("needs the parser model");
    return;
  }
  for (auto _ : state) {
    dyad::nlp::Parser p = dyad::nlp::Parser::load(model_path());
    benchmark::DoNotOptimize(p.feature_count());
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
