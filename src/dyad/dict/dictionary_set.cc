#include "dyad/dict/dictionary_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <system_error>

namespace dyad::dict {
namespace fs = std::filesystem;
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

enum class Kind { kNone, kVerbs, kActors, kAgents, kDiscards, kIssues };

// The kind a PETRARCH dictionary file name implies.
Kind petrarch_kind(const std::string& name) {
  const std::string n = lower(name);
  if (!n.ends_with(".txt")) return Kind::kNone;
  if (n.ends_with(".verbs.txt") || n.starts_with("cameo")) return Kind::kVerbs;
  if (n.ends_with(".actors.txt")) return Kind::kActors;
  if (n.ends_with(".agents.txt")) return Kind::kAgents;
  if (n.ends_with(".discards.txt")) return Kind::kDiscards;
  if (n.find("issue") != std::string::npos) return Kind::kIssues;
  return Kind::kNone;
}

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::kVerbs:
      return "verb";
    case Kind::kActors:
      return "actor";
    case Kind::kAgents:
      return "agent";
    case Kind::kDiscards:
      return "discard";
    case Kind::kIssues:
      return "issue";
    case Kind::kNone:
      break;
  }
  return "unknown";
}

// One file of a kind PETRARCH reads once: keep the first, warn about the others.
void assign_single(Kind kind, const std::vector<fs::path>& found, fs::path& slot, Diagnostics& diags) {
  if (found.empty()) return;
  slot = found.front();
  for (size_t i = 1; i < found.size(); ++i)
    diags.warning({found[i].string(), 0},
                  fmt::format("another {} dictionary besides {}; this one is not read "
                              "(name the files in a PETR_config.ini to choose)",
                              kind_name(kind), slot.filename().string()));
}

bool from_config(const fs::path& directory, const fs::path& ini, DictionaryFiles& files, Diagnostics& diags) {
  std::string content;
  if (!read_dictionary_file(ini, content, diags)) return false;
  const PetrarchConfig config = PetrarchConfig::parse(content, ini.string(), diags);
  files.config = ini;
  const auto resolve = [&](const std::string& key, fs::path& out) {
    const ConfigValue* v = config.find("Dictionaries", key);
    if (!v || v->value.empty()) return;
    fs::path p = directory / v->value;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) {
      diags.error(v->where, key + " names " + p.string() + ", which does not exist");
      return;
    }
    out = p;
  };
  resolve("verbfile_name", files.verbs);
  const ConfigValue* actor_list = config.find("Dictionaries", "actorfile_list");
  for (const std::string& name : config.list("Dictionaries", "actorfile_list")) {
    fs::path p = directory / name;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) {
      diags.error(actor_list->where, "actorfile_list names " + p.string() + ", which does not exist");
      continue;
    }
    files.actors.push_back(p);
  }
  resolve("agentfile_name", files.agents);
  resolve("discardfile_name", files.discards);
  resolve("issuefile_name", files.issues);
  return true;
}

void add_hash(uint64_t& h, std::string_view bytes) {
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ULL;
  h = (h ^ 0xff) * 0x100000001b3ULL;  // a separator, so ("ab","c") and ("a","bc") differ
}

}  // namespace

bool find_dictionary_files(const fs::path& directory, DictionaryFiles& files, Diagnostics& diags) {
  files = DictionaryFiles{};
  files.directory = directory;
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    diags.error({directory.string(), 0},
                "not a dictionary directory (expected a directory holding "
                "CAMEO*.txt, *.actors.txt, ... or Dyad's .dyad files)");
    return false;
  }
  std::vector<fs::path> names;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) names.push_back(it->path());
  if (ec) {
    diags.error({directory.string(), 0}, "cannot list the directory: " + ec.message());
    return false;
  }
  std::sort(names.begin(), names.end());

  for (const fs::path& p : names)
    if (p.filename() == "PETR_config.ini") {
      from_config(directory, p, files, diags);
      if (files.empty()) {
        diags.error({p.string(), 0}, "the [Dictionaries] section names no dictionary file that exists");
        return false;
      }
      return true;
    }

  std::vector<fs::path> by_kind[6];
  for (const fs::path& p : names)
    by_kind[static_cast<int>(petrarch_kind(p.filename().string()))].push_back(p);
  assign_single(Kind::kVerbs, by_kind[static_cast<int>(Kind::kVerbs)], files.verbs, diags);
  files.actors = by_kind[static_cast<int>(Kind::kActors)];
  assign_single(Kind::kAgents, by_kind[static_cast<int>(Kind::kAgents)], files.agents, diags);
  assign_single(Kind::kDiscards, by_kind[static_cast<int>(Kind::kDiscards)], files.discards, diags);
  assign_single(Kind::kIssues, by_kind[static_cast<int>(Kind::kIssues)], files.issues, diags);
  if (files.empty()) {
    diags.error({directory.string(), 0},
                "no dictionary files found (looked for PETR_config.ini, CAMEO*.txt, *.verbs.txt, "
                "*.actors.txt, *.agents.txt, *.discards.txt, *Issue*.txt)");
    return false;
  }
  return true;
}

bool load_dictionary_files(const DictionaryFiles& files, DictionarySet& set, Diagnostics& diags) {
  set.files = files;
  uint64_t hash = 0xcbf29ce484222325ULL;
  size_t read = 0;
  const auto load = [&](const fs::path& path, const char* kind, auto&& parse) {
    if (path.empty()) return;
    std::string content;
    if (!read_dictionary_file(path, content, diags)) return;
    add_hash(hash, kind);
    add_hash(hash, path.filename().string());
    add_hash(hash, content);
    parse(content, path.string());
    ++read;
  };
  if (!files.config.empty()) {
    std::string content;
    if (read_dictionary_file(files.config, content, diags)) {
      set.config = PetrarchConfig::parse(content, files.config.string(), diags);
      add_hash(hash, "config");
      add_hash(hash, content);
    }
  }
  load(files.verbs, "verbs", [&](const std::string& content, const std::string& name) {
    std::istringstream in(content);
    set.verbs = read_verb_dictionary(in, name, diags);
  });
  for (const fs::path& p : files.actors)
    load(p, "actors",
         [&](const std::string& c, const std::string& n) { set.actors.load_string(c, n, diags); });
  load(files.agents, "agents",
       [&](const std::string& c, const std::string& n) { set.agents.load_string(c, n, diags); });
  load(files.discards, "discards",
       [&](const std::string& c, const std::string& n) { set.discards.load_string(c, n, diags); });
  load(files.issues, "issues",
       [&](const std::string& c, const std::string& n) { set.issues.load_string(c, n, diags); });
  set.hash = hash;
  return read > 0;
}

bool load_dictionary_set(const fs::path& directory, DictionarySet& set, Diagnostics& diags) {
  DictionaryFiles files;
  if (!find_dictionary_files(directory, files, diags)) return false;
  return load_dictionary_files(files, set, diags);
}

std::string DictionarySet::summary() const {
  size_t ranges = 0;
  for (const Actor& a : actors.actors())
    for (const DatedCode& c : a.codes) ranges += c.bounded();
  return fmt::format(
      "{} verb blocks, {} verbs, {} patterns, {} synsets; {} actors ({} phrases, {} dated codes); "
      "{} agent forms; {} discards; {} issue forms",
      verbs.blocks().size(), verbs.verbs().size(), verbs.patterns().size(), verbs.synsets().size(),
      actors.size(), actors.phrase_count(), ranges, agents.size(), discards.size(), issues.size());
}

std::string hash_hex(uint64_t hash) { return fmt::format("{:016x}", hash); }

}  // namespace dyad::dict
