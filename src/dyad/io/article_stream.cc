#include "dyad/io/article_stream.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <system_error>

#include "dyad/io/article_id.h"
#include "dyad/io/buffered_input.h"
#include "dyad/io/format_detect.h"
#include "dyad/io/reader.h"
#include "dyad/text/language.h"

namespace dyad::io {

namespace fs = std::filesystem;

namespace {

bool is_documentation(std::string_view name) {
  for (std::string_view prefix : {"README", "LICENSE", "LICENCE", "NOTICE", "COPYING", "CHANGELOG"})
    if (name.starts_with(prefix)) return true;
  return name.ends_with(".md");
}

constexpr size_t kSniffBytes = 64 * 1024;

struct Pending {
  std::string path;
  bool walked = false;  // found by walking a directory (not named by the user)
};

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos; }

}  // namespace

struct ArticleStream::Impl {
  Impl(std::vector<std::string> paths, ReadOptions opts, Diagnostics& d)
      : options(std::move(opts)), diags(d) {
    if (paths.empty()) paths.emplace_back("-");
    for (auto& p : paths) pending.push_back({std::move(p), false});
  }

  ReadOptions options;
  Diagnostics& diags;
  ReadStats stats;
  std::deque<Pending> pending;

  // The input being read.
  std::ifstream file;
  std::unique_ptr<BufferedInput> input;
  std::unique_ptr<ReaderContext> context;
  std::unique_ptr<Reader> reader;
  uint64_t records_at_open = 0;
  bool warned_empty = false;

  bool next(Article& a) {
    while (true) {
      if (!reader) {
        if (!open_next()) return false;
        continue;
      }
      if (reader->next(a)) {
        if (accept(a)) return true;
        continue;
      }
      close_current();
    }
  }

  void close_current() {
    if (stats.records == records_at_open && !warned_empty)
      diags.warning({context->file, 0}, "no articles found in this input");
    reader.reset();
    context.reset();
    input.reset();
    if (file.is_open()) file.close();
    file.clear();
  }

  // Opens the next input and makes its reader; false when there is none left.
  bool open_next() {
    while (!pending.empty()) {
      Pending p = std::move(pending.front());
      pending.pop_front();
      if (p.path == "-") {
        start(p.path, std::cin, InputFormat::kAuto);
        if (reader) return true;
        continue;
      }
      std::error_code ec;
      const fs::path path(p.path);
      const auto status = fs::status(path, ec);
      if (ec || !fs::exists(status)) {
        diags.error({p.path, 0}, "cannot read: no such file or directory");
        continue;
      }
      if (fs::is_directory(status)) {
        std::vector<Pending> found;
        std::set<fs::path> visited;
        walk(path, found, visited);
        pending.insert(pending.begin(), std::make_move_iterator(found.begin()),
                       std::make_move_iterator(found.end()));
        continue;
      }
      const InputFormat by_extension = format_from_extension(p.path);
      if (p.walked && by_extension == InputFormat::kAuto) {
        // A directory of articles often carries its own notes; those are not input.
        if (is_documentation(fs::path(p.path).filename().string())) continue;
        diags.warning(
            {p.path, 0},
            "skipped: not a known input file (.txt .jsonl .json .ndjson .csv .html .htm .xml); name it "
            "so, or pass it by name");
        continue;
      }
      file.open(path, std::ios::binary);
      if (!file) {
        diags.error({p.path, 0}, fmt::format("cannot open: {}",
                                             std::error_code(errno, std::generic_category()).message()));
        file.clear();
        continue;
      }
      start(p.path, file, by_extension);
      if (reader) return true;
      file.close();
      file.clear();
    }
    return false;
  }

  void walk(const fs::path& dir, std::vector<Pending>& out, std::set<fs::path>& visited) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    if (!ec && !visited.insert(canonical).second) return;  // a symlink loop
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    if (ec) {
      diags.warning({dir.string(), 0}, fmt::format("cannot list directory: {}", ec.message()));
      return;
    }
    std::sort(entries.begin(), entries.end(), [](const fs::directory_entry& a, const fs::directory_entry& b) {
      return a.path().filename().string() < b.path().filename().string();
    });
    for (const auto& e : entries) {
      if (hidden(e.path())) continue;
      std::error_code sec;
      if (e.is_directory(sec)) {
        walk(e.path(), out, visited);
      } else if (e.is_regular_file(sec)) {
        out.push_back({e.path().string(), true});
      }
    }
  }

  void start(const std::string& name, std::istream& in, InputFormat by_extension) {
    ++stats.files;
    records_at_open = stats.records;
    warned_empty = false;
    input = std::make_unique<BufferedInput>(in);
    context = std::unique_ptr<ReaderContext>(new ReaderContext{name, options, diags, stats});
    const std::string_view head = input->peek(kSniffBytes);
    if (head.empty()) {
      diags.warning({name, 0}, "empty file: nothing to read");
      warned_empty = true;
      input.reset();
      context.reset();
      return;
    }
    if (looks_binary(head)) {
      ++stats.records;
      context->reject(0,
                      "not text: the file contains NUL bytes (binary data, or UTF-16); convert it to UTF-8 "
                      "text; file skipped");
      input.reset();
      context.reset();
      return;
    }
    InputFormat format = options.format;
    if (format == InputFormat::kAuto) format = by_extension;
    if (format == InputFormat::kAuto) format = format_from_content(head);
    reader = make_reader(format, *input, *context);
  }

  // The checks common to all formats; false when the article is skipped.
  bool accept(Article& a) {
    if (a.invalid_utf8 > 0)
      diags.warning(a.origin,
                    fmt::format("{} invalid UTF-8 byte{} replaced by U+FFFD; the input should be UTF-8 "
                                "(convert it, e.g. with iconv)",
                                a.invalid_utf8, a.invalid_utf8 == 1 ? "" : "s"));
    if (blank(a.text)) {
      ++stats.skipped;
      diags.error(a.origin, "no text: the article body (\"text\") is missing or empty; record skipped");
      return false;
    }
    const text::LanguageGuess guess = text::guess_english(a.text);
    if (!guess.english) {
      ++stats.skipped;
      ++stats.non_english;
      diags.warning(a.origin,
                    fmt::format("skipped: the text does not look like English ({:.0f}% of its first {} "
                                "words are common English words); dyad reads English news only",
                                guess.score * 100, guess.words));
      return false;
    }
    if (a.story_date.empty()) a.story_date = options.default_date;
    if (a.id.empty()) a.id = make_article_id(a.source, a.title, a.text);
    return true;
  }
};

ArticleStream::ArticleStream(std::vector<std::string> paths, ReadOptions options, Diagnostics& diags)
    : impl_(std::make_unique<Impl>(std::move(paths), std::move(options), diags)) {}

ArticleStream::~ArticleStream() = default;

bool ArticleStream::next(Article& article) { return impl_->next(article); }

const ReadStats& ArticleStream::stats() const { return impl_->stats; }

}  // namespace dyad::io
