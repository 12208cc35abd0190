// `dyad eval places GOLD`: place mentions found and resolved (doc/places.h) against a
// gold file such as data/eval/wikinews_places.jsonl (data/eval/README.md), reading the
// articles from the Wikinews CSVs. Registered under `dyad eval` by cmd_eval.cc.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "command.h"
#include "dyad/coder/article_coder.h"
#include "dyad/core/utf8.h"
#include "dyad/dict/dictionary_set.h"
#include "dyad/doc/places.h"
#include "dyad/io/article_stream.h"
#include "dyad/nlp/pipeline.h"
#include "dyad/text/front_end.h"
#include "dyad/text/offsets.h"
#include "gold_file.h"
#include "model_choice.h"

namespace dyad::app {
namespace {

struct EvalPlacesOptions {
  std::string gold;
  std::string news = "../shared/data/news/wikinews";
  ModelChoice model;
  std::string gazetteer;
  std::string dict;  // when given: code events, use their actors' countries, score event places
  bool verbose = false;
};

struct GoldPlace {
  std::string url, mention, type, name, country, admin1;
  uint32_t begin = 0, end = 0;  // code points
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  bool event_location = false;
};

struct Score {
  int n = 0, place = 0, country = 0, admin1 = 0;
};

// Which block a gold type is scored in.
const char* group_of(const std::string& type) {
  if (type == "country") return "countries";
  if (type == "admin1" || type == "admin2" || type == "region_other") return "regions/provinces";
  if (type == "populated_place") return "populated places";
  return "features/continents";
}

bool right_place(const GoldPlace& g, const doc::Place& p) {
  const std::string gc = g.country;
  if (g.type == "country") return p.feature == doc::PlaceFeature::kCountry && p.country == gc;
  if (g.type == "admin1")
    return p.feature == doc::PlaceFeature::kAdmin1 && p.country == gc &&
           doc::fold_place_name(p.name) == doc::fold_place_name(g.name);
  if (g.type == "continent" || g.type == "region_other")
    return doc::fold_place_name(p.name) == doc::fold_place_name(g.name);
  // Populated places, second-level divisions, point features: same country, 25 km.
  return p.country == gc && p.has_coordinates && g.has_coordinates &&
         doc::distance_km(p.lat, p.lon, g.lat, g.lon) <= 25.0;
}

void print_scores(const char* label, const Score& s) {
  auto pct = [](int a, int b) { return b ? 100.0 * a / b : 0.0; };
  fmt::print("{:<22} {:>7} {:>8.1f} {:>8.1f} {:>8.1f}\n", label, s.n, pct(s.place, s.n), pct(s.country, s.n),
             pct(s.admin1, s.n));
}

int run_eval_places(const EvalPlacesOptions& opt) {
  const auto start = std::chrono::steady_clock::now();
  const std::optional<GoldFile> file = read_gold_file(opt.gold);
  if (!file) {
    fmt::print(stderr, "dyad eval places: cannot open {}\n", opt.gold);
    return 1;
  }
  const std::map<std::string, int>& gold_articles = file->articles;  // url -> mentions
  std::vector<GoldPlace> gold;
  for (const nlohmann::json& j : file->records) {
    GoldPlace g;
    g.url = json_string(j, "url");
    g.mention = json_string(j, "mention");
    g.type = json_string(j, "type");
    g.name = json_string(j, "name");
    g.country = json_string(j, "country");
    g.admin1 = json_string(j, "admin1");
    g.event_location = j.value("event_location", false);
    g.begin = j.at("offset").get<uint32_t>();
    g.end = g.begin + static_cast<uint32_t>(utf8::length(g.mention));
    if (j.contains("lat") && j["lat"].is_number() && j.contains("lon") && j["lon"].is_number()) {
      g.lat = j["lat"].get<double>();
      g.lon = j["lon"].get<double>();
      g.has_coordinates = true;
    }
    gold.push_back(std::move(g));
  }
  const doc::Gazetteer gazetteer =
      opt.gazetteer.empty() ? doc::Gazetteer::load_default() : doc::Gazetteer::load(opt.gazetteer);
  const nlp::Pipeline pipeline = opt.model.load();

  Diagnostics diags([](const Diagnostic& d) { std::fprintf(stderr, "%s\n", d.str().c_str()); });
  dict::DictionarySet dicts;
  std::unique_ptr<coder::Coder> coder;
  if (!opt.dict.empty()) {
    if (!dict::load_dictionary_set(opt.dict, dicts, diags)) return 2;
    coder::CoderOptions options;
    options.apply(dicts.config, diags);
    coder = std::make_unique<coder::Coder>(dicts, options);
  }
  // Event places: events, those whose sentence has a gold event location, those given a
  // place, those given a right one (a gold event location of the sentence).
  int events = 0, events_with_gold = 0, events_placed = 0, events_right = 0, events_placed_no_gold = 0;
  io::ArticleStream stream({opt.news}, io::ReadOptions{}, diags);
  struct Found {
    std::string url;
    uint32_t begin, end;
    uint32_t place;
    std::string text;
  };
  std::vector<Found> found;
  std::map<std::string, bool> seen;
  Article article;
  while (stream.next(article)) {
    if (!gold_articles.contains(article.url) || seen[article.url]) continue;
    seen[article.url] = true;
    std::vector<Event> coded;
    if (coder) {
      coded = coder::code_article(article, pipeline, *coder).events;
    } else {
      text::analyse(article);
      for (Sentence& s : article.sentences) pipeline.annotate(s);
    }
    const text::CodePointOffsets cp(article.text);
    const std::vector<doc::PlaceMention> mentions =
        doc::find_places(article, gazetteer, doc::actor_countries(coded));
    for (const Event& e : coded) {
      ++events;
      const Sentence& sentence = article.sentences[e.sentence_index];
      const uint32_t sb = cp(sentence.span.begin), se = cp(sentence.span.end);
      std::vector<const GoldPlace*> where;
      for (const GoldPlace& g : gold)
        if (g.url == article.url && g.event_location && g.begin >= sb && g.end <= se) where.push_back(&g);
      const std::optional<doc::Place> p = doc::event_place(article, e, mentions, gazetteer);
      events_with_gold += !where.empty();
      events_placed += p.has_value();
      if (p && where.empty()) ++events_placed_no_gold;
      if (p &&
          std::any_of(where.begin(), where.end(), [&](const GoldPlace* g) { return right_place(*g, *p); }))
        ++events_right;
    }
    for (const doc::PlaceMention& m : mentions)
      found.push_back(
          {article.url, cp(m.span.begin), cp(m.span.end), m.place, std::string(m.span.of(article.text))});
  }
  int missing_articles = 0;
  for (const auto& [url, n] : gold_articles)
    if (!seen[url]) {
      ++missing_articles;
      fmt::print(stderr, "dyad eval places: article not found in {}: {}\n", opt.news, url);
    }

  // Finding: exact spans, and overlapping ones.
  std::vector<int> match(gold.size(), -1);  // gold -> found (overlap)
  std::vector<bool> used(found.size(), false);
  int exact = 0;
  for (size_t g = 0; g < gold.size(); ++g)
    for (size_t f = 0; f < found.size(); ++f)
      if (!used[f] && found[f].url == gold[g].url && found[f].begin < gold[g].end &&
          gold[g].begin < found[f].end) {
        used[f] = true;
        match[g] = int(f);
        if (found[f].begin == gold[g].begin && found[f].end == gold[g].end) ++exact;
        break;
      }
  int overlap = 0;
  for (int m : match) overlap += m >= 0;
  std::map<std::string, std::pair<int, int>> found_by_type;  // type -> gold, matched
  std::map<std::string, Score> by_group, by_type;
  Score all;
  for (size_t g = 0; g < gold.size(); ++g) {
    auto& ft = found_by_type[gold[g].type];
    ++ft.first;
    if (match[g] < 0) {
      if (opt.verbose) fmt::print("MISSED   {} ({}) in {}\n", gold[g].mention, gold[g].type, gold[g].url);
      continue;
    }
    ++ft.second;
    const doc::Place& p = gazetteer.place(found[size_t(match[g])].place);
    const bool place_ok = right_place(gold[g], p);
    const bool country_ok = p.country == gold[g].country;
    const bool admin1_ok = doc::fold_place_name(p.admin1) == doc::fold_place_name(gold[g].admin1);
    for (Score* s : {&all, &by_group[group_of(gold[g].type)], &by_type[gold[g].type]}) {
      ++s->n;
      s->place += place_ok;
      s->country += country_ok;
      s->admin1 += admin1_ok;
    }
    if (opt.verbose && (!place_ok || !country_ok))
      fmt::print("WRONG    {} ({} {} {}) -> {} ({} {} {})\n", gold[g].mention, gold[g].type, gold[g].name,
                 gold[g].country, p.name, doc::place_feature_name(p.feature), p.country, p.admin1);
  }
  if (opt.verbose)
    for (size_t f = 0; f < found.size(); ++f)
      if (!used[f]) {
        const doc::Place& p = gazetteer.place(found[f].place);
        fmt::print("SPURIOUS {} -> {} ({} {}) in {}\n", found[f].text, p.name,
                   doc::place_feature_name(p.feature), p.country, found[f].url);
      }

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto pct = [](int a, int b) { return b ? 100.0 * a / b : 0.0; };
  fmt::print(
      "Places gold {}: {} mentions in {} articles ({} not found in {}); gazetteer {} entries; {:.2f} s\n\n",
      opt.gold, gold.size(), gold_articles.size(), missing_articles, opt.news, gazetteer.size(), seconds);
  const int n_found = int(found.size()), n_gold = int(gold.size());
  auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
  fmt::print("Finding mentions       {:>7} {:>9} {:>9} {:>9}\n", "correct", "precision", "recall", "F1");
  fmt::print("exact spans            {:>7} {:>9.1f} {:>9.1f} {:>9.1f}\n", exact, pct(exact, n_found),
             pct(exact, n_gold), f1(pct(exact, n_found), pct(exact, n_gold)));
  fmt::print("overlapping spans      {:>7} {:>9.1f} {:>9.1f} {:>9.1f}\n", overlap, pct(overlap, n_found),
             pct(overlap, n_gold), f1(pct(overlap, n_found), pct(overlap, n_gold)));
  fmt::print("(found {}, gold {})\n\n", n_found, n_gold);
  fmt::print("{:<22} {:>7} {:>8}\n", "recall by gold type", "gold", "found");
  for (const auto& [type, c] : found_by_type) fmt::print("{:<22} {:>7} {:>8}\n", type, c.first, c.second);
  fmt::print("\nResolution of found mentions (overlapping spans), % right\n");
  fmt::print("{:<22} {:>7} {:>8} {:>8} {:>8}\n", "", "matched", "place", "country", "admin1");
  print_scores("all", all);
  for (const auto& [group, s] : by_group) print_scores(group.c_str(), s);
  fmt::print("by type:\n");
  for (const auto& [type, s] : by_type) print_scores(("  " + type).c_str(), s);
  if (coder) {
    fmt::print(
        "\nEvent places (dictionaries {}): {} events; {} in a sentence with a gold event location, {} given "
        "a "
        "place, {} of them right ({:.1f} % of those given; {:.1f} % of those with a gold location); {} given "
        "a "
        "place where the gold has none\n",
        opt.dict, events, events_with_gold, events_placed, events_right, pct(events_right, events_placed),
        pct(events_right, events_with_gold), events_placed_no_gold);
  }
  return 0;
}

}  // namespace

std::pair<CLI::App*, Runner> add_eval_places(CLI::App& eval) {
  auto opt = std::make_shared<EvalPlacesOptions>();
  CLI::App* cmd = eval.add_subcommand(
      "places",
      "Place mentions (data/eval/wikinews_places.jsonl): reads the gold articles from the Wikinews CSVs, "
      "runs "
      "the front end, the model and the place resolver, prints mentions found (precision, recall) and the "
      "share resolved to the right place, country and admin1, countries and regions scored apart");
  cmd->add_option("GOLD", opt->gold, "Gold JSON Lines file, e.g. data/eval/wikinews_places.jsonl")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--news", opt->news,
                  "Directory or CSV files of the articles (default: ../shared/data/news/wikinews)");
  opt->model.add_to(*cmd);
  cmd->add_option("--gazetteer", opt->gazetteer, "Gazetteer TSV (default: data/gazetteer/places.tsv)");
  cmd->add_option(
      "--dict", opt->dict,
      "Also code events with these dictionaries: their actors' countries guide resolution, and each "
      "event's place is scored against the gold event locations of its sentence");
  cmd->add_flag("-v,--verbose", opt->verbose, "List missed, spurious and wrongly resolved mentions");
  return {cmd, [opt]() -> int {
            try {
              return run_eval_places(*opt);
            } catch (const std::exception& ex) {
              fmt::print(stderr, "dyad eval places: {}\n", ex.what());
              return 1;
            }
          }};
}

}  // namespace dyad::app
