#include "dyad/dict/dict_text.h"

#include <fstream>
#include <sstream>

namespace dyad::dict {

std::string strip_comments(std::string_view line, bool& in_xml_comment) {
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    if (in_xml_comment) {
      size_t end = line.find("-->", i);
      if (end == std::string_view::npos) return out;
      i = end + 3;
      in_xml_comment = false;
      continue;
    }
    size_t xml = line.find("<!--", i);
    size_t cut = std::string_view::npos;
    for (size_t j = i; j < line.size() && j < xml; ++j) {
      char c = line[j];
      if (c == '#' || c == ';') {
        cut = j;
        break;
      }
      if (c == '/' && j + 1 < line.size() && line[j + 1] == '/' &&
          (j == 0 || line[j - 1] == ' ' || line[j - 1] == '\t')) {
        cut = j;
        break;
      }
    }
    if (cut != std::string_view::npos) {
      out.append(line.substr(i, cut - i));
      return out;
    }
    if (xml == std::string_view::npos) {
      out.append(line.substr(i));
      return out;
    }
    out.append(line.substr(i, xml - i));
    out.push_back(' ');
    in_xml_comment = true;
    i = xml + 4;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; };
  while (b < e && blank(s[b])) ++b;
  while (e > b && blank(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

Phrase normalize_phrase(std::string_view text) {
  Phrase words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '_' || text[i] == '\t' || text[i] == '\r')) ++i;
    size_t b = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '_' && text[i] != '\t' && text[i] != '\r') ++i;
    if (i > b) words.push_back(upper(text.substr(b, i - b)));
  }
  return words;
}

std::string join(const Phrase& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

bool parse_date(std::string_view text, int32_t& yyyymmdd) {
  if (text.size() != 6 && text.size() != 8) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  auto num = [&](size_t at, size_t len) {
    int v = 0;
    for (size_t k = at; k < at + len; ++k) v = v * 10 + (text[k] - '0');
    return v;
  };
  int year, month, day;
  if (text.size() == 6) {
    int yy = num(0, 2);
    year = yy <= 30 ? 2000 + yy : 1900 + yy;
    month = num(2, 2);
    day = num(4, 2);
  } else {
    year = num(0, 4);
    month = num(4, 2);
    day = num(6, 2);
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day > max_day) return false;
  yyyymmdd = year * 10000 + month * 100 + day;
  return true;
}

std::string regular_plural(std::string_view noun) {
  std::string s(noun);
  if (s.empty()) return s;
  bool lower = s.back() >= 'a' && s.back() <= 'z';
  char last = static_cast<char>(lower ? s.back() - 'a' + 'A' : s.back());
  if (last == 'Y') {
    s.pop_back();
    s += lower ? "ies" : "IES";
  } else if (last == 'S' && s.size() >= 2 && (s[s.size() - 2] == 'S' || s[s.size() - 2] == 's')) {
    s += lower ? "es" : "ES";
  } else {
    s += lower ? "s" : "S";
  }
  return s;
}

std::vector<DictLine> split_lines(std::string_view content) {
  std::vector<DictLine> lines;
  bool in_xml = false;
  uint64_t number = 0;
  size_t i = 0;
  while (i < content.size()) {
    size_t end = content.find('\n', i);
    if (end == std::string_view::npos) end = content.size();
    ++number;
    std::string text = strip_comments(content.substr(i, end - i), in_xml);
    if (!trim(text).empty()) lines.push_back({number, std::move(text)});
    i = end + 1;
  }
  return lines;
}

bool read_dictionary_file(const std::filesystem::path& path, std::string& content, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error({path.string(), 0}, "cannot open dictionary file");
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  content = std::move(ss).str();
  return true;
}

}  // namespace dyad::dict
