#include "dyad/dict/petrarch_config.h"

#include "dyad/core/ascii.h"
#include "dyad/dict/dict_text.h"

namespace dyad::dict {
namespace {}  // namespace

PetrarchConfig PetrarchConfig::parse(std::string_view content, const std::string& file, Diagnostics& diags) {
  PetrarchConfig config;
  std::map<std::string, ConfigValue>* current = nullptr;
  uint64_t number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = trim(content.substr(pos, end - pos));
    pos = end + 1;
    ++number;
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    const SourceLocation where{file, number};
    if (line.front() == '[') {
      if (line.back() != ']') {
        diags.error(where, "section header without closing ']'");
        current = nullptr;
        continue;
      }
      current = &config.sections_[ascii_lower(trim(line.substr(1, line.size() - 2)))];
      continue;
    }
    const size_t eq = line.find_first_of("=:");
    if (eq == std::string_view::npos) {
      diags.error(where, "expected 'key = value' or '[Section]'");
      continue;
    }
    if (!current) {
      diags.error(where, "'" + std::string(trim(line.substr(0, eq))) + "' is outside any [Section]");
      continue;
    }
    std::string_view value = trim(line.substr(eq + 1));
    // Inline comments, as ConfigParser's inline_comment_prefixes would strip them.
    for (size_t i = 0; i < value.size(); ++i)
      if ((value[i] == '#' || value[i] == ';') && i > 0 && (value[i - 1] == ' ' || value[i - 1] == '\t')) {
        value = trim(value.substr(0, i));
        break;
      }
    (*current)[ascii_lower(trim(line.substr(0, eq)))] = ConfigValue{std::string(value), where};
  }
  return config;
}

const std::map<std::string, ConfigValue>* PetrarchConfig::section(std::string_view name) const {
  auto it = sections_.find(ascii_lower(name));
  return it == sections_.end() ? nullptr : &it->second;
}

const ConfigValue* PetrarchConfig::find(std::string_view section_name, std::string_view key) const {
  const auto* keys = section(section_name);
  if (!keys) return nullptr;
  auto it = keys->find(ascii_lower(key));
  return it == keys->end() ? nullptr : &it->second;
}

std::vector<std::string> PetrarchConfig::list(std::string_view section_name, std::string_view key) const {
  std::vector<std::string> items;
  const ConfigValue* v = find(section_name, key);
  if (!v) return items;
  std::string_view rest = v->value;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = trim(rest.substr(0, comma));
    if (!item.empty()) items.emplace_back(item);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return items;
}

}  // namespace dyad::dict
