// dyad dict: validate, convert and count dictionary sets.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "command.h"
#include "dyad/dict/cameo_codebook.h"
#include "dyad/dict/code_check.h"
#include "dyad/dict/dict_stats.h"
#include "dyad/dict/dictionary_set.h"

namespace dyad::app {
namespace {

struct CheckOptions {
  std::string directory;
  bool errors_only = false;
};

int run_check(const CheckOptions& options) {
  uint64_t shown = 0;
  Diagnostics diags([&](const Diagnostic& d) {
    if (options.errors_only && d.severity == Severity::kWarning) return;
    std::cout << d.str() << '\n';
    ++shown;
  });
  const auto start = std::chrono::steady_clock::now();
  dict::DictionarySet set;
  if (!dict::load_dictionary_set(options.directory, set, diags)) {
    std::cout.flush();
    std::cerr << "dyad dict check: no dictionary set read from " << options.directory << '\n';
    return 2;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Codes CAMEO does not define are warnings: PETRARCH keeps them, and so does Dyad.
  dict::CameoCodebook codebook;
  if (dict::load_default_codebook(codebook, diags)) dict::check_event_codes(set.verbs, codebook, diags);
  std::cout.flush();
  std::cerr << fmt::format("dyad dict check: {}\n", set.summary());
  std::cerr << fmt::format("dyad dict check: {} errors, {} warnings in {} ({:.2f} s; set hash {})\n",
                           diags.errors(), diags.warnings(), options.directory, seconds,
                           dict::hash_hex(set.hash));
  return diags.errors() ? 1 : 0;
}

struct ConvertOptions {
  std::string from = "auto";
  std::string source;
  std::string target;
  bool verify = true;
};

int run_convert(const ConvertOptions& options) {
  Diagnostics diags([](const Diagnostic& d) { std::cerr << d.str() << '\n'; });
  dict::DictionaryFiles files;
  if (!dict::find_dictionary_files(options.source, files, diags)) return 2;
  const bool native = files.format == dict::DictionaryFormat::kNative;
  if ((options.from == "petrarch" && native) || (options.from == "dyad" && !native))
    throw CLI::ValidationError("--from", options.source + " holds " + (native ? "Dyad's" : "PETRARCH's") +
                                             " format, not " + options.from);
  dict::DictionarySet set;
  if (!dict::load_dictionary_files(files, set, diags)) return 2;
  const uint64_t problems = diags.errors();
  if (std::filesystem::equivalent(options.source, options.target) ||
      !dict::write_native_set(set, options.target, diags))
    return 2;
  std::cerr << fmt::format("dyad dict convert: {} -> {} ({})\n", options.source, options.target,
                           set.summary());
  if (problems)
    std::cerr << fmt::format("dyad dict convert: {} errors in the input: those entries were left out\n",
                             problems);
  if (!options.verify) return problems ? 1 : 0;
  Diagnostics quiet([](const Diagnostic&) {});
  dict::DictionarySet reread;
  if (!dict::load_dictionary_set(options.target, reread, quiet)) return 2;
  const std::vector<std::string> diffs = dict::differences(set, reread);
  for (const std::string& d : diffs)
    std::cerr << "dyad dict convert: differs after conversion: " << d << '\n';
  if (!diffs.empty()) return 1;
  std::cerr << "dyad dict convert: verified: reading " << options.target
            << " gives the same dictionaries, entry by entry\n";
  return problems ? 1 : 0;
}

struct StatsOptions {
  std::string directory;
};

int run_stats(const StatsOptions& options) {
  Diagnostics diags([](const Diagnostic&) {});  // `dyad dict check` reports them
  dict::DictionarySet set;
  if (!dict::load_dictionary_set(options.directory, set, diags)) {
    std::cerr << "dyad dict stats: no dictionary set read from " << options.directory
              << " (dyad dict check says why)\n";
    return 2;
  }
  dict::CameoCodebook codebook;
  Diagnostics codebook_diags([](const Diagnostic& d) { std::cerr << d.str() << '\n'; });
  const bool have_codebook = dict::load_default_codebook(codebook, codebook_diags);
  std::cout << "dictionary set: " << options.directory << " ("
            << (set.files.format == dict::DictionaryFormat::kNative ? "Dyad's format" : "PETRARCH's format")
            << ")\n";
  std::cout << dict::format_stats(dict::compute_stats(set, have_codebook ? &codebook : nullptr));
  if (diags.errors() || diags.warnings())
    std::cerr << fmt::format(
        "dyad dict stats: {} errors, {} warnings while reading (dyad dict check lists them)\n",
        diags.errors(), diags.warnings());
  return 0;
}

const CommandRegistration registration(70, [](CLI::App& root, CLI::App*& sub) -> Runner {
  sub = root.add_subcommand("dict", "Check, convert and count dictionary sets (PETRARCH's or Dyad's own)");
  sub->require_subcommand(1);

  auto check = std::make_shared<CheckOptions>();
  CLI::App* check_cmd = sub->add_subcommand(
      "check",
      "Read a dictionary set and report every problem as file:line: message. Exit status 0: no "
      "errors (warnings allowed); 1: errors found (valid entries are still usable); 2: no set found");
  check_cmd->add_option("DIR", check->directory, "Dictionary directory (PETR_config.ini, CAMEO*.txt, ...)")
      ->required();
  check_cmd->add_flag("--errors-only", check->errors_only, "Do not print warnings (they are still counted)");

  auto convert = std::make_shared<ConvertOptions>();
  CLI::App* convert_cmd = sub->add_subcommand(
      "convert",
      "Write a dictionary set in Dyad's own plain-text format (docs/dictionaries.md), then read it back and "
      "check that it holds the same entries. Exit status 0: same; 1: input errors or differences; 2: "
      "failure");
  convert_cmd->add_option("--from", convert->from, "Input format: petrarch, dyad or auto")
      ->check(CLI::IsMember({"auto", "petrarch", "dyad"}))
      ->capture_default_str();
  convert_cmd->add_option("SOURCE", convert->source, "Dictionary directory to read")->required();
  convert_cmd->add_option("--to", convert->target, "Directory to write (created if needed)")->required();
  convert_cmd->add_flag("!--no-verify", convert->verify, "Do not read the written set back to compare");

  auto stats = std::make_shared<StatsOptions>();
  CLI::App* stats_cmd = sub->add_subcommand(
      "stats",
      "Count what a dictionary set holds: verbs and patterns per PLOVER event type (their plover: field, "
      "else their CAMEO code's PLOVER type), actors by kind, actor codes and agents by sector. Exit status "
      "0; 2: no set found");
  stats_cmd
      ->add_option("DIR", stats->directory, "Dictionary directory (PETR_config.ini, CAMEO*.txt, *.dyad, ...)")
      ->required();

  return [check_cmd, check, convert_cmd, convert, stats_cmd, stats]() -> int {
    if (check_cmd->parsed()) return run_check(*check);
    if (convert_cmd->parsed()) return run_convert(*convert);
    if (stats_cmd->parsed()) return run_stats(*stats);
    return 2;
  };
});

}  // namespace
}  // namespace dyad::app
