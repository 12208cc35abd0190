// dyad dict: validate and convert dictionary sets.
#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "command.h"
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
  std::cout.flush();
  std::cerr << fmt::format("dyad dict check: {}\n", set.summary());
  std::cerr << fmt::format("dyad dict check: {} errors, {} warnings in {} ({:.2f} s; set hash {})\n",
                           diags.errors(), diags.warnings(), options.directory, seconds,
                           dict::hash_hex(set.hash));
  return diags.errors() ? 1 : 0;
}

const CommandRegistration registration(70, [](CLI::App& root, CLI::App*& sub) -> Runner {
  sub = root.add_subcommand("dict", "Check and convert dictionary sets (PETRARCH's or Dyad's own)");
  sub->require_subcommand(1);

  auto check = std::make_shared<CheckOptions>();
  CLI::App* check_cmd = sub->add_subcommand(
      "check",
      "Read a dictionary set and report every problem as file:line: message. Exit status 0: no "
      "errors (warnings allowed); 1: errors found (valid entries are still usable); 2: no set found");
  check_cmd->add_option("DIR", check->directory, "Dictionary directory (PETR_config.ini, CAMEO*.txt, ...)")
      ->required();
  check_cmd->add_flag("--errors-only", check->errors_only, "Do not print warnings (they are still counted)");

  return [check_cmd, check]() -> int {
    if (check_cmd->parsed()) return run_check(*check);
    return 2;
  };
});

}  // namespace
}  // namespace dyad::app
