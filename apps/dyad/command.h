#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace dyad::app {

// Each subcommand lives in its own cmd_<name>.cc and registers itself with a
// static CommandRegistration, so adding one touches no other file. `add` creates
// the subcommand on `root` and returns the function that runs it (its exit status).
using Runner = std::function<int()>;
using CommandFactory = std::function<Runner(CLI::App& root, CLI::App*& sub)>;

struct CommandRegistration {
  CommandRegistration(int order, CommandFactory factory);
};

}  // namespace dyad::app
