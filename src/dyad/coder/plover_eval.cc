#include "dyad/coder/plover_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "dyad/dict/actor_code.h"

namespace dyad::coder {
namespace {

template <typename T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// a \ b for sorted vectors.
template <typename T>
std::vector<T> minus(const std::vector<T>& a, const std::vector<T>& b) {
  std::vector<T> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

template <typename T>
size_t common(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() - minus(a, b).size();
}

std::string string_field(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The actors of a `source` or `target` field: a list of {actorText, code}, or a bare code.
void read_actors(const nlohmann::json& record, const char* key, std::vector<std::string>& codes,
                 std::vector<std::string>& texts) {
  auto it = record.find(key);
  if (it == record.end()) return;
  if (it->is_string()) {
    if (!it->get<std::string>().empty()) {
      codes.push_back(it->get<std::string>());
      texts.emplace_back();
    }
    return;
  }
  if (!it->is_array()) return;
  for (const auto& actor : *it) {
    if (!actor.is_object()) continue;
    codes.push_back(string_field(actor, "code"));
    texts.push_back(string_field(actor, "actorText"));
  }
}

}  // namespace

std::string plover_2021_type(std::string_view type) {
  if (type == "DEMAND") return "REQUEST";
  if (type == "DISAPPROVE") return "ACCUSE";
  if (type == "FIGHT") return "ASSAULT";
  if (type == "INVESTIGATE") return "ACCUSE";
  return std::string(type);
}

std::string plover_type_of(const dict::CameoCodebook& codebook, std::string_view cameo) {
  const dict::CameoCode* code = codebook.find_nearest(cameo);
  return code ? code->plover_type : std::string();
}

std::string actor_key(std::string_view code) {
  if (code.empty() || code.starts_with("---") || code.starts_with('"')) return "";
  if (code.starts_with("IGO")) return "IGO";
  if (code.starts_with("NGO")) return "NGO";
  return dict::split_actor_country(code).country;
}

std::string PloverTriple::str() const { return fmt::format("{}>{}:{}", source, target, type); }

std::vector<PloverTriple> gold_triples(const PloverGoldEvent& gold) {
  const std::string type = plover_2021_type(gold.type);
  std::vector<std::string> sources, targets;
  for (const std::string& s : gold.sources) sources.push_back(actor_key(s));
  for (const std::string& t : gold.targets) targets.push_back(actor_key(t));
  if (sources.empty()) sources.emplace_back();
  if (targets.empty()) targets.emplace_back();
  std::vector<PloverTriple> out;
  for (const std::string& s : sources)
    for (const std::string& t : targets) out.push_back({s, t, type});
  sort_unique(out);
  return out;
}

const std::string& PloverRecordResult::id() const {
  static const std::string none;
  return gold.empty() ? none : gold.front().id;
}

void score_record(PloverRecordResult& record, const dict::CameoCodebook& codebook) {
  record.gold_types.clear();
  record.predicted_types.clear();
  record.gold_set.clear();
  record.predicted_set.clear();
  for (const PloverGoldEvent& g : record.gold) {
    record.gold_types.push_back(plover_2021_type(g.type));
    for (PloverTriple& t : gold_triples(g)) record.gold_set.push_back(std::move(t));
  }
  for (PloverPrediction& e : record.events) {
    e.type = plover_type_of(codebook, e.cameo);
    if (e.type.empty()) continue;
    record.predicted_types.push_back(e.type);
    record.predicted_set.push_back(e.triple());
  }
  sort_unique(record.gold_types);
  sort_unique(record.predicted_types);
  sort_unique(record.gold_set);
  sort_unique(record.predicted_set);
  record.missed_types = minus(record.gold_types, record.predicted_types);
  record.spurious_types = minus(record.predicted_types, record.gold_types);
  record.missed_triples = minus(record.gold_set, record.predicted_set);
  record.spurious_triples = minus(record.predicted_set, record.gold_set);
}

void PloverEvalResult::add(PloverRecordResult record) {
  types.gold += record.gold_types.size();
  types.predicted += record.predicted_types.size();
  types.correct += common(record.predicted_types, record.gold_types);
  triples.gold += record.gold_set.size();
  triples.predicted += record.predicted_set.size();
  triples.correct += common(record.predicted_set, record.gold_set);
  for (const std::string& t : record.gold_types) ++by_type[t].gold;
  for (const std::string& t : record.predicted_types) {
    PloverCounts& c = by_type[t];
    ++c.predicted;
    if (std::binary_search(record.gold_types.begin(), record.gold_types.end(), t)) ++c.correct;
  }
  events += record.events.size();
  events_without_plover += static_cast<size_t>(std::count_if(record.events.begin(), record.events.end(),
                                                             [](const auto& e) { return e.type.empty(); }));
  discarded += record.discarded != Discarded::kNo;
  records.push_back(std::move(record));
}

std::vector<PloverRecordResult> read_plover_gold(const std::filesystem::path& file, Diagnostics& diags,
                                                 size_t* gold_records, size_t* skipped) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot read the PLOVER gold file", file.string()));
  std::stringstream buffer;
  buffer << in.rdbuf();
  nlohmann::json all;
  try {
    all = nlohmann::json::parse(buffer.str());
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error(fmt::format("{}: not valid JSON: {}", file.string(), e.what()));
  }
  if (!all.is_array())
    throw std::runtime_error(fmt::format("{}: expected a JSON list of PLOVER records, found a JSON {}",
                                         file.string(), all.type_name()));
  std::vector<PloverRecordResult> out;
  std::unordered_map<std::string, size_t> by_text;
  size_t read = 0, skip = 0;
  const SourceLocation where{file.string(), 0};
  for (size_t i = 0; i < all.size(); ++i) {
    const nlohmann::json& r = all[i];
    if (!r.is_object()) {
      diags.warning(where, fmt::format("record {}: not a JSON object; skipped", i + 1));
      ++skip;
      continue;
    }
    PloverGoldEvent gold;
    gold.id = string_field(r, "id");
    gold.type = string_field(r, "event");
    if (gold.type == "DOCUMENT") {
      ++skip;
      continue;
    }
    ++read;
    const std::string text = string_field(r, "text");
    if (text.empty() || gold.type.empty()) {
      diags.warning(where,
                    fmt::format("record {} ({}): no {}; skipped", i + 1, gold.id.empty() ? "no id" : gold.id,
                                text.empty() ? "text" : "event type"));
      ++skip;
      continue;
    }
    read_actors(r, "source", gold.sources, gold.source_texts);
    read_actors(r, "target", gold.targets, gold.target_texts);
    auto [it, fresh] = by_text.emplace(text, out.size());
    if (fresh) {
      out.emplace_back();
      out.back().text = text;
      out.back().date = string_field(r, "date");
    }
    out[it->second].gold.push_back(std::move(gold));
  }
  if (gold_records) *gold_records = read;
  if (skipped) *skipped = skip;
  return out;
}

PloverEvalResult evaluate_plover(const std::filesystem::path& gold_file, const dict::DictionarySet& dicts,
                                 const nlp::Pipeline& pipeline, const dict::CameoCodebook& codebook,
                                 const CoderOptions& options, Diagnostics& diags, bool trace,
                                 const DocumentStage& document) {
  PloverEvalResult result;
  std::vector<PloverRecordResult> items =
      read_plover_gold(gold_file, diags, &result.gold_records, &result.skipped);
  const Coder coder(dicts, options);
  for (PloverRecordResult& item : items) {
    Article article;
    article.id = item.id();
    article.text = item.text;
    article.story_date = item.date;
    article.origin = {gold_file.string(), 0};
    ArticleCoding coding = code_article(article, pipeline, coder, trace);
    if (document) document(article, coding);
    item.discarded = coding.discarded;
    for (const Event& e : coding.events) {
      PloverPrediction p;
      p.sentence = e.sentence_index;
      p.source = e.source.code;
      p.target = e.target.code;
      p.cameo = e.code;
      p.pattern = e.pattern;
      p.pattern_text = e.pattern_text;
      item.events.push_back(std::move(p));
    }
    item.trace = std::move(coding.trace);
    score_record(item, codebook);
    result.add(std::move(item));
  }
  return result;
}

}  // namespace dyad::coder
