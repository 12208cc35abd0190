#pragma once

#include <memory>
#include <string>

#include "dyad/core/article.h"
#include "dyad/core/diagnostics.h"
#include "dyad/io/article_stream.h"
#include "dyad/io/buffered_input.h"

namespace dyad::io {

// What a format reader needs besides its input: the name to show in messages, the
// options, and where to report and count.
struct ReaderContext {
  std::string file;  // "-" for standard input
  const ReadOptions& options;
  Diagnostics& diags;
  ReadStats& stats;

  SourceLocation at(uint64_t line) const { return {file, line}; }
  // Reports a record that cannot be used and counts it as skipped.
  void reject(uint64_t line, std::string message) {
    ++stats.skipped;
    diags.error(at(line), std::move(message));
  }
};

// Reads the records of one input in one format. Each reader counts every record it
// sees in stats.records, reports and skips (ReaderContext::reject) the ones it cannot
// parse, and returns the others with `origin` set and the text fields already made
// valid UTF-8 (`invalid_utf8` counts the bytes replaced). Checks common to every
// format (empty text, language, default date, id) are ArticleStream's.
class Reader {
 public:
  virtual ~Reader() = default;
  // The next parsed record; false at the end of the input.
  virtual bool next(Article& article) = 0;
};

std::unique_ptr<Reader> make_text_reader(BufferedInput& in, ReaderContext& ctx);
std::unique_ptr<Reader> make_jsonl_reader(BufferedInput& in, ReaderContext& ctx);
std::unique_ptr<Reader> make_csv_reader(BufferedInput& in, ReaderContext& ctx);
std::unique_ptr<Reader> make_html_reader(BufferedInput& in, ReaderContext& ctx);
std::unique_ptr<Reader> make_petrarch_reader(BufferedInput& in, ReaderContext& ctx);

// The reader for `format`, which must not be kAuto.
std::unique_ptr<Reader> make_reader(InputFormat format, BufferedInput& in, ReaderContext& ctx);

// "12.0 MB" style size for messages.
std::string describe_size(size_t bytes);

}  // namespace dyad::io
