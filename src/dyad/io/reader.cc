#include "dyad/io/reader.h"

#include <fmt/format.h>

namespace dyad::io {

std::unique_ptr<Reader> make_reader(InputFormat format, BufferedInput& in, ReaderContext& ctx) {
  switch (format) {
    case InputFormat::kJsonl:
      return make_jsonl_reader(in, ctx);
    case InputFormat::kCsv:
      return make_csv_reader(in, ctx);
    case InputFormat::kHtml:
      return make_html_reader(in, ctx);
    case InputFormat::kPetrarch:
      return make_petrarch_reader(in, ctx);
    case InputFormat::kText:
    case InputFormat::kAuto:
      break;
  }
  return make_text_reader(in, ctx);
}

std::string describe_size(size_t bytes) {
  if (bytes >= (size_t{1} << 20)) return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1 << 20));
  if (bytes >= 1024) return fmt::format("{:.1f} KB", static_cast<double>(bytes) / 1024);
  return fmt::format("{} bytes", bytes);
}

bool parse_input_format(std::string_view name, InputFormat& out) {
  static constexpr std::pair<std::string_view, InputFormat> kNames[] = {
      {"auto", InputFormat::kAuto},   {"text", InputFormat::kText},  {"txt", InputFormat::kText},
      {"jsonl", InputFormat::kJsonl}, {"json", InputFormat::kJsonl}, {"ndjson", InputFormat::kJsonl},
      {"csv", InputFormat::kCsv},     {"html", InputFormat::kHtml},  {"petrarch", InputFormat::kPetrarch},
      {"xml", InputFormat::kPetrarch}};
  for (const auto& [n, f] : kNames) {
    if (n == name) {
      out = f;
      return true;
    }
  }
  return false;
}

const char* input_format_name(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kJsonl:
      return "jsonl";
    case InputFormat::kCsv:
      return "csv";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kPetrarch:
      return "petrarch";
  }
  return "auto";
}

}  // namespace dyad::io
