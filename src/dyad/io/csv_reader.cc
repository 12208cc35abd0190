#include "dyad/io/csv_reader.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "dyad/core/utf8.h"
#include "dyad/io/date.h"
#include "dyad/io/reader.h"

namespace dyad::io {
namespace {

std::string trim_lower(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

std::string shown_byte(int c) {
  if (c >= 0x21 && c < 0x7F) return fmt::format("'{}'", static_cast<char>(c));
  if (c == ' ') return "a space";
  return fmt::format("byte 0x{:02X}", c);
}

class CsvReader final : public Reader {
 public:
  CsvReader(BufferedInput& in, ReaderContext& ctx) : in_(in), ctx_(ctx) {}

  bool next(Article& article) override {
    while (true) {
      uint64_t start = 0;
      const Result r = read_record(start);
      if (r == Result::kEnd) return false;
      if (r == Result::kBroken) continue;
      if (fields_.size() == 1 && is_blank(fields_[0])) continue;  // blank line
      if (!have_header_) {
        if (!take_header(start)) return false;
        continue;
      }
      ++ctx_.stats.records;
      if (fields_.size() != columns_.size()) {
        ctx_.reject(start,
                    fmt::format("CSV record has {} field{} but the header has {} columns; quote fields "
                                "that contain commas, quotes or line breaks",
                                fields_.size(), fields_.size() == 1 ? "" : "s", columns_.size()));
        continue;
      }
      if (make_article(start, article)) return true;
    }
  }

 private:
  enum class Result { kRecord, kBroken, kEnd };

  bool take_header(uint64_t start) {
    if (!fields_.empty() && fields_[0].starts_with("\xEF\xBB\xBF")) fields_[0].erase(0, 3);
    columns_.clear();
    bool has_text = false;
    for (const auto& f : fields_) {
      columns_.push_back(trim_lower(f));
      has_text |= columns_.back() == "text";
    }
    if (!has_text) {
      std::string names;
      for (const auto& c : columns_) names += (names.empty() ? "" : ", ") + c;
      ctx_.diags.error(ctx_.at(start), fmt::format("CSV header has no 'text' column (columns: {}); the first "
                                                   "line must name the columns, one of them 'text' for the "
                                                   "article body; file skipped",
                                                   names.substr(0, 300)));
      return false;
    }
    have_header_ = true;
    return true;
  }

  bool make_article(uint64_t start, Article& a) {
    a = Article{};
    a.origin = ctx_.at(start);
    for (size_t i = 0; i < columns_.size(); ++i) {
      std::string& value = fields_[i];
      a.invalid_utf8 += utf8::sanitize(value);
      const std::string& col = columns_[i];
      if (col == "text")
        a.text = std::move(value);
      else if (col == "id")
        a.id = std::move(value);
      else if (col == "title")
        a.title = std::move(value);
      else if (col == "source")
        a.source = std::move(value);
      else if (col == "url")
        a.url = std::move(value);
      else if (col == "date") {
        if (is_blank(value)) continue;
        std::string why;
        if (!parse_iso_date(value, a.story_date, why)) {
          ctx_.reject(start, fmt::format("bad date '{}' in column 'date': {}; fix it or leave it empty",
                                         value.substr(0, 40), why));
          return false;
        }
      } else if (!col.empty()) {
        a.extra[col] = std::move(value);
      }
    }
    return true;
  }

  // Reads one record into fields_. On a quoting error, reports it, puts back the bytes
  // after the record's first line and returns kBroken.
  Result read_record(uint64_t& start) {
    fields_.clear();
    raw_.clear();
    start = line_;
    int c = in_.get();
    if (c < 0) return Result::kEnd;
    const size_t max = ctx_.options.max_record_bytes;
    std::string field;
    uint64_t quote_line = 0;
    while (true) {
      // At the start of a field; c is its first byte (or -1).
      if (c == '"') {
        raw_.push_back('"');
        quote_line = line_;
        while (true) {
          c = in_.get();
          if (c < 0) return broken_unterminated(start, quote_line);
          raw_.push_back(static_cast<char>(c));
          if (raw_.size() > max) return broken_too_long(start, quote_line);
          if (c == '"') {
            const int d = in_.peek_byte();
            if (d == '"') {
              in_.get();
              raw_.push_back('"');
              field.push_back('"');
              continue;
            }
            break;
          }
          if (c == '\n') ++line_;
          field.push_back(static_cast<char>(c));
        }
        c = in_.get();
        if (c == '\r' && in_.peek_byte() == '\n') {
          raw_.push_back('\r');
          c = in_.get();
        }
        if (c >= 0) raw_.push_back(static_cast<char>(c));
        if (c != ',' && c != '\n' && c >= 0) return broken_after_quote(start, c);
      } else {
        while (c >= 0 && c != ',' && c != '\n') {
          raw_.push_back(static_cast<char>(c));
          if (raw_.size() > max) return broken_too_long(start, 0);
          if (c == '\r' && in_.peek_byte() == '\n') {
            c = in_.get();
            break;
          }
          field.push_back(static_cast<char>(c));
          c = in_.get();
        }
        if (c >= 0) raw_.push_back(static_cast<char>(c));
      }
      fields_.push_back(std::move(field));
      field.clear();
      if (c == ',') {
        c = in_.get();
        continue;
      }
      if (c == '\n') ++line_;
      return Result::kRecord;  // '\n' or end of input
    }
  }

  // Starts reading again on the line after `start`, from the bytes already consumed.
  void resync(uint64_t start) {
    const size_t nl = raw_.find('\n');
    if (nl != std::string::npos) {
      in_.unread(std::string_view(raw_).substr(nl + 1));
      line_ = start + 1;
    } else {
      // The record's first line is not over: drop the rest of it.
      int c;
      while ((c = in_.get()) >= 0 && c != '\n') {
      }
      line_ = start + 1;
    }
  }

  Result broken_unterminated(uint64_t start, uint64_t quote_line) {
    ++ctx_.stats.records;
    if (rescanned_after_eof_) {
      // Already recovered once from a quote left open to the end; doing it again could
      // take quadratic time, so the rest of the file is given up.
      ctx_.reject(start,
                  fmt::format("unterminated quoted field: the quote opened on line {} is never closed; "
                              "the rest of the file is skipped; escape quotes inside fields as \"\"",
                              quote_line));
      return Result::kEnd;
    }
    ctx_.reject(start, fmt::format("unterminated quoted field: the quote opened on line {} is never closed "
                                   "before the end of the file; this record is skipped and reading goes on "
                                   "at line {}; escape quotes inside fields as \"\"",
                                   quote_line, start + 1));
    rescanned_after_eof_ = true;
    resync(start);
    return Result::kBroken;
  }

  Result broken_too_long(uint64_t start, uint64_t quote_line) {
    ++ctx_.stats.records;
    std::string hint =
        quote_line ? fmt::format(" (is the quote opened on line {} never closed?)", quote_line) : "";
    ctx_.reject(start, fmt::format("CSV record is larger than {}{}; record skipped",
                                   describe_size(ctx_.options.max_record_bytes), hint));
    if (quote_line == 0 || rescanned_after_eof_) {
      // One enormous unquoted line (or a second runaway quote): drop the line.
      int c;
      while ((c = in_.get()) >= 0 && c != '\n') {
      }
      line_ = start + 1;
      return Result::kBroken;
    }
    rescanned_after_eof_ = true;
    resync(start);
    return Result::kBroken;
  }

  Result broken_after_quote(uint64_t start, int c) {
    ++ctx_.stats.records;
    ctx_.reject(start, fmt::format("broken CSV quoting: on line {} a closing quote is followed by {} instead "
                                   "of a comma or line end; a quote inside a quoted field must be doubled "
                                   "(\"\"); record skipped",
                                   line_, shown_byte(c)));
    if (c == '\n') ++line_;  // not reached (newline ends the field), kept for clarity
    resync(start);
    return Result::kBroken;
  }

  BufferedInput& in_;
  ReaderContext& ctx_;
  uint64_t line_ = 1;
  bool have_header_ = false;
  bool rescanned_after_eof_ = false;
  std::vector<std::string> columns_;
  std::vector<std::string> fields_;
  std::string raw_;  // the bytes of the record being read, to read them again after an error
};

}  // namespace

bool csv_header_has_text_column(std::string_view line) {
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  std::vector<std::string> cols(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          cols.back().push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cols.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cols.emplace_back();
    } else {
      cols.back().push_back(c);
    }
  }
  if (quoted || cols.size() < 2) return false;
  for (const auto& c : cols) {
    const std::string name = trim_lower(c);
    if (name.empty() || name.size() > 64) return false;
    if (name == "text") return true;
  }
  return false;
}

std::unique_ptr<Reader> make_csv_reader(BufferedInput& in, ReaderContext& ctx) {
  return std::make_unique<CsvReader>(in, ctx);
}

}  // namespace dyad::io
