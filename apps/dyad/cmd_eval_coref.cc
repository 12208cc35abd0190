// `dyad eval coref GOLD`: later short mentions of actors (surnames, pronouns, definite
// descriptions) resolved by the document stage (doc/coreference.h) against a gold file
// such as data/eval/wikinews_coref.jsonl (data/eval/README.md), reading the articles
// from the Wikinews CSVs. Registered under `dyad eval` by cmd_eval.cc.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "command.h"
#include "dictionary_choice.h"
#include "dyad/coder/article_coder.h"
#include "dyad/core/data_path.h"
#include "dyad/core/utf8.h"
#include "dyad/dict/dictionary_set.h"
#include "dyad/doc/coreference.h"
#include "dyad/io/article_stream.h"
#include "dyad/nlp/pipeline.h"
#include "dyad/text/offsets.h"
#include "gold_file.h"
#include "model_choice.h"

namespace dyad::app {
namespace {

struct EvalCorefOptions {
  std::string gold;
  std::string news = "../shared/data/news/wikinews";
  std::string dict;
  ModelChoice model;
  bool verbose = false;
  bool mentions = false;
};

struct GoldMention {
  std::string url, mention, actor, sentence;  // actor "" for null
  uint32_t begin = 0, end = 0;                // code points
};

const char* kind_of(const std::string& mention) {
  std::string m;
  for (char c : mention) m += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const char* p : {"he", "she", "him", "her", "his", "hers", "himself", "herself"})
    if (m == p) return "he/she";
  for (const char* p : {"they", "them", "their", "theirs", "themselves"})
    if (m == p) return "they";
  if (m == "it" || m == "its") return "it";
  if (m.starts_with("the ") || m.starts_with("both ")) return "descriptions";
  return "surnames";
}

// Same country and first sector: "USAGOV" matches "USAGOVMIL", "IND" only "IND".
bool same_actor(const std::string& gold, const std::string& code) {
  return code.substr(0, 3) == gold.substr(0, 3) &&
         (code.size() > 3 ? code.substr(3, 3) : "") == (gold.size() > 3 ? gold.substr(3, 3) : "");
}

struct Counts {
  int actor = 0, phrase = 0, resolved = 0, right = 0, null = 0, null_resolved = 0;
};

int run_eval_coref(const EvalCorefOptions& opt) {
  const auto start = std::chrono::steady_clock::now();
  const std::optional<GoldFile> file = read_gold_file(opt.gold);
  if (!file) {
    fmt::print(stderr, "dyad eval coref: cannot open {}\n", opt.gold);
    return 1;
  }
  const std::map<std::string, int>& gold_articles = file->articles;
  std::vector<GoldMention> gold;
  for (const nlohmann::json& j : file->records) {
    GoldMention g;
    g.url = json_string(j, "url");
    g.mention = json_string(j, "mention");
    g.actor = json_string(j, "actor");
    g.sentence = json_string(j, "sentence");
    g.begin = j.at("offset").get<uint32_t>();
    g.end = g.begin + static_cast<uint32_t>(utf8::length(g.mention));
    gold.push_back(std::move(g));
  }
  const std::string dict_dir = choose_dictionaries(opt.dict);
  Diagnostics diags([](const Diagnostic& d) { std::fprintf(stderr, "%s\n", d.str().c_str()); });
  Diagnostics quiet([](const Diagnostic&) {});
  dict::DictionarySet dicts;
  if (dict_dir.empty() || !dict::load_dictionary_set(dict_dir, dicts, quiet)) {
    fmt::print(stderr, "dyad eval coref: no dictionary set could be read from '{}'\n", dict_dir);
    return 2;
  }
  coder::CoderOptions options;
  options.apply(dicts.config, quiet);
  const coder::Coder coder(dicts, options);
  const nlp::Pipeline pipeline = opt.model.load();

  // Per gold mention: the noun phrase found at it (its head inside the gold span), and
  // the code Dyad gives it, from the dictionaries or by coreference.
  std::vector<int> phrase(gold.size(), 0);
  std::vector<std::string> code(gold.size()), how(gold.size());
  std::map<std::string, bool> seen;
  io::ArticleStream stream({opt.news}, io::ReadOptions{}, diags);
  Article article;
  while (stream.next(article)) {
    if (!gold_articles.contains(article.url) || seen[article.url]) continue;
    seen[article.url] = true;
    coder::ArticleCoding coding = coder::code_article(article, pipeline, coder);
    const std::vector<doc::ResolvedMention> resolved = doc::resolve_mentions(article, coding.mentions);
    const text::CodePointOffsets cp(article.text);
    if (opt.mentions) {
      fmt::print("article {}\n", article.url);
      for (uint32_t s = 0; s < coding.mentions.size(); ++s) {
        fmt::print("  sentence {}:", s);
        for (uint32_t m = 0; m < coding.mentions[s].size(); ++m) {
          const Mention& mention = coding.mentions[s][m];
          const auto& w = article.sentences[s].words;
          std::string text(
              Span{w[mention.first_word()].span.begin, w[mention.last_word()].span.end}.of(article.text));
          std::string codes;
          for (const std::string& c : mention.codes) codes += (codes.empty() ? "" : "+") + c;
          for (const doc::ResolvedMention& r : resolved)
            if (r.sentence == s && r.mention == m)
              codes += fmt::format(" => {} ({}, from {}:{})", r.codes.front(), r.rule, r.antecedent_sentence,
                                   r.antecedent_mention);
          fmt::print(" [{} = {}]", text, codes);
        }
        fmt::print("\n");
      }
    }
    for (size_t g = 0; g < gold.size(); ++g) {
      if (gold[g].url != article.url) continue;
      for (uint32_t s = 0; s < coding.mentions.size() && !phrase[g]; ++s)
        for (uint32_t m = 0; m < coding.mentions[s].size(); ++m) {
          const Word& head = article.sentences[s].words[coding.mentions[s][m].head];
          const uint32_t b = cp(head.span.begin), e = cp(head.span.end);
          if (!(b < gold[g].end && gold[g].begin < e)) continue;
          phrase[g] = 1;
          for (const doc::ResolvedMention& r : resolved)
            if (r.sentence == s && r.mention == m) {
              code[g] = r.codes.front();
              for (size_t i = 1; i < r.codes.size(); ++i) code[g] += "+" + r.codes[i];
              how[g] = r.rule;
            }
          const Mention& mention = coding.mentions[s][m];
          if (code[g].empty() && mention.codes.size() == 1 && !mention.codes.front().starts_with("---")) {
            code[g] = mention.codes.front();
            how[g] = "dictionary";
          }
          break;
        }
    }
  }
  int missing_articles = 0;
  for (const auto& [url, n] : gold_articles)
    if (!seen[url]) {
      ++missing_articles;
      fmt::print(stderr, "dyad eval coref: article not found in {}: {}\n", opt.news, url);
    }

  Counts all, by_coreference;
  std::map<std::string, Counts> by_kind;
  for (size_t g = 0; g < gold.size(); ++g) {
    const bool resolved = !code[g].empty();
    const bool right = resolved && !gold[g].actor.empty() && same_actor(gold[g].actor, code[g]);
    for (Counts* c : {&all, &by_kind[kind_of(gold[g].mention)]}) {
      if (gold[g].actor.empty()) {
        ++c->null;
        c->null_resolved += resolved;
      } else {
        ++c->actor;
        c->phrase += phrase[g];
        c->resolved += resolved;
        c->right += right;
      }
    }
    if (how[g] != "dictionary" && resolved) {
      if (gold[g].actor.empty()) {
        ++by_coreference.null_resolved;
      } else {
        ++by_coreference.resolved;
        by_coreference.right += right;
      }
    }
    if (opt.verbose && (resolved || !gold[g].actor.empty()) && !right)
      fmt::print("{:<9} {:<16} gold {:<7} dyad {:<12} {}\n    {}\n",
                 !resolved               ? "UNCODED"
                 : gold[g].actor.empty() ? "SPURIOUS"
                                         : "WRONG",
                 gold[g].mention, gold[g].actor.empty() ? "null" : gold[g].actor,
                 resolved ? code[g] + " (" + how[g] + ")" : (phrase[g] ? "-" : "- (no phrase)"), gold[g].url,
                 gold[g].sentence);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto pct = [](int a, int b) { return b ? 100.0 * a / b : 0.0; };
  fmt::print(
      "Coreference gold {}: {} mentions in {} articles ({} not found in {}); dictionaries {}; {:.2f} s\n\n",
      opt.gold, gold.size(), gold_articles.size(), missing_articles, opt.news, dict_dir, seconds);
  fmt::print("{:<14} {:>6} {:>7} {:>9} {:>7} {:>10} {:>10} | {:>5} {:>11}\n", "mentions", "actor", "phrase",
             "resolved", "right", "resolved%", "precision%", "null", "resolved");
  const auto row = [&](const std::string& name, const Counts& c) {
    fmt::print("{:<14} {:>6} {:>7} {:>9} {:>7} {:>10.1f} {:>10.1f} | {:>5} {:>11}\n", name, c.actor, c.phrase,
               c.resolved, c.right, pct(c.resolved, c.actor), pct(c.right, c.resolved), c.null,
               c.null_resolved);
  };
  for (const auto& [kind, c] : by_kind) row(kind, c);
  row("all", all);
  fmt::print(
      "\nresolution rate {:.1f}% ({} of {} mentions with a gold actor get a code), precision {:.1f}% ({} of "
      "{} codes right: country and sector)\n",
      pct(all.resolved, all.actor), all.resolved, all.actor, pct(all.right, all.resolved), all.right,
      all.resolved);
  fmt::print("null-gold mentions wrongly given a code: {} of {} ({:.1f}%)\n", all.null_resolved, all.null,
             pct(all.null_resolved, all.null));
  fmt::print(
      "by coreference alone (not the dictionaries' own code): {} resolved, {} right ({:.1f}%), {} null-gold "
      "resolved\n",
      by_coreference.resolved, by_coreference.right, pct(by_coreference.right, by_coreference.resolved),
      by_coreference.null_resolved);
  fmt::print(
      "'phrase': a noun phrase of the coder has its head in the gold mention (possessives such as 'his' "
      "are not noun phrases of their own)\n");
  return 0;
}

}  // namespace

std::pair<CLI::App*, Runner> add_eval_coref(CLI::App& eval) {
  auto opt = std::make_shared<EvalCorefOptions>();
  CLI::App* cmd = eval.add_subcommand(
      "coref",
      "Actors across sentences (surnames, pronouns, 'the minister') against a gold file such as "
      "data/eval/wikinews_coref.jsonl: resolution rate, precision, null mentions wrongly resolved");
  cmd->add_option("GOLD", opt->gold, "The gold JSON Lines file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--news", opt->news, "Directory of the Wikinews CSVs")->capture_default_str();
  cmd->add_option("--dict", opt->dict, "Dictionary directory (default: $DYAD_DICT, else data/dict)");
  opt->model.add_to(*cmd);
  cmd->add_flag("-v,--verbose", opt->verbose,
                "List each mention left uncoded, wrongly coded or spuriously coded");
  cmd->add_flag("--mentions", opt->mentions,
                "Print every noun phrase of the articles with its code and resolution");
  return {cmd, [opt]() { return run_eval_coref(*opt); }};
}

}  // namespace dyad::app
