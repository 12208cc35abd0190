#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/core/article.h"
#include "dyad/core/diagnostics.h"

namespace dyad::io {

enum class InputFormat { kAuto, kText, kJsonl, kCsv, kHtml, kPetrarch };

// "text", "jsonl", "csv", "html", "petrarch" (and "auto"); false when unknown.
bool parse_input_format(std::string_view name, InputFormat& out);
const char* input_format_name(InputFormat f);

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension, then by content
  std::string default_date;                 // story date for records that carry none
  // A record (JSON line, CSV record, text or HTML file, PETRARCH <Text>) larger than
  // this is rejected with an error instead of being held in memory.
  size_t max_record_bytes = size_t{64} << 20;
};

struct ReadStats {
  uint64_t records = 0;      // records seen (good or bad)
  uint64_t skipped = 0;      // records not produced: rejected with an error, or not English
  uint64_t non_english = 0;  // of `skipped`, those that did not look like English
  uint64_t files = 0;        // files (or standard input) opened
};

// Streams articles from files and directories (walked recursively, in sorted
// order), or from standard input when `paths` is empty or is "-". One article is
// held at a time, so memory does not grow with the input. Malformed records are
// reported to `diags` as "file:line: ..." and skipped; reading goes on.
//
// Every produced article has a non-empty `text` that is valid UTF-8 (bad bytes
// replaced by U+FFFD and reported as a warning), looks like English, and has an `id`
// (generated from its content when the input has none).
class ArticleStream {
 public:
  ArticleStream(std::vector<std::string> paths, ReadOptions options, Diagnostics& diags);
  ~ArticleStream();
  ArticleStream(const ArticleStream&) = delete;
  ArticleStream& operator=(const ArticleStream&) = delete;

  // Fills `article` with the next good record; false at the end of all input.
  bool next(Article& article);
  const ReadStats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad::io
