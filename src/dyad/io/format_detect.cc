#include "dyad/io/format_detect.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "dyad/core/ascii.h"
#include "dyad/io/csv_reader.h"

namespace dyad::io {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view skip_space(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

}  // namespace

InputFormat format_from_extension(std::string_view path) {
  const std::string p = ascii_lower(path);
  if (ends_with(p, ".txt")) return InputFormat::kText;
  if (ends_with(p, ".jsonl") || ends_with(p, ".json") || ends_with(p, ".ndjson")) return InputFormat::kJsonl;
  if (ends_with(p, ".csv")) return InputFormat::kCsv;
  if (ends_with(p, ".html") || ends_with(p, ".htm")) return InputFormat::kHtml;
  if (ends_with(p, ".xml")) return InputFormat::kPetrarch;
  return InputFormat::kAuto;
}

bool looks_binary(std::string_view head) { return head.find('\0') != std::string_view::npos; }

InputFormat format_from_content(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);  // byte order mark
  std::string_view s = skip_space(head);
  if (s.starts_with("{")) return InputFormat::kJsonl;
  if (s.starts_with("<")) {
    // Skip an XML declaration, comments and a doctype to the first element.
    std::string_view rest = s;
    while (true) {
      rest = skip_space(rest);
      if (rest.starts_with("<?")) {
        const size_t end = rest.find("?>");
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 2);
      } else if (rest.starts_with("<!--")) {
        const size_t end = rest.find("-->");
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 3);
      } else {
        break;
      }
    }
    const std::string low = ascii_lower(rest.substr(0, 64));
    if (low.starts_with("<!doctype html") || low.starts_with("<html")) return InputFormat::kHtml;
    if (rest.starts_with("<Sentences") || rest.starts_with("<Validation") || rest.starts_with("<Sentence "))
      return InputFormat::kPetrarch;
    if (low.starts_with("<head") || low.starts_with("<body") || low.starts_with("<meta"))
      return InputFormat::kHtml;
  }
  const size_t nl = head.find('\n');
  std::string_view first = head.substr(0, nl);
  if (first.ends_with('\r')) first.remove_suffix(1);
  if (csv_header_has_text_column(first)) return InputFormat::kCsv;
  return InputFormat::kText;
}

}  // namespace dyad::io
