#include "dyad/io/jsonl_reader.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>

#include "dyad/core/utf8.h"
#include "dyad/io/date.h"

namespace dyad::io {
namespace {

using nlohmann::json;

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, ": keep
// the useful part.
std::string parse_message(const json::parse_error& e) {
  std::string what = e.what();
  if (const size_t close = what.find("] "); what.starts_with("[json.exception") && close != std::string::npos)
    what.erase(0, close + 2);
  if (what.starts_with("parse error at line 1, ")) what.erase(0, 23);
  if (what.size() > 200) what = what.substr(0, 200) + "...";
  return what;
}

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

class JsonlReader final : public Reader {
 public:
  JsonlReader(BufferedInput& in, ReaderContext& ctx) : in_(in), ctx_(ctx) {}

  bool next(Article& article) override {
    bool overflow = false;
    while (in_.getline(line_, ctx_.options.max_record_bytes, overflow)) {
      const uint64_t number = ++line_number_;
      if (!overflow && is_blank(line_)) continue;
      ++ctx_.stats.records;
      if (overflow) {
        ctx_.reject(number, fmt::format("line is longer than {}; record skipped (is this really JSON Lines?)",
                                        describe_size(ctx_.options.max_record_bytes)));
        continue;
      }
      if (parse(number, article)) return true;
    }
    line_.clear();
    line_.shrink_to_fit();
    return false;
  }

 private:
  bool parse(uint64_t number, Article& a) {
    a = Article{};
    a.origin = ctx_.at(number);
    // nlohmann rejects invalid UTF-8 in strings: repair first, report later.
    a.invalid_utf8 = utf8::sanitize(line_);
    json record;
    try {
      record = json::parse(line_);
    } catch (const json::parse_error& e) {
      std::string hint = "each line must be one complete JSON object";
      const size_t first = line_.find_first_not_of(" \t");
      const size_t last = line_.find_last_not_of(" \t");
      if (number == 1 && first != std::string::npos && first == last &&
          (line_[first] == '{' || line_[first] == '['))
        hint = "this looks like a pretty-printed JSON document; write one JSON object per line (JSON Lines)";
      ctx_.reject(number, fmt::format("invalid JSON: {}; {}; record skipped", parse_message(e), hint));
      return false;
    }
    if (!record.is_object()) {
      ctx_.reject(number,
                  fmt::format("expected a JSON object {{\"text\": ...}}, found a JSON {}; record skipped{}",
                              record.type_name(),
                              record.is_array() ? " (a JSON array of articles must be written as one "
                                                  "object per line)"
                                                : ""));
      return false;
    }
    std::string date;
    for (auto& [key, value] : record.items()) {
      std::string* target = nullptr;
      if (key == "text")
        target = &a.text;
      else if (key == "title")
        target = &a.title;
      else if (key == "source")
        target = &a.source;
      else if (key == "url")
        target = &a.url;
      else if (key == "date")
        target = &date;
      else if (key == "id") {
        if (value.is_number_integer() || value.is_number_unsigned()) {
          a.id = value.dump();
          continue;
        }
        target = &a.id;
      } else {
        a.extra[key] = std::move(value);
        continue;
      }
      if (value.is_null()) continue;
      if (!value.is_string()) {
        ctx_.reject(number, fmt::format("field \"{}\" must be a string, not a JSON {}; record skipped", key,
                                        value.type_name()));
        return false;
      }
      *target = value.get<std::string>();
    }
    if (!is_blank(date)) {
      std::string why;
      if (!parse_iso_date(date, a.story_date, why)) {
        ctx_.reject(number, fmt::format("bad \"date\" \"{}\": {}; record skipped", date.substr(0, 40), why));
        return false;
      }
    }
    return true;
  }

  BufferedInput& in_;
  ReaderContext& ctx_;
  std::string line_;
  uint64_t line_number_ = 0;
};

}  // namespace

std::unique_ptr<Reader> make_jsonl_reader(BufferedInput& in, ReaderContext& ctx) {
  return std::make_unique<JsonlReader>(in, ctx);
}

}  // namespace dyad::io
