// dyad code: news articles in, events out: the whole pipeline, from raw bytes through
// the front end, the parser and the coder to the event writer.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "command.h"
#include "dictionary_choice.h"
#include "dyad/coder/article_coder.h"
#include "dyad/core/parallel.h"
#include "dyad/core/version.h"
#include "dyad/dict/cameo_codebook.h"
#include "dyad/doc/document.h"
#include "dyad/doc/near_duplicates.h"
#include "dyad/doc/new_actors.h"
#include "dyad/doc/places.h"
#include "dyad/io/shard.h"
#include "dyad/nlp/pipeline.h"
#include "dyad/store/event_writer.h"
#include "dyad/store/sqlite_store.h"
#include "input_options.h"
#include "model_choice.h"

namespace dyad::app {
namespace {

// Articles are coded a batch at a time on the threads, then written in input order, so
// the output is the same for any --threads.
constexpr size_t kBatchArticles = 64;

struct CodeCommand {
  InputOptions input;
  std::string dictionaries;
  ModelChoice model;
  std::string gazetteer_file;
  std::string format = "jsonl";
  std::string out;
  bool resume = false;
  int event_window = 1;
  std::string shard = "1/1";
  std::string new_actors;
  double duplicate_threshold = 0.8;
  bool keep_duplicates = false;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  int run() {
    store::EventFormat event_format;
    if (!store::parse_event_format(format, event_format))
      throw CLI::ValidationError(
          "--format", "unknown output format '" + format + "' (use jsonl, table, tsv, gdelt or petrarch)");
    if (threads < 1) throw CLI::ValidationError("--threads", "must be at least 1");
    const bool database = store::is_database_path(out);  // --out FILE.db: SQLite (store/sqlite_store.h)
    if (resume && !database)
      throw CLI::ValidationError("--resume", "needs --out FILE.db (a database to resume)");
    if (event_window < 1) throw CLI::ValidationError("--event-window", "must be at least 1 day");
    io::Shard shard_part;
    if (!io::parse_shard(shard, shard_part))
      throw CLI::ValidationError("--shard", "'" + shard + "' is not i/N with 1 <= i <= N (e.g. 2/8)");
    if (!(duplicate_threshold > 0 && duplicate_threshold <= 1))
      throw CLI::ValidationError("--duplicate-threshold", "must be above 0 and at most 1");
    const io::ReadOptions read_options = input.read_options();
    dictionaries = choose_dictionaries(dictionaries);

    // Problems in the dictionaries are shown but do not make the run fail: the valid
    // entries are used, and `dyad dict check` is the place to fix them. The exit status
    // is about the input.
    Diagnostics dictionary_diags = stderr_diagnostics();
    dict::DictionarySet dicts;
    if (!dict::load_dictionary_set(dictionaries, dicts, dictionary_diags)) {
      std::cerr << "dyad code: no dictionary set could be read from " << dictionaries << '\n';
      return 2;
    }
    coder::CoderOptions options;
    options.apply(dicts.config, dictionary_diags);
    const uint64_t dictionary_problems = dictionary_diags.errors();
    Diagnostics diags = stderr_diagnostics();
    dict::CameoCodebook codebook;
    if (!dict::load_default_codebook(codebook, dictionary_diags))
      std::cerr << "dyad code: going on without CAMEO names, Goldstein scores and PLOVER types\n";
    const nlp::Pipeline pipeline = model.load();
    const coder::Coder coder(dicts, options);
    // Read once and shared, read-only, by the coding threads.
    const doc::Gazetteer gazetteer =
        gazetteer_file.empty() ? doc::Gazetteer::load_default() : doc::Gazetteer::load(gazetteer_file);

    // Written beside the target and renamed at the end, so an interrupted run never
    // leaves a truncated file under the name asked for.
    // A database is written in place instead, in one transaction per batch.
    std::ofstream file;
    const std::string partial = out + ".partial";
    if (!out.empty() && !database) {
      file.open(partial, std::ios::binary | std::ios::trunc);
      if (!file) throw std::runtime_error("cannot write " + partial);
    }
    std::ostream& sink = out.empty() ? std::cout : file;
    store::DatabaseWriter* db = nullptr;
    std::unique_ptr<store::EventWriter> writer;
    if (database) {
      auto db_writer = std::make_unique<store::DatabaseWriter>(out, codebook, doc::GroupOptions{event_window},
                                                               kBatchArticles);
      db = db_writer.get();
      writer = std::move(db_writer);
    } else {
      writer = store::make_event_writer(event_format, sink, codebook);
    }
    writer->begin({kVersion, pipeline.checksum(), dicts.hash, dictionaries});
    if (db)
      for (const std::string& warning : db->warnings())
        std::cerr << "dyad code: warning: " << warning << '\n';

    io::ArticleStream stream(input.paths, read_options, diags);
    Progress progress("code");
    uint64_t articles = 0, bytes = 0, sentences = 0, resumed = 0, other_shards = 0, duplicates = 0;
    std::vector<Article> batch;
    std::vector<std::vector<Event>> events;
    std::vector<std::vector<std::vector<Mention>>> mentions;
    doc::NearDuplicateDetector detector({duplicate_threshold});
    doc::NewActorCollector unknown;
    const auto start = std::chrono::steady_clock::now();
    auto flush = [&] {
      events.assign(batch.size(), {});
      mentions.assign(batch.size(), {});
      parallel_for(batch.size(), threads, [&](size_t i) {
        coder::ArticleCoding coding = doc::code_document(batch[i], pipeline, coder, gazetteer);
        events[i] = std::move(coding.events);
        if (!new_actors.empty()) mentions[i] = std::move(coding.mentions);
      });
      for (size_t i = 0; i < batch.size(); ++i) {
        // In input order, so that the original of a copy is the one read first.
        if (!keep_duplicates) batch[i].duplicate_of = detector.check(batch[i]).duplicate_of;
        duplicates += batch[i].duplicate_of.empty() ? 0 : 1;
        if (!new_actors.empty()) unknown.add(batch[i], mentions[i]);
        writer->write(batch[i], events[i]);
        ++articles;
        sentences += batch[i].sentences.size();
        bytes += batch[i].text.size();
      }
      progress.tick(articles, bytes);
      batch.clear();
    };
    Article article;
    while (stream.next(article)) {
      if (!io::in_shard(article.id, shard_part)) {  // another copy's share (--shard)
        ++other_shards;
        article = Article{};
        continue;
      }
      if (resume && db->has_article(article.id)) {  // coded by an earlier run
        ++resumed;
        article = Article{};
        continue;
      }
      batch.push_back(std::move(article));
      article = Article{};
      if (batch.size() == kBatchArticles) flush();
    }
    flush();
    writer->end();
    progress.finish();
    sink.flush();
    if (!out.empty() && !database) {
      file.close();
      if (!file) throw std::runtime_error("cannot write " + partial);
      std::filesystem::rename(partial, out);
    }
    if (!new_actors.empty()) {  // written whole, then renamed, as --out is
      std::ofstream list(new_actors + ".partial", std::ios::binary | std::ios::trunc);
      unknown.write_tsv(list);
      list.close();
      if (!list) throw std::runtime_error("cannot write " + new_actors + ".partial");
      std::filesystem::rename(new_actors + ".partial", new_actors);
      std::cerr << fmt::format("dyad code: {} unknown names written to {}\n", unknown.size(), new_actors);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << fmt::format("dyad code: {} sentences, {} events ({:.0f} sentences/s on {} thread{})\n",
                             sentences, writer->events_written(),
                             seconds > 0 ? double(sentences) / seconds : 0.0, threads,
                             threads == 1 ? "" : "s");
    if (resume)
      std::cerr << fmt::format("dyad code: {} articles already in {} skipped (--resume)\n", resumed, out);
    if (shard_part.count > 1)
      std::cerr << fmt::format("dyad code: shard {}/{}: {} articles left to the other shards\n",
                               shard_part.index, shard_part.count, other_shards);
    if (duplicates)
      std::cerr << fmt::format(
          "dyad code: {} near-duplicate article{} (events marked duplicate_of, counted once)\n", duplicates,
          duplicates == 1 ? "" : "s");
    if (db) std::cerr << "dyad code: " << db->summary() << '\n';
    if (dictionary_problems)
      std::cerr << fmt::format(
          "dyad code: the dictionaries had {} errors (see above); their valid entries were used\n",
          dictionary_problems);
    return finish_run("code", stream.stats(), diags, articles, "coded");
  }
};

const CommandRegistration registration(10, [](CLI::App& root, CLI::App*& sub) -> Runner {
  auto command = std::make_shared<CodeCommand>();
  sub = root.add_subcommand("code", "Code events from news articles: who did what to whom, when");
  command->input.add_to(*sub);
  sub->add_option(
      "--dict", command->dictionaries,
      "Dictionary directory: PETRARCH's files (PETR_config.ini, CAMEO*.txt, *.actors.txt, ...) or "
      "Dyad's .dyad files (default: $DYAD_DICT, else Dyad's own set in data/dict)");
  sub->add_option("--format", command->format, "Output format: jsonl, table, tsv, gdelt or petrarch")
      ->capture_default_str();
  sub->add_option(
      "--out", command->out,
      "Write events to FILE instead of standard output; FILE.db or FILE.sqlite: an SQLite database "
      "of events, their mentions and articles (--format does not apply)");
  sub->add_flag("--resume", command->resume, "With --out FILE.db: skip articles already in the database");
  sub->add_option("--event-window", command->event_window,
                  "With --out FILE.db: days within which mentions of the same source, target, CAMEO root and "
                  "place are one event")
      ->capture_default_str();
  sub->add_option(
         "--shard", command->shard,
         "Code only shard i of N (i/N, 1 <= i <= N), chosen by a hash of the article id; combine the "
         "shards' databases with dyad merge")
      ->capture_default_str();
  sub->add_option("--new-actors", command->new_actors,
                  "Write the named persons and groups no actor was found for to FILE (TSV: phrase, count, "
                  "example sentence, article id), most frequent first");
  sub->add_option(
         "--duplicate-threshold", command->duplicate_threshold,
         "Articles whose estimated word 5-gram overlap (MinHash Jaccard) with an earlier one is at least "
         "this are near copies: their events are marked duplicate_of and counted once")
      ->capture_default_str();
  sub->add_flag("--keep-duplicates", command->keep_duplicates, "Do not look for near-duplicate articles");
  command->model.add_to(*sub);
  sub->add_option("--gazetteer", command->gazetteer_file,
                  "Places file the event places are resolved with (default: data/gazetteer/places.tsv)");
  sub->add_option("--threads", command->threads, "Articles coded in parallel (same output for any N)")
      ->capture_default_str();
  return [command] { return command->run(); };
});

}  // namespace
}  // namespace dyad::app
