#include "dyad/dict/dictionary_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include "dyad/core/ascii.h"
#include "dyad/dict/native_format.h"

namespace dyad::dict {
namespace fs = std::filesystem;
namespace {

enum class Kind { kNone, kVerbs, kActors, kAgents, kDiscards, kIssues };

// The kind a PETRARCH dictionary file name implies.
Kind petrarch_kind(const std::string& name) {
  const std::string n = ascii_lower(name);
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

  // Dyad's own format: the kind is in each file's first line.
  std::vector<fs::path> native[5];
  bool any_native = false;
  for (const fs::path& p : names) {
    if (p.extension() != ".dyad") continue;
    std::ifstream in(p, std::ios::binary);
    std::string header;
    std::getline(in, header);
    const auto kind = native_kind_of(header);
    if (!kind) {
      diags.error({p.string(), 1},
                  "not a Dyad dictionary file (the first line should be "
                  "'dyad-dictionary 1 KIND'); not read");
      continue;
    }
    native[static_cast<int>(*kind)].push_back(p);
    any_native = true;
  }
  if (any_native) {
    files.format = DictionaryFormat::kNative;
    assign_single(Kind::kVerbs, native[static_cast<int>(NativeKind::kVerbs)], files.verbs, diags);
    files.actors = native[static_cast<int>(NativeKind::kActors)];
    assign_single(Kind::kAgents, native[static_cast<int>(NativeKind::kAgents)], files.agents, diags);
    assign_single(Kind::kDiscards, native[static_cast<int>(NativeKind::kDiscards)], files.discards, diags);
    assign_single(Kind::kIssues, native[static_cast<int>(NativeKind::kIssues)], files.issues, diags);
    std::error_code ignored;
    if (fs::is_regular_file(directory / kNativeOptionsFile, ignored))
      files.config = directory / kNativeOptionsFile;
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
  if (files.format == DictionaryFormat::kNative) {
    load(files.verbs, "verbs",
         [&](const std::string& c, const std::string& n) { set.verbs = read_native_verbs(c, n, diags); });
    for (const fs::path& p : files.actors)
      load(p, "actors",
           [&](const std::string& c, const std::string& n) { add_native_actors(c, n, set.actors, diags); });
    load(files.agents, "agents",
         [&](const std::string& c, const std::string& n) { set.agents = read_native_agents(c, n, diags); });
    load(files.discards, "discards", [&](const std::string& c, const std::string& n) {
      set.discards = read_native_discards(c, n, diags);
    });
    load(files.issues, "issues",
         [&](const std::string& c, const std::string& n) { set.issues = read_native_issues(c, n, diags); });
  } else {
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
  }
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

bool write_native_set(const DictionarySet& set, const fs::path& directory, Diagnostics& diags) {
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec) {
    diags.error({directory.string(), 0}, "cannot create the directory: " + ec.message());
    return false;
  }
  bool ok = true;
  const auto write = [&](NativeKind kind, const auto& dict, std::vector<fs::path> sources) {
    if (sources.empty() || sources.front().empty()) return;
    NativeWriteOptions options;
    for (const fs::path& s : sources) options.notes.push_back("converted from " + s.filename().string());
    const fs::path target = directory / native_file_name(kind);
    // Written beside and renamed, so a failed run leaves no half-written dictionary.
    const fs::path partial = target.string() + ".partial";
    {
      std::ofstream out(partial, std::ios::binary | std::ios::trunc);
      write_native(dict, out, options);
      out.flush();
      if (!out) {
        diags.error({partial.string(), 0}, "cannot write the file");
        ok = false;
        return;
      }
    }
    fs::rename(partial, target, ec);
    if (ec) {
      diags.error({target.string(), 0}, "cannot rename " + partial.string() + ": " + ec.message());
      ok = false;
    }
  };
  write(NativeKind::kVerbs, set.verbs, {set.files.verbs});
  write(NativeKind::kActors, set.actors, set.files.actors);
  write(NativeKind::kAgents, set.agents, {set.files.agents});
  write(NativeKind::kDiscards, set.discards, {set.files.discards});
  write(NativeKind::kIssues, set.issues, {set.files.issues});
  if (const auto* options = set.config.section("Options")) {
    std::ofstream out(directory / kNativeOptionsFile, std::ios::binary | std::ios::trunc);
    out << "# PETRARCH's coder options, from " << set.files.config.filename().string() << "\n[Options]\n";
    for (const auto& [name, value] : *options) out << name << " = " << value.value << "\n";
    if (!out) {
      diags.error({(directory / kNativeOptionsFile).string(), 0}, "cannot write the file");
      ok = false;
    }
  }
  return ok;
}

std::vector<std::string> differences(const DictionarySet& a, const DictionarySet& b, size_t limit) {
  std::vector<std::string> out;
  const auto add = [&](const char* kind, std::vector<std::string> found) {
    for (std::string& d : found)
      if (out.size() < limit) out.push_back(std::string(kind) + ": " + d);
  };
  add("verbs", differences(a.verbs, b.verbs, limit));
  add("actors", differences(a.actors, b.actors, limit));
  add("agents", differences(a.agents, b.agents, limit));
  add("discards", differences(a.discards, b.discards, limit));
  add("issues", differences(a.issues, b.issues, limit));
  return out;
}

std::string hash_hex(uint64_t hash) { return fmt::format("{:016x}", hash); }

}  // namespace dyad::dict
