// Speed of `dyad code` (issue #5): wikinews articles (../shared/data/news/wikinews) to
// events with the whole Phoenix dictionary set (../shared/data/petrarch/phoenix), on the
// path cmd_code.cc takes: doc::code_document per article (coder::code_article: front end,
// tagger, lemmatiser, parser, coder; then doc::resolve_document, the document stage: actors across sentences,
// dates, places, domestic actors' countries), then the JSON Lines event writer (into a null stream). The
// dictionaries, the model, the codebook, the gazetteer and the articles are loaded once. Counters:
//   BM_CodeArticles/threads:N/fast:F/db:D
//                              sentences/s and events/s of a whole pass over the corpus,
//                              articles coded in batches of 64 with parallel_for on N
//                              threads, as `dyad code --threads N` does (real time);
//                              fast:1 is `--speed fast` (DecodeSettings::fast()); db:1
//                              writes a new SQLite database (`--out FILE.db`: event
//                              groups, transactions) instead of JSON Lines
//   BM_CoderOnly               sentences/s of Coder::code alone, on sentences already
//                              split and parsed: the coder's share of the time
// Run: build/release/bench/code_bench ($DYAD_SHARED_DATA names another data directory)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "dyad/coder/article_coder.h"
#include "dyad/coder/coder.h"
#include "dyad/core/parallel.h"
#include "dyad/dict/cameo_codebook.h"
#include "dyad/dict/dictionary_set.h"
#include "dyad/doc/document.h"
#include "dyad/doc/near_duplicates.h"
#include "dyad/doc/places.h"
#include "dyad/io/article_stream.h"
#include "dyad/nlp/pipeline.h"
#include "dyad/store/event_writer.h"
#include "dyad/store/sqlite_store.h"
#include "dyad/text/front_end.h"

namespace {

constexpr size_t kBatchArticles = 64;  // as in apps/dyad/cmd_code.cc

std::filesystem::path shared_data() {
  if (const char* env = std::getenv("DYAD_SHARED_DATA"); env && *env) return env;
  return std::filesystem::path(DYAD_SOURCE_DIR).parent_path() / "shared" / "data";
}

// Everything `dyad code` loads before the first article, and the articles.
struct Setup {
  bool ok = false;
  dyad::dict::DictionarySet dicts;
  dyad::dict::CameoCodebook codebook;
  std::unique_ptr<dyad::nlp::Pipeline> pipeline;
  std::unique_ptr<dyad::nlp::Pipeline> fast_pipeline;
  std::unique_ptr<dyad::coder::Coder> coder;
  std::unique_ptr<dyad::doc::Gazetteer> gazetteer;
  std::vector<dyad::Article> articles;  // as read, before the front end
  std::vector<dyad::Article> parsed;    // split, tagged and parsed (for BM_CoderOnly)
  int64_t sentences = 0;                // in one pass over `articles`

  Setup() {
    const auto phoenix = shared_data() / "petrarch" / "phoenix";
    const auto wikinews = shared_data() / "news" / "wikinews";
    if (!std::filesystem::is_directory(phoenix) || !std::filesystem::is_directory(wikinews)) return;
    dyad::Diagnostics diags;  // Phoenix has a few dozen problems; they are collected, not printed
    if (!dyad::dict::load_dictionary_set(phoenix, dicts, diags)) return;
    dyad::coder::CoderOptions options;
    options.apply(dicts.config, diags);
    dyad::dict::load_default_codebook(codebook, diags);
    pipeline =
        std::make_unique<dyad::nlp::Pipeline>(dyad::nlp::Pipeline::load(dyad::nlp::find_default_model()));
    fast_pipeline = std::make_unique<dyad::nlp::Pipeline>(
        dyad::nlp::Pipeline::load(dyad::nlp::find_default_model(), dyad::nlp::DecodeSettings::fast()));
    coder = std::make_unique<dyad::coder::Coder>(dicts, options);
    gazetteer = std::make_unique<dyad::doc::Gazetteer>(dyad::doc::Gazetteer::load_default());

    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(wikinews))
      if (entry.path().extension() == ".csv") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    dyad::io::ArticleStream stream(files, {}, diags);
    dyad::Article article;
    while (stream.next(article)) {
      articles.push_back(article);
      article = dyad::Article{};
    }
    parsed = articles;
    for (auto& a : parsed) {
      dyad::text::analyse(a);
      for (auto& sentence : a.sentences) pipeline->annotate(sentence);
      sentences += static_cast<int64_t>(a.sentences.size());
    }
    ok = !articles.empty();
  }
};

