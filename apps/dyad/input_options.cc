#include "input_options.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace dyad::app {

void InputOptions::add_to(CLI::App& command) {
  command.add_option("paths", paths,
                     "Files or directories to read (directories are walked); "
                     "standard input when none");
  command.add_option("--input-format", input_format, "Input format: auto, text, jsonl, csv, html, petrarch")
      ->capture_default_str();
  command.add_option("--date", date, "Story date (YYYY-MM-DD) for articles that carry none");
}

io::ReadOptions InputOptions::read_options() const {
  io::ReadOptions options;
  if (!io::parse_input_format(input_format, options.format))
    throw CLI::ValidationError("--input-format", "unknown format '" + input_format +
                                                     "' (use auto, text, jsonl, csv, html or petrarch)");
  if (!date.empty()) {
    const bool shape = date.size() == 10 && date[4] == '-' && date[7] == '-';
    const int month = shape ? std::atoi(date.substr(5, 2).c_str()) : 0;
    const int day = shape ? std::atoi(date.substr(8, 2).c_str()) : 0;
    if (!shape || month < 1 || month > 12 || day < 1 || day > 31)
      throw CLI::ValidationError("--date", "'" + date + "' is not a date of the form YYYY-MM-DD");
  }
  options.default_date = date;
  return options;
}

Diagnostics stderr_diagnostics() {
  return Diagnostics([](const Diagnostic& d) { std::cerr << d.str() << '\n'; });
}

Progress::Progress(std::string verb)
    : verb_(std::move(verb)),
      enabled_(isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void Progress::tick(uint64_t articles, uint64_t bytes) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::seconds(1)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::cerr << fmt::format("\r{} {} articles, {:.1f} MB, {:.0f} articles/s", verb_, articles, bytes / 1e6,
                           articles / seconds)
            << std::flush;
  printed_ = true;
}

void Progress::finish() {
  if (printed_) std::cerr << '\n';
  printed_ = false;
}

int finish_run(const std::string& command, const io::ReadStats& stats, const Diagnostics& diags,
               uint64_t done, const char* done_verb) {
  std::string line = fmt::format("dyad {}: {} record{} read, {} {}, {} skipped", command, stats.records,
                                 stats.records == 1 ? "" : "s", done, done_verb, stats.skipped);
  if (stats.non_english) line += fmt::format(" ({} not English)", stats.non_english);
  if (diags.errors() > stats.skipped)
    line += fmt::format(", {} other error(s)", diags.errors() - stats.skipped);
  std::cerr << line << '\n';
  return stats.skipped || diags.errors() ? 1 : 0;
}

}  // namespace dyad::app
