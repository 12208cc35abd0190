#include "dyad/io/text_reader.h"

#include <fmt/format.h>

#include "dyad/core/utf8.h"

namespace dyad::io {
namespace {

constexpr size_t kMaxHeadline = 1000;

class TextReader final : public Reader {
 public:
  TextReader(BufferedInput& in, ReaderContext& ctx) : in_(in), ctx_(ctx) {}

  bool next(Article& a) override {
    if (done_) return false;
    done_ = true;
    a = Article{};
    a.origin = ctx_.at(1);
    std::string all;
    const bool fits = in_.read_all(all, ctx_.options.max_record_bytes);
    if (all.find_first_not_of(" \t\r\n\f\v") == std::string::npos && fits) return false;
    ++ctx_.stats.records;
    if (!fits) {
      ctx_.reject(1, fmt::format("text file is larger than {}; skipped (split it into one file per article)",
                                 describe_size(ctx_.options.max_record_bytes)));
      return false;
    }
    if (all.starts_with("\xEF\xBB\xBF")) all.erase(0, 3);
    a.invalid_utf8 = utf8::sanitize(all);
    split_headline(all, a);
    return true;
  }

 private:
  static void split_headline(std::string& all, Article& a) {
    size_t start = all.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) start = 0;
    const size_t eol = all.find('\n', start);
    if (eol != std::string::npos && eol - start <= kMaxHeadline) {
      // Is the next line blank?
      size_t p = eol + 1;
      while (p < all.size() && (all[p] == ' ' || all[p] == '\t' || all[p] == '\r')) ++p;
      if (p < all.size() && all[p] == '\n') {
        std::string_view title(all.data() + start, eol - start);
        while (!title.empty() && (title.back() == '\r' || title.back() == ' ' || title.back() == '\t'))
          title.remove_suffix(1);
        if (!title.empty()) {
          a.title = std::string(title);
          size_t body = p;
          while (body < all.size() &&
                 (all[body] == '\n' || all[body] == '\r' || all[body] == ' ' || all[body] == '\t'))
            ++body;
          // Keep the indentation of the first body line: back up to its line start.
          while (body > p && all[body - 1] != '\n') --body;
          a.text = all.substr(body);
          return;
        }
      }
    }
    a.text = std::move(all);
  }

  BufferedInput& in_;
  ReaderContext& ctx_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<Reader> make_text_reader(BufferedInput& in, ReaderContext& ctx) {
  return std::make_unique<TextReader>(in, ctx);
}

}  // namespace dyad::io
