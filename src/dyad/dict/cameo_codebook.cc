#include "dyad/dict/cameo_codebook.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <system_error>

#include "dyad/core/data_path.h"
#include "dyad/dict/dict_text.h"

namespace dyad::dict {

namespace {

constexpr std::string_view kColumns[] = {"code",        "name",        "goldstein",     "quad_class",
                                         "plover_type", "plover_mode", "plover_context"};
constexpr size_t kColumnCount = std::size(kColumns);

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

bool all_of(std::string_view s, bool (*pred)(char)) { return std::all_of(s.begin(), s.end(), pred); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_type_char(char c) { return (c >= 'A' && c <= 'Z') || c == '_'; }

std::string column_line() {
  std::string out;
  for (std::string_view c : kColumns) {
    if (!out.empty()) out += "\\t";
    out += c;
  }
  return out;
}

// Parses one data line into `out`; returns an error message, empty when fine.
std::string parse_row(std::string_view line, CameoCode& out) {
  const std::vector<std::string_view> f = split_tabs(line);
  if (f.size() != kColumnCount)
    return "expected " + std::to_string(kColumnCount) + " tab-separated fields, found " +
           std::to_string(f.size());
  if (f[0].size() < 2 || f[0].size() > 4 || !all_of(f[0], is_digit))
    return "bad CAMEO code '" + std::string(f[0]) + "' (expected 2 to 4 digits)";
  if (trim(f[1]).empty()) return "code " + std::string(f[0]) + " has no name";
  double goldstein = 0;
  const auto [end, ec] = std::from_chars(f[2].data(), f[2].data() + f[2].size(), goldstein);
  if (f[2].empty() || ec != std::errc() || end != f[2].data() + f[2].size() || goldstein < -10 ||
      goldstein > 10)
    return "bad Goldstein score '" + std::string(f[2]) + "' (expected a number from -10 to 10)";
  if (f[3].size() != 1 || f[3][0] < '1' || f[3][0] > '4')
    return "bad quad class '" + std::string(f[3]) + "' (expected 1 to 4)";
  if (!all_of(f[4], is_type_char)) return "bad PLOVER type '" + std::string(f[4]) + "'";
  if (f[4].empty() && (!f[5].empty() || !f[6].empty())) return "PLOVER mode or context without a PLOVER type";
  out.code = std::string(f[0]);
  out.name = std::string(trim(f[1]));
  out.goldstein = goldstein;
  out.quad_class = f[3][0] - '0';
  out.plover_type = std::string(f[4]);
  out.plover_mode = std::string(trim(f[5]));
  out.plover_context = std::string(trim(f[6]));
  return {};
}

}  // namespace

bool CameoCodebook::load_string(std::string_view content, const std::string& file, Diagnostics& diags) {
  bool header = false;
  uint64_t number = 0;
  size_t i = 0;
  while (i < content.size()) {
    size_t eol = content.find('\n', i);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(i, eol - i);
    i = eol + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || line.front() == '#') continue;
    const SourceLocation where{file, number};
    if (!header) {
      const std::vector<std::string_view> names = split_tabs(line);
      if (!std::equal(names.begin(), names.end(), std::begin(kColumns), std::end(kColumns))) {
        diags.error(where, "not a CAMEO code table: expected the column line '" + column_line() + "'");
        return false;
      }
      header = true;
      continue;
    }
    CameoCode code;
    if (std::string problem = parse_row(line, code); !problem.empty()) {
      diags.error(where, problem + "; line skipped");
      continue;
    }
    code.where = where;
    const auto [it, fresh] = index_.emplace(code.code, codes_.size());
    if (!fresh) {
      diags.warning(where, "code " + code.code + " is defined again (first at " +
                               codes_[it->second].where.str() + "); the first is kept");
      continue;
    }
    codes_.push_back(std::move(code));
  }
  if (!header) {
    diags.error({file, number}, "not a CAMEO code table: no column line");
    return false;
  }
  return true;
}

bool CameoCodebook::load(const std::filesystem::path& path, Diagnostics& diags) {
  std::string content;
  if (!read_dictionary_file(path, content, diags)) return false;
  return load_string(content, path.string(), diags);
}

const CameoCode* CameoCodebook::find(std::string_view code) const {
  const auto it = index_.find(code);
  return it == index_.end() ? nullptr : &codes_[it->second];
}

const CameoCode* CameoCodebook::find_nearest(std::string_view code) const {
  for (; !code.empty(); code.remove_suffix(1))
    if (const CameoCode* c = find(code)) return c;
  return nullptr;
}

std::filesystem::path find_default_codebook(std::string* looked) {
  return find_data_file(kDefaultCodebookName, looked);
}

bool load_default_codebook(CameoCodebook& codebook, Diagnostics& diags) {
  std::string looked;
  const std::filesystem::path path = find_default_codebook(&looked);
  if (path.empty()) {
    diags.error({kDefaultCodebookName, 0},
                "no CAMEO code table found; looked in:" + looked + "\nset $DYAD_DATA_DIR to Dyad's data/");
    return false;
  }
  return codebook.load(path, diags);
}

}  // namespace dyad::dict