const Setup& setup() {
  static const Setup s;
  return s;
}

// Discards everything written to it.
class NullBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

// One pass over the corpus as cmd_code.cc makes it: batches coded in parallel, then in
// input order near-copy detection and writing. Returns the sentences coded.
int64_t code_corpus(const Setup& s, const dyad::nlp::Pipeline& pipeline, int threads,
                    dyad::store::EventWriter& writer) {
  dyad::doc::NearDuplicateDetector detector;
  std::vector<dyad::Article> batch;
  std::vector<std::vector<dyad::Event>> events;
  int64_t sentences = 0;
  for (size_t first = 0; first < s.articles.size(); first += kBatchArticles) {
    const size_t n = std::min(kBatchArticles, s.articles.size() - first);
    batch.assign(s.articles.begin() + static_cast<ptrdiff_t>(first),
                 s.articles.begin() + static_cast<ptrdiff_t>(first + n));
    events.assign(n, {});
    dyad::parallel_for(n, threads, [&](size_t i) {
      dyad::coder::ArticleCoding coding =
          dyad::doc::code_document(batch[i], pipeline, *s.coder, *s.gazetteer);
      events[i] = std::move(coding.events);
    });
    for (size_t i = 0; i < n; ++i) {
      batch[i].duplicate_of = detector.check(batch[i]).duplicate_of;
      writer.write(batch[i], events[i]);
      sentences += static_cast<int64_t>(batch[i].sentences.size());
    }
  }
  return sentences;
}

void BM_CodeArticles(benchmark::State& state) {
  const Setup& s = setup();
  if (!s.ok) return state.SkipWithError("needs ../shared/data/petrarch/phoenix and news/wikinews/*.csv");
  const int threads = static_cast<int>(state.range(0));
  const dyad::nlp::Pipeline& pipeline = state.range(1) ? *s.fast_pipeline : *s.pipeline;
  const bool database = state.range(2) != 0;
  const dyad::store::RunInfo run{"bench", pipeline.checksum(), s.dicts.hash, "phoenix"};
  const auto db_path = std::filesystem::temp_directory_path() / "dyad-code-bench.db";
  NullBuffer null_buffer;
  std::ostream null_stream(&null_buffer);
  int64_t sentences = 0;
  uint64_t events = 0;
  for (auto _ : state) {
    std::unique_ptr<dyad::store::EventWriter> writer;
    if (database) {
      // A new database each pass: coding into one that holds the articles adds nothing.
      state.PauseTiming();
      std::filesystem::remove(db_path);
      state.ResumeTiming();
      writer = std::make_unique<dyad::store::DatabaseWriter>(db_path, s.codebook);
    } else {
      writer = dyad::store::make_event_writer(dyad::store::EventFormat::kJsonl, null_stream, s.codebook);
    }
    writer->begin(run);
    sentences += code_corpus(s, pipeline, threads, *writer);
    writer->end();
    events += writer->events_written();
  }
  std::filesystem::remove(db_path);
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["sentences"] = static_cast<double>(s.sentences);
  state.counters["events"] =
      static_cast<double>(events) / static_cast<double>(std::max<int64_t>(state.iterations(), 1));
}
BENCHMARK(BM_CodeArticles)
    ->ArgNames({"threads", "fast", "db"})
    ->Args({1, 0, 0})
    ->Args({2, 0, 0})
    ->Args({1, 1, 0})
    ->Args({1, 0, 1})
    ->Args({1, 1, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_CoderOnly(benchmark::State& state) {
  const Setup& s = setup();
  if (!s.ok) return state.SkipWithError("needs ../shared/data/petrarch/phoenix and news/wikinews/*.csv");
  int64_t sentences = 0, events = 0;
  for (auto _ : state)
    for (const auto& article : s.parsed) {
      const int32_t date = dyad::coder::compact_date(article.story_date);
      for (uint32_t i = 0; i < article.sentences.size(); ++i) {
        const dyad::coder::SentenceCoding coding = s.coder->code(article.sentences[i], date, i);
        events += static_cast<int64_t>(coding.events.size());
        ++sentences;
      }
    }
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CoderOnly)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
