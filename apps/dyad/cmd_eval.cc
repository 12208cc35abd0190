// `dyad eval ...`: evaluation of pipeline stages against gold data. Each stage
// adds a subcommand under `eval` below.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <exception>
#include <memory>
#include <string>
#include <utility>

#include "command.h"
#include "dyad/coder/petrarch_eval.h"
#include "dyad/coder/plover_eval.h"
#include "dyad/doc/document.h"
#include "dyad/nlp/pipeline_eval.h"
#include "dyad/text/segmentation_eval.h"
#include "model_choice.h"

namespace dyad::app {

// `eval places`, in cmd_eval_places.cc: the subcommand and its runner.
std::pair<CLI::App*, Runner> add_eval_places(CLI::App& eval);
// `eval coref`, in cmd_eval_coref.cc.
std::pair<CLI::App*, Runner> add_eval_coref(CLI::App& eval);

namespace {

struct EvalTextOptions {
  std::string gold;
};

void print_row(const char* name, const text::Prf& p) {
  fmt::print("{:<10} | {:>9.2f} | {:>9.2f} | {:>9.2f} | {:>8} | {:>8} | {:>8}\n", name, 100 * p.precision(),
             100 * p.recall(), 100 * p.f1(), p.gold, p.system, p.correct);
}

int run_eval_text(const EvalTextOptions& opt) {
  text::SegmentationEval e;
  try {
    e = text::evaluate_segmentation_file(opt.gold);
  } catch (const std::exception& ex) {
    fmt::print(stderr, "dyad eval text: {}\n", ex.what());
    return 1;
  }
  fmt::print("Segmentation of {} ({} sentences, {:.2f} MB of rebuilt text)\n\n", opt.gold, e.gold_sentences,
             double(e.bytes) / 1e6);
  fmt::print("{:<10} | {:>9} | {:>9} | {:>9} | {:>8} | {:>8} | {:>8}\n", "Metric", "Precision", "Recall",
             "F1", "Gold", "System", "Correct");
  fmt::print("-----------+-----------+-----------+-----------+----------+----------+---------\n");
  print_row("Tokens", e.scores.tokens);
  print_row("Words", e.scores.words);
  print_row("Sentences", e.scores.sentences);
  fmt::print("\nThroughput: {:.1f} MB/s ({:.3f} s in segment())\n", e.mb_per_second(), e.seconds);
  return 0;
}

struct EvalParseOptions {
  std::string gold;
  ModelChoice model;
};

int run_eval_parse(const EvalParseOptions& opt) {
  const std::string model_path = opt.model.model_path();
  const auto load_start = std::chrono::steady_clock::now();
  const nlp::Pipeline pipeline = opt.model.load();
  const double load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
  const std::vector<io::ConlluSentence> gold = io::read_conllu_file(opt.gold);
  const nlp::PipelineScores s = nlp::evaluate_pipeline(pipeline, gold);
  fmt::print(
      "Tagging, lemmatising and parsing {} ({} sentences, {} words; gold tokenisation, predicted tags)\n",
      opt.gold, s.sentences, s.words);
  const nlp::DecodeSettings settings = opt.model.settings();
  fmt::print("model {} (checksum {:016x}), loaded in {:.3f} s\n", model_path, pipeline.checksum(),
             load_seconds);
  fmt::print("speed {}: tagger {}, {} parser decoded with beam {}\n\n", opt.model.speed,
             settings.tagger_passes == 1 && pipeline.tagger().two_pass() ? "first pass alone" : "every pass",
             pipeline.uses_fast_parser() ? "greedy" : "beam", pipeline.parser().beam_width());
  fmt::print("{:<8} {:>7}\n", "Metric", "Score");
  fmt::print("{:<8} {:>7.2f}\n", "UPOS", s.upos_accuracy());
  fmt::print("{:<8} {:>7.2f}\n", "XPOS", s.xpos_accuracy());
  fmt::print("{:<8} {:>7.2f}\n", "Lemma", s.lemma_accuracy());
  fmt::print("{:<8} {:>7.2f}\n", "UAS", s.uas());
  fmt::print("{:<8} {:>7.2f}\n", "LAS", s.las());
  fmt::print("\nThroughput: {:.0f} tokens/s on one thread ({:.3f} s in tag + lemmatise + parse)\n",
             s.words_per_second(), s.seconds);
  return 0;
}

struct EvalPetrarchOptions {
  std::string records;
  std::string gold_parses;
  std::string dict;
  ModelChoice model;
  bool verbose = false;
};

int run_eval_petrarch(const EvalPetrarchOptions& opt) {
  Diagnostics diags([](const Diagnostic& d) { std::fprintf(stderr, "%s\n", d.str().c_str()); });
  dict::DictionarySet dicts;
  const std::string dict_dir =
      opt.dict.empty() ? std::filesystem::path(opt.records).parent_path().string() : opt.dict;
  if (!dict::load_dictionary_set(dict_dir.empty() ? "." : dict_dir, dicts, diags)) return 2;
  coder::CoderOptions options;
  options.apply(dicts.config, diags);
  const nlp::Pipeline pipeline = opt.model.load();
  const auto start = std::chrono::steady_clock::now();
  const coder::PetrarchEvalResult result =
      coder::evaluate_petrarch(opt.records, dicts, pipeline, options, diags, opt.verbose, opt.gold_parses);
  if (!opt.gold_parses.empty())
    fmt::print("trees: the UD parses of {} ({} records had none and were parsed by Dyad)\n", opt.gold_parses,
               result.without_gold_parse);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& r : result.records) {
    if (r.passed) continue;
    fmt::print("FAIL {} [{}]: {}\n  expected: {}\n  found:    {}\n", r.id, r.category, r.text,
               r.expected.empty() ? "(no events)" : fmt::format("{}", fmt::join(r.expected, " ")),
               r.found.empty() ? "(no events)" : fmt::format("{}", fmt::join(r.found, " ")));
    for (const std::string& line : r.trace) fmt::print("    {}\n", line);
  }
  for (const auto& r : result.parse_errors)
    fmt::print("NOT COUNTED {} [{}]: expects a parse error ({}) of the original tree; Dyad found {}\n", r.id,
               r.category, r.expected.front(),
               r.found.empty() ? "no events" : fmt::format("{}", fmt::join(r.found, " ")));
  fmt::print("\n{:<12} {:>7} {:>7} {:>7}\n", "category", "passed", "counted", "%");
  for (const auto& [category, counts] : result.by_category())
    fmt::print("{:<12} {:>7} {:>7} {:>7.1f}\n", category, counts.first, counts.second,
               100.0 * double(counts.first) / double(counts.second));
  const size_t passed = result.passed(), counted = result.records.size();
  fmt::print("{:<12} {:>7} {:>7} {:>7.1f}\n", "all", passed, counted,
             counted ? 100.0 * double(passed) / double(counted) : 0.0);
  fmt::print(
      "\n{} records not counted (category not included, or sentence=\"false\"), {} expecting a parse "
      "error; dictionaries {} (hash {}); model checksum {:016x}; {:.2f} s\n",
      result.skipped, result.parse_errors.size(), dict_dir, dict::hash_hex(dicts.hash), pipeline.checksum(),
      seconds);
  return 0;
}

struct EvalPloverOptions {
  std::string gold;
  std::string dict;
  ModelChoice model;
  std::vector<std::string> set;  // NAME=VALUE coder options over the dictionaries' config
  bool verbose = false;
  bool trace = false;
  bool sentences_only = false;  // leave out the document stage
};

void print_plover_row(const char* name, const coder::PloverCounts& c) {
  fmt::print("{:<10} | {:>9.2f} | {:>9.2f} | {:>9.2f} | {:>8} | {:>9} | {:>8}\n", name, 100 * c.precision(),
             100 * c.recall(), 100 * c.f1(), c.gold, c.predicted, c.correct);
}

std::string join_triples(const std::vector<coder::PloverTriple>& triples) {
  std::vector<std::string> parts;
  for (const auto& t : triples) parts.push_back(t.str());
  return parts.empty() ? "-" : fmt::format("{}", fmt::join(parts, " "));
}

void print_plover_record(const coder::PloverRecordResult& r) {
  std::vector<std::string> ids;
  for (const auto& g : r.gold) ids.push_back(g.id);
  fmt::print("{}: {}\n", fmt::join(ids, ","), r.text);
  for (const auto& g : r.gold) {
    std::vector<std::string> sources, targets;
    for (size_t i = 0; i < g.sources.size(); ++i)
      sources.push_back(fmt::format("{} ({})", g.sources[i], g.source_texts[i]));
    for (size_t i = 0; i < g.targets.size(); ++i)
      targets.push_back(fmt::format("{} ({})", g.targets[i], g.target_texts[i]));
    fmt::print("  gold  {}{}: {} -> {}\n", coder::plover_2021_type(g.type),
               g.type == coder::plover_2021_type(g.type) ? "" : fmt::format(" (was {})", g.type),
               sources.empty() ? "-" : fmt::format("{}", fmt::join(sources, " + ")),
               targets.empty() ? "-" : fmt::format("{}", fmt::join(targets, " + ")));
  }
  if (r.discarded != coder::Discarded::kNo)
    fmt::print("  dyad  discarded ({})\n", r.discarded == coder::Discarded::kStory ? "story" : "sentence");
  if (r.events.empty()) fmt::print("  dyad  (no events)\n");
  for (const auto& e : r.events)
    fmt::print("  dyad  {} (CAMEO {}): {} -> {}  [{}{}]\n", e.type.empty() ? "no PLOVER type" : e.type,
               e.cameo, e.source, e.target, e.pattern, e.pattern_text.empty() ? "" : " " + e.pattern_text);
  if (!r.missed_types.empty()) fmt::print("  missed types:     {}\n", fmt::join(r.missed_types, " "));
  if (!r.spurious_types.empty()) fmt::print("  spurious types:   {}\n", fmt::join(r.spurious_types, " "));
  if (!r.missed_triples.empty()) fmt::print("  missed triples:   {}\n", join_triples(r.missed_triples));
  if (!r.spurious_triples.empty()) fmt::print("  spurious triples: {}\n", join_triples(r.spurious_triples));
  for (const std::string& line : r.trace) fmt::print("    {}\n", line);
}

int run_eval_plover(const EvalPloverOptions& opt) {
  Diagnostics diags([](const Diagnostic& d) { std::fprintf(stderr, "%s\n", d.str().c_str()); });
  dict::DictionarySet dicts;
  if (!dict::load_dictionary_set(opt.dict, dicts, diags)) return 2;
  coder::CoderOptions options;
  options.apply(dicts.config, diags);
  for (const std::string& assignment : opt.set) {
    const size_t eq = assignment.find('=');
    if (eq == std::string::npos || !options.set(assignment.substr(0, eq), assignment.substr(eq + 1))) {
      fmt::print(stderr,
                 "dyad eval plover: --set {}: not NAME=VALUE with a coder option of PETR_config.ini\n",
                 assignment);
      return 2;
    }
  }
  dict::CameoCodebook codebook;
  if (!dict::load_default_codebook(codebook, diags)) return 2;
  const nlp::Pipeline pipeline = opt.model.load();
  const auto start = std::chrono::steady_clock::now();
  coder::PloverEvalResult result;
  try {
    coder::DocumentStage document;
    std::shared_ptr<const doc::Gazetteer> gazetteer;
    if (!opt.sentences_only) {
      gazetteer = std::make_shared<const doc::Gazetteer>(doc::Gazetteer::load_default());
      document = [gazetteer](const Article& article, coder::ArticleCoding& coding) {
        doc::resolve_document(article, coding, *gazetteer);
      };
    }
    result = coder::evaluate_plover(opt.gold, dicts, pipeline, codebook, options, diags, opt.trace, document);
  } catch (const std::exception& ex) {
    fmt::print(stderr, "dyad eval plover: {}\n", ex.what());
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (opt.verbose || opt.trace)
    for (const auto& r : result.records)
      if (!r.missed_types.empty() || !r.spurious_types.empty() || !r.missed_triples.empty() ||
          !r.spurious_triples.empty()) {
        print_plover_record(r);
        fmt::print("\n");
      }
  fmt::print(
      "PLOVER gold standard {}: {} records, {} distinct texts scored, {} skipped (DOCUMENT or no text)\n",
      opt.gold, result.gold_records, result.records.size(), result.skipped);
  fmt::print("dictionaries {} (hash {}); model {} (checksum {:016x}); {:.2f} s\n", opt.dict,
             dict::hash_hex(dicts.hash), pipeline.path(), pipeline.checksum(), seconds);
  if (!opt.set.empty()) fmt::print("coder options set: {}\n", fmt::join(opt.set, " "));
  fmt::print("Dyad events: {} ({} with a CAMEO code PLOVER drops); {} texts discarded\n\n", result.events,
             result.events_without_plover, result.discarded);
  fmt::print("{:<10} | {:>9} | {:>9} | {:>9} | {:>8} | {:>9} | {:>8}\n", "Metric", "Precision", "Recall",
             "F1", "Gold", "Predicted", "Correct");
  fmt::print("-----------+-----------+-----------+-----------+----------+-----------+---------\n");
  print_plover_row("Types", result.types);
  print_plover_row("Triples", result.triples);
  fmt::print("\nSpurious events (predicted type not in the gold): {}, {:.3f} per text (target < 0.333)\n\n",
             result.spurious(), result.spurious_per_record());
  fmt::print("{:<12} {:>6} {:>10} {:>8}\n", "type", "gold", "predicted", "correct");
  for (const auto& [type, c] : result.by_type)
    fmt::print("{:<12} {:>6} {:>10} {:>8}\n", type, c.gold, c.predicted, c.correct);
  return 0;
}

const CommandRegistration kEval(50, [](CLI::App& root, CLI::App*& sub) -> Runner {
  sub = root.add_subcommand("eval", "Evaluate pipeline stages against gold data");
  sub->require_subcommand(1);

  auto text_opt = std::make_shared<EvalTextOptions>();
  CLI::App* text_cmd = sub->add_subcommand(
      "text",
      "Sentence splitting and tokenisation against a CoNLL-U file (CoNLL 2018 Tokens/Words/Sentences F1)");
  text_cmd->add_option("GOLD", text_opt->gold, "Gold CoNLL-U file, e.g. en_ewt-ud-test.conllu")
      ->required()
      ->check(CLI::ExistingFile);

  auto parse_opt = std::make_shared<EvalParseOptions>();
  CLI::App* parse_cmd = sub->add_subcommand(
      "parse",
      "Tagger, lemmatiser and parser against a CoNLL-U file (gold tokenisation, predicted tags): UPOS, XPOS, "
      "lemma, UAS, LAS, tokens/s");
  parse_cmd->add_option("GOLD", parse_opt->gold, "Gold CoNLL-U file, e.g. en_ewt-ud-test.conllu")
      ->required()
      ->check(CLI::ExistingFile);
  parse_opt->model.add_to(*parse_cmd, true);

  auto petrarch_opt = std::make_shared<EvalPetrarchOptions>();
  CLI::App* petrarch_cmd = sub->add_subcommand(
      "petrarch",
      "PETRARCH's unit-test records (PETR.UnitTest.records.xml): codes each <Text> with Dyad's own parser "
      "and "
      "the given dictionaries, applies the <Config> elements in order, prints the pass rate per category and "
      "the failures");
  petrarch_cmd->add_option("RECORDS", petrarch_opt->records, "The records file")
      ->required()
      ->check(CLI::ExistingFile);
  petrarch_cmd->add_option("--dict", petrarch_opt->dict,
                           "Dictionary directory (default: the records file's directory)");
  petrarch_opt->model.add_to(*petrarch_cmd);
  petrarch_cmd->add_flag("-v,--verbose", petrarch_opt->verbose,
                         "Show why each verb of a failed record was coded");
  petrarch_cmd
      ->add_option(
          "--use-gold-parse", petrarch_opt->gold_parses,
          "Code from the UD trees of this file (PETR.UnitTest.records.ud.xml) instead of Dyad's own parse, "
          "to tell coder errors from parser errors; the expected codings stay those of RECORDS")
      ->check(CLI::ExistingFile);

  auto plover_opt = std::make_shared<EvalPloverOptions>();
  CLI::App* plover_cmd = sub->add_subcommand(
      "plover",
      "PLOVER gold-standard records (PLOVER_GSR_dev.json): codes each text with Dyad, maps CAMEO codes to "
      "PLOVER types, prints event-type and (source, target, type) precision, recall and F1, spurious events "
      "per record and a per-type table");
  plover_cmd->add_option("GOLD", plover_opt->gold, "The PLOVER gold-standard JSON file")
      ->required()
      ->check(CLI::ExistingFile);
  plover_cmd
      ->add_option("--dict", plover_opt->dict, "Dictionary directory, e.g. ../shared/data/petrarch/phoenix")
      ->required();
  plover_opt->model.add_to(*plover_cmd);
  plover_cmd->add_option(
      "--set", plover_opt->set,
      "NAME=VALUE: a coder option of PETR_config.ini's [Options] (e.g. require_dyad=false), "
      "over the dictionaries' own; repeatable");
  plover_cmd->add_flag("-v,--verbose", plover_opt->verbose,
                       "Show each text with a missed or spurious event: gold, Dyad's events and patterns");
  plover_cmd->add_flag("--trace", plover_opt->trace, "Like -v, with the coder's trace of each verb");
  plover_cmd->add_flag("--sentences-only", plover_opt->sentences_only,
                       "Score the coder's events as they are, without the document stage `dyad code` runs "
                       "(actors across sentences, domestic actors' countries)");

  const auto places = add_eval_places(*sub);
  const auto coref = add_eval_coref(*sub);

  // Further evaluations add their subcommand here and a branch below.
  return [sub, text_cmd, text_opt, parse_cmd, parse_opt, petrarch_cmd, petrarch_opt, plover_cmd, plover_opt,
          places, coref]() -> int {
    if (places.first->parsed()) return places.second();
    if (coref.first->parsed()) return coref.second();
    if (plover_cmd->parsed()) return run_eval_plover(*plover_opt);
    if (petrarch_cmd->parsed()) return run_eval_petrarch(*petrarch_opt);
    if (text_cmd->parsed()) return run_eval_text(*text_opt);
    if (parse_cmd->parsed()) return run_eval_parse(*parse_opt);
    fmt::print(stderr, "{}", sub->help());
    return 2;
  };
});

}  // namespace
}  // namespace dyad::app
