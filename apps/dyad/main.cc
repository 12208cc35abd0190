#include <algorithm>
#include <iostream>
#include <vector>

#include "command.h"
#include "dyad/core/version.h"

namespace dyad::app {
namespace {

struct Entry {
  int order;
  CommandFactory factory;
};

std::vector<Entry>& registry() {
  static std::vector<Entry> entries;
  return entries;
}

}  // namespace

CommandRegistration::CommandRegistration(int order, CommandFactory factory) {
  registry().push_back({order, std::move(factory)});
}

}  // namespace dyad::app

int main(int argc, char** argv) {
  using namespace dyad::app;
  CLI::App root{"dyad: English news in, political event data out (who did what to whom, when, where)"};
  root.set_version_flag("--version", std::string("dyad ") + dyad::kVersion);
  root.require_subcommand(1);
  root.footer("Run 'dyad COMMAND --help' for the options of a command.");

  auto& entries = registry();
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.order < b.order; });
  std::vector<std::pair<CLI::App*, Runner>> commands;
  for (auto& entry : entries) {
    CLI::App* sub = nullptr;
    Runner run = entry.factory(root, sub);
    commands.emplace_back(sub, std::move(run));
  }

  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return root.exit(e);
  }
  for (auto& [sub, run] : commands) {
    if (!sub || !sub->parsed()) continue;
    try {
      return run();
    } catch (const CLI::Error& e) {
      return root.exit(e);
    } catch (const std::exception& e) {
      std::cerr << "dyad: error: " << e.what() << '\n';
      return 2;
    }
  }
  return 0;
}
