// Speed of tagging + lemmatising + parsing, on the path `dyad parse` takes: wikinews
// articles (../shared/data/news/wikinews) through the text front end, then
// Pipeline::annotate on every sentence with the committed model. Counters:
//   BM_Annotate          words/s of annotate() alone (sentences already split)
//   BM_FrontEndAnnotate  words/s of analyse() + annotate(), as `dyad parse` runs per article
//   BM_LoadModel         time to load data/models/en_ewt.dyadmodel
// Each annotate benchmark runs with the default settings (/0) and with
// DecodeSettings::fast() (/1), what `--speed fast` selects.
// Run: build/release/bench/pipeline_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "dyad/io/article_stream.h"
#include "dyad/nlp/pipeline.h"
#include "dyad/text/front_end.h"

namespace {

std::filesystem::path shared_data() {
  if (const char* env = std::getenv("DYAD_SHARED_DATA"); env && *env) return env;
  return std::filesystem::path(DYAD_SOURCE_DIR).parent_path() / "shared" / "data";
}

std::string model_path() {
  return (std::filesystem::path(DYAD_SOURCE_DIR) / "data" / "models" / dyad::nlp::kDefaultModelName).string();
}

std::vector<dyad::Article> load_articles() {
  std::vector<std::string> files;
  for (const char* name : {"wikinews_2019.csv", "wikinews_2020.csv"}) {
    auto path = shared_data() / "news" / "wikinews" / name;
    if (std::filesystem::exists(path)) files.push_back(path.string());
  }
  dyad::Diagnostics diags;
  dyad::io::ArticleStream stream(files, {}, diags);
  std::vector<dyad::Article> articles;
  dyad::Article article;
  while (stream.next(article)) {
    dyad::text::analyse(article);
    articles.push_back(article);
  }
  return articles;
}

const dyad::nlp::Pipeline& accurate_pipeline() {
  static const dyad::nlp::Pipeline p = dyad::nlp::Pipeline::load(model_path());
  return p;
}

const dyad::nlp::Pipeline& fast_pipeline() {
  static const dyad::nlp::Pipeline p =
      dyad::nlp::Pipeline::load(model_path(), dyad::nlp::DecodeSettings::fast());
  return p;
}

void BM_Annotate(benchmark::State& state) {
  static const std::vector<dyad::Article> corpus = load_articles();
  if (corpus.empty()) return state.SkipWithError("needs ../shared/data/news/wikinews/*.csv");
  std::vector<dyad::Article> articles = corpus;
  const dyad::nlp::Pipeline& pipeline = state.range(0) ? fast_pipeline() : accurate_pipeline();
  int64_t words = 0;
  for (auto _ : state)
    for (auto& article : articles)
      for (auto& sentence : article.sentences) {
        pipeline.annotate(sentence);
        words += static_cast<int64_t>(sentence.words.size());
      }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Annotate)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_FrontEndAnnotate(benchmark::State& state) {
  static const std::vector<dyad::Article> corpus = load_articles();
  if (corpus.empty()) return state.SkipWithError("needs ../shared/data/news/wikinews/*.csv");
  std::vector<dyad::Article> articles = corpus;
  const dyad::nlp::Pipeline& pipeline = state.range(0) ? fast_pipeline() : accurate_pipeline();
  int64_t words = 0, bytes = 0;
  for (auto _ : state)
    for (auto& article : articles) {
      dyad::text::analyse(article);
      for (auto& sentence : article.sentences) {
        pipeline.annotate(sentence);
        words += static_cast<int64_t>(sentence.words.size());
      }
      bytes += static_cast<int64_t>(article.text.size());
    }
  state.SetBytesProcessed(bytes);
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FrontEndAnnotate)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_LoadModel(benchmark::State& state) {
  const dyad::nlp::DecodeSettings settings =
      state.range(0) ? dyad::nlp::DecodeSettings::fast() : dyad::nlp::DecodeSettings::accurate();
  for (auto _ : state) benchmark::DoNotOptimize(dyad::nlp::Pipeline::load(model_path(), settings));
}
BENCHMARK(BM_LoadModel)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
