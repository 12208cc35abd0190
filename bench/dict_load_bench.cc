// Time to read the Phoenix dictionaries (../shared/data/petrarch/phoenix), one benchmark
// per file kind and one for the whole set the coder loads:
//   BM_LoadVerbs      CAMEO.2.0.txt
//   BM_LoadActors     Phoenix.Countries, .International and .MilNonState actors
//   BM_LoadAgents     Phoenix.agents.txt
//   BM_LoadDiscards   Phoenix.discards.txt
//   BM_LoadIssues     Phoenix.IssueCoding.txt
//   BM_LoadCodebook   data/cameo/cameo_codes.tsv (the CAMEO codebook Dyad ships)
//   BM_LoadWholeSet   all of the above, as one dictionary set
// Each reads the files from disk (page cache) every iteration. Without ../shared/data the
// Phoenix benchmarks are skipped with a message.
// Run: build/release/bench/dict_load_bench
//      /usr/bin/time -v build/release/bench/dict_load_bench --benchmark_filter=Whole  (peak RSS)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "dyad/dict/actors.h"
#include "dyad/dict/agents.h"
#include "dyad/dict/cameo_codebook.h"
#include "dyad/dict/discards.h"
#include "dyad/dict/issues.h"
#include "dyad/dict/verbs.h"

namespace {

namespace fs = std::filesystem;
using namespace dyad;
using namespace dyad::dict;

fs::path phoenix() {
  if (const char* env = std::getenv("DYAD_SHARED_DATA"); env && *env)
    return fs::path(env) / "petrarch" / "phoenix";
  return fs::path(DYAD_SOURCE_DIR).parent_path() / "shared" / "data" / "petrarch" / "phoenix";
}

bool have_phoenix(benchmark::State& state) {
  if (fs::exists(phoenix() / "CAMEO.2.0.txt")) return true;
  state.SkipWithError(("needs the Phoenix dictionaries in " + phoenix().string()).c_str());
  return false;
}

constexpr const char* kActorFiles[] = {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                                       "Phoenix.MilNonState.actors.txt"};

void set_bytes(benchmark::State& state, std::initializer_list<fs::path> files) {
  int64_t bytes = 0;
  for (const fs::path& f : files) bytes += static_cast<int64_t>(fs::file_size(f));
  state.SetBytesProcessed(bytes * state.iterations());
}

void BM_LoadVerbs(benchmark::State& state) {
  if (!have_phoenix(state)) return;
  size_t patterns = 0;
  for (auto _ : state) {
    Diagnostics diags([](const Diagnostic&) {});
    VerbDictionary d = load_verb_dictionary(phoenix() / "CAMEO.2.0.txt", diags);
    patterns = d.patterns().size();
    benchmark::DoNotOptimize(d);
  }
  state.counters["patterns"] = static_cast<double>(patterns);
  set_bytes(state, {phoenix() / "CAMEO.2.0.txt"});
}

void BM_LoadActors(benchmark::State& state) {
  if (!have_phoenix(state)) return;
  size_t actors = 0;
  for (auto _ : state) {
    Diagnostics diags([](const Diagnostic&) {});
    ActorDictionary d;
    for (const char* f : kActorFiles) d.load_file(phoenix() / f, diags);
    actors = d.size();
    benchmark::DoNotOptimize(d);
  }
  state.counters["actors"] = static_cast<double>(actors);
  set_bytes(state, {phoenix() / kActorFiles[0], phoenix() / kActorFiles[1], phoenix() / kActorFiles[2]});
}

template <class Dict>
void load_one(benchmark::State& state, const char* file) {
  if (!have_phoenix(state)) return;
  size_t entries = 0;
  for (auto _ : state) {
    Diagnostics diags([](const Diagnostic&) {});
    Dict d;
    d.load_file(phoenix() / file, diags);
    entries = d.size();
    benchmark::DoNotOptimize(d);
  }
  state.counters["entries"] = static_cast<double>(entries);
  set_bytes(state, {phoenix() / file});
}

void BM_LoadAgents(benchmark::State& state) { load_one<AgentDictionary>(state, "Phoenix.agents.txt"); }
void BM_LoadDiscards(benchmark::State& state) { load_one<DiscardList>(state, "Phoenix.discards.txt"); }
void BM_LoadIssues(benchmark::State& state) { load_one<IssueDictionary>(state, "Phoenix.IssueCoding.txt"); }

void BM_LoadCodebook(benchmark::State& state) {
  const fs::path table = fs::path(DYAD_SOURCE_DIR) / "data" / kDefaultCodebookName;
  for (auto _ : state) {
    Diagnostics diags([](const Diagnostic&) {});
    CameoCodebook book;
    book.load(table, diags);
    benchmark::DoNotOptimize(book);
  }
  set_bytes(state, {table});
}

void BM_LoadWholeSet(benchmark::State& state) {
  if (!have_phoenix(state)) return;
  for (auto _ : state) {
    Diagnostics diags([](const Diagnostic&) {});
    VerbDictionary verbs = load_verb_dictionary(phoenix() / "CAMEO.2.0.txt", diags);
    ActorDictionary actors;
    for (const char* f : kActorFiles) actors.load_file(phoenix() / f, diags);
    AgentDictionary agents;
    agents.load_file(phoenix() / "Phoenix.agents.txt", diags);
    DiscardList discards;
    discards.load_file(phoenix() / "Phoenix.discards.txt", diags);
    IssueDictionary issues;
    issues.load_file(phoenix() / "Phoenix.IssueCoding.txt", diags);
    CameoCodebook codebook;
    codebook.load(fs::path(DYAD_SOURCE_DIR) / "data" / kDefaultCodebookName, diags);
    benchmark::DoNotOptimize(verbs);
    benchmark::DoNotOptimize(actors);
    benchmark::DoNotOptimize(agents);
    benchmark::DoNotOptimize(discards);
    benchmark::DoNotOptimize(issues);
    benchmark::DoNotOptimize(codebook);
  }
  set_bytes(state, {phoenix() / "CAMEO.2.0.txt", phoenix() / kActorFiles[0], phoenix() / kActorFiles[1],
                    phoenix() / kActorFiles[2], phoenix() / "Phoenix.agents.txt",
                    phoenix() / "Phoenix.discards.txt", phoenix() / "Phoenix.IssueCoding.txt"});
}

BENCHMARK(BM_LoadVerbs)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadActors)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadAgents)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadDiscards)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadIssues)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadCodebook)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LoadWholeSet)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
