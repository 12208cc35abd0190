#include "dyad/dict/dict_stats.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <span>

namespace dyad::dict {
namespace {

bool in(std::string_view three, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), three) != list.end();
}

// CAMEO codebook (2012), chapter on actor codes: regions, then role and sector codes, with
// PLOVER's additions (JRN journalists, REL religion).
constexpr std::array<std::string_view, 26> kRegions = {
    "AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MDT",
    "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST", "CEU"};
constexpr std::array<std::string_view, 5> kOrganisations = {"IGO", "NGO", "IMG", "MNC", "NGM"};
constexpr std::array<std::string_view, 30> kSectors = {
    "GOV", "MIL", "REB", "OPP", "PTY", "JUD", "LEG", "COP", "SPY", "BUS", "MED", "JRN", "EDU", "HLH", "REF",
    "CVL", "LAB", "REL", "ELI", "UAF", "CRM", "AGR", "ENV", "HRI", "DEV", "SEP", "INS", "RAD", "MOD", "SET"};

void add(std::map<std::string, size_t, std::less<>>& counts, std::string_view key, size_t n = 1) {
  auto it = counts.find(key);
  if (it == counts.end()) it = counts.emplace(std::string(key), 0).first;
  it->second += n;
}

// The PLOVER row of an event code.
std::string plover_of(const EventCode& code, const CameoCodebook* codebook) {
  const std::string& c = code.code.empty() ? code.paired : code.code;
  if (c == "---" || c.empty()) return std::string(kNoEvent);
  const CameoCode* entry = codebook ? codebook->find_nearest(c) : nullptr;
  if (!entry) return std::string(kNotCameo);
  return entry->has_plover() ? entry->plover_type : std::string(kNoPloverType);
}

void write_counts(std::string& out, const std::map<std::string, size_t, std::less<>>& counts,
                  std::string_view indent) {
  for (const auto& [key, n] : counts) out += fmt::format("{}{:<18} {:>7}\n", indent, key, n);
}

}  // namespace

bool is_cameo_region(std::string_view three) { return in(three, kRegions); }
bool is_organisation_prefix(std::string_view three) { return in(three, kOrganisations); }
bool is_sector_code(std::string_view three) { return in(three, kSectors); }

std::string sector_of(std::string_view code) {
  if (code.size() < 3) return std::string(kNoSector);
  // An organisation code (IGOUNO), or an agent's code, which starts with its sector
  // (GOV, GOVMIL); no ISO 3166 country code is also a sector code.
  const std::string_view first = code.substr(0, 3);
  if (is_organisation_prefix(first) || is_sector_code(first)) return std::string(first);
  for (size_t at = 3; at + 3 <= code.size(); at += 3)
    if (is_sector_code(code.substr(at, 3))) return std::string(code.substr(at, 3));
  return std::string(kNoSector);
}

DictionaryStats compute_stats(const DictionarySet& set, const CameoCodebook* codebook) {
  DictionaryStats s;
  const VerbDictionary& v = set.verbs;
  s.verb_blocks = v.blocks().size();
  s.verbs = v.verbs().size();
  s.patterns = v.patterns().size();
  for (const Verb& verb : v.verbs()) {
    const VerbBlock& block = v.blocks()[verb.block];
    add(s.verbs_by_plover, !block.plover.empty() ? block.plover : plover_of(v.code_of(verb), codebook));
  }
  for (const VerbPattern& p : v.patterns()) {
    const VerbBlock& block = v.blocks()[p.block];
    add(s.patterns_by_plover, !p.plover.empty()       ? p.plover
                              : !block.plover.empty() ? block.plover
                                                      : plover_of(p.code, codebook));
  }

  s.actors = set.actors.size();
  s.actor_phrases = set.actors.phrase_count();
  for (const Actor& a : set.actors.actors()) {
    bool dated = false;
    for (const DatedCode& c : a.codes) {
      ++s.actor_codes;
      dated = dated || c.bounded();
      s.dated_codes += c.bounded();
      add(s.actor_codes_by_sector, sector_of(c.code));
    }
    const std::string first = a.codes.empty() ? std::string() : a.codes.front().code;
    const std::string_view prefix = std::string_view(first).substr(0, std::min<size_t>(3, first.size()));
    if (dated)
      ++s.dated_actors;
    else if (is_organisation_prefix(prefix))
      ++s.organisations;
    else if (is_cameo_region(prefix))
      ++s.regions;
    else if (a.codes.size() == 1 && first.size() == 3 && !is_sector_code(first))
      ++s.countries;
    else
      ++s.other_actors;
  }

  s.agent_forms = set.agents.size();
  s.agent_entries = set.agents.entry_count();
  for (const Agent& a : set.agents.agents()) add(s.agents_by_sector, sector_of(a.code));
  return s;
}

std::string format_stats(const DictionaryStats& s) {
  std::string out;
  out += fmt::format("verbs: {} blocks, {} verbs, {} patterns\n", s.verb_blocks, s.verbs, s.patterns);
  std::map<std::string, std::pair<size_t, size_t>, std::less<>> by_type;
  for (const auto& [k, n] : s.verbs_by_plover) by_type[k].first = n;
  for (const auto& [k, n] : s.patterns_by_plover) by_type[k].second = n;
  if (!by_type.empty()) out += fmt::format("  {:<18} {:>7} {:>9}\n", "PLOVER type", "verbs", "patterns");
  for (const auto& [k, n] : by_type) out += fmt::format("  {:<18} {:>7} {:>9}\n", k, n.first, n.second);
  out += fmt::format("actors: {} actors, {} phrases, {} codes ({} dated)\n", s.actors, s.actor_phrases,
                     s.actor_codes, s.dated_codes);
  out += fmt::format("  {:<18} {:>7}\n", "countries", s.countries);
  out += fmt::format("  {:<18} {:>7}\n", "organisations", s.organisations);
  out += fmt::format("  {:<18} {:>7}\n", "regions", s.regions);
  out += fmt::format("  {:<18} {:>7}\n", "with dated codes", s.dated_actors);
  out += fmt::format("  {:<18} {:>7}\n", "other", s.other_actors);
  out += "actor codes by sector:\n";
  write_counts(out, s.actor_codes_by_sector, "  ");
  out += fmt::format("agents: {} forms ({} written)\n", s.agent_forms, s.agent_entries);
  if (!s.agents_by_sector.empty()) out += "agents by sector:\n";
  write_counts(out, s.agents_by_sector, "  ");
  return out;
}

}  // namespace dyad::dict
