#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "dyad/core/diagnostics.h"
#include "dyad/io/article_stream.h"

namespace dyad::app {

// The input flags shared by every command that reads articles.
struct InputOptions {
  std::vector<std::string> paths;
  std::string input_format = "auto";
  std::string date;

  void add_to(CLI::App& command);
  // Validated ReadOptions; throws CLI::ValidationError on a bad flag value.
  io::ReadOptions read_options() const;
};

// Diagnostics printed on stderr as they happen.
Diagnostics stderr_diagnostics();

// Prints a progress line on stderr about once a second, only when stderr is a
// terminal.
class Progress {
 public:
  explicit Progress(std::string verb);
  void tick(uint64_t articles, uint64_t bytes);
  void finish();

 private:
  std::string verb_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
  bool printed_ = false;
};

// "dyad code: 12 records read, 10 coded, 2 skipped (1 not English)"; returns
// the exit status: 0 when nothing was skipped, 1 otherwise.
int finish_run(const std::string& command, const io::ReadStats& stats, const Diagnostics& diags,
               uint64_t done, const char* done_verb);

}  // namespace dyad::app
