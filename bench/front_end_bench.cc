// Throughput of the text front end (cleaning, sentence splitting, tokenisation)
// on real news: ../shared/data/news/wikinews. Two figures:
//   BM_FrontEnd            analyse() on articles already in memory;
//   BM_ReadAndFrontEnd     the `dyad split` path without JSON output: reading
//   the CSV
//                          files through ArticleStream, then analyse().
// bytes_per_second counts article text bytes. Run:
// build/release/bench/front_end_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "dyad/io/article_stream.h"
#include "dyad/text/front_end.h"

namespace {

std::filesystem::path wikinews_dir() {
  if (const char* env = std::getenv("DYAD_SHARED_DATA"); env && *env)
    return std::filesystem::path(env) / "news" / "wikinews";
  return std::filesystem::path(DYAD_SOURCE_DIR).parent_path() / "shared" / "data" / "news" / "wikinews";
}

std::vector<std::string> wikinews_files() {
  std::vector<std::string> files;
  for (const char* name : {"wikinews_2019.csv", "wikinews_2020.csv"}) {
    auto path = wikinews_dir() / name;
    if (std::filesystem::exists(path)) files.push_back(path.string());
  }
  return files;
}

std::vector<dyad::Article> load_articles() {
  dyad::Diagnostics diags;
  dyad::io::ArticleStream stream(wikinews_files(), {}, diags);
  std::vector<dyad::Article> articles;
  dyad::Article article;
  while (stream.next(article)) articles.push_back(article);
  return articles;
}

void BM_FrontEnd(benchmark::State& state) {
  static const std::vector<dyad::Article> corpus = load_articles();
  if (corpus.empty()) {
    state.SkipWithError("needs ../shared/data/news/wikinews/*.csv");
    return;
  }
  std::vector<dyad::Article> articles = corpus;
  int64_t bytes = 0;
  size_t sentences = 0;
  for (auto _ : state) {
    for (auto& article : articles) {
      dyad::text::analyse(article);
      bytes += static_cast<int64_t>(article.text.size());
      sentences += article.sentences.size();
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FrontEnd)->Unit(benchmark::kMillisecond);

void BM_ReadAndFrontEnd(benchmark::State& state) {
  const std::vector<std::string> files = wikinews_files();
  if (files.empty()) {
    state.SkipWithError("needs ../shared/data/news/wikinews/*.csv");
    return;
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    dyad::Diagnostics diags;
    dyad::io::ArticleStream stream(files, {}, diags);
    dyad::Article article;
    while (stream.next(article)) {
      dyad::text::analyse(article);
      bytes += static_cast<int64_t>(article.text.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ReadAndFrontEnd)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
