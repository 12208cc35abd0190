// dyad explain: what the coder saw and decided for one sentence or article: words, tags
// and the tree, noun phrases and their codes, verb patterns tried and chosen, and why
// each candidate event was kept or dropped. The tool for whoever edits dictionaries.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdlib>
#include <functional>
#include <iostream>

#include "command.h"
#include "dictionary_choice.h"
#include "dyad/coder/article_coder.h"
#include "dyad/dict/cameo_codebook.h"
#include "dyad/doc/event_date.h"
#include "dyad/io/article_stream.h"
#include "dyad/nlp/pipeline.h"
#include "dyad/text/front_end.h"
#include "input_options.h"
#include "model_choice.h"

namespace dyad::app {
namespace {

struct ExplainCommand {
  std::vector<std::string> text;
  std::string file;
  std::string id;
  std::string date;
  std::string dictionaries;
  ModelChoice model;

  int run() {
    dictionaries = choose_dictionaries(dictionaries);
    if (text.empty() == file.empty())
      throw CLI::ValidationError("TEXT", "give a sentence to explain, or --file FILE (with --id ID)");
    Diagnostics diags = stderr_diagnostics();
    Article article;
    if (!file.empty()) {
      io::ReadOptions options;
      options.default_date = date;
      io::ArticleStream stream({file}, options, diags);
      bool found = false;
      while (stream.next(article))
        if (id.empty() || article.id == id) {
          found = true;
          break;
        }
      if (!found) {
        std::cerr << "dyad explain: " << (id.empty() ? "no article" : "no article with id " + id) << " in "
                  << file << '\n';
        return 2;
      }
    } else {
      for (const std::string& part : text) article.text += (article.text.empty() ? "" : " ") + part;
      article.id = "explain";
      article.story_date = date;
    }
    dict::DictionarySet dicts;
    if (!dict::load_dictionary_set(dictionaries, dicts, diags)) return 2;
    coder::CoderOptions options;
    options.apply(dicts.config, diags);
    dict::CameoCodebook codebook;
    Diagnostics quiet([](const Diagnostic&) {});
    dict::load_default_codebook(codebook, quiet);
    const nlp::Pipeline pipeline = model.load();
    const coder::Coder coder(dicts, options);

    text::analyse(article);
    const int32_t yyyymmdd = coder::compact_date(article.story_date);
    fmt::print(
        "article {} ({}), {} sentence{}; dictionaries {} ({}); options: require_dyad={}, "
        "new_actor_length={}, comma {}-{} / begin {}-{} / end {}-{}\n",
        article.id, article.story_date.empty() ? "no date" : article.story_date, article.sentences.size(),
        article.sentences.size() == 1 ? "" : "s", dictionaries, dicts.summary(), options.require_dyad,
        options.new_actor_length, options.comma_min, options.comma_max, options.comma_bmin,
        options.comma_bmax, options.comma_emin, options.comma_emax);
    for (uint32_t s = 0; s < article.sentences.size(); ++s) {
      Sentence& sentence = article.sentences[s];
      pipeline.annotate(sentence);
      const coder::SentenceCoding coding = coder.code(sentence, yyyymmdd, s, true);
      const auto& words = sentence.words;
      fmt::print("\nsentence {}: {}\n", s + 1,
                 std::string_view(article.text)
                     .substr(sentence.span.begin, sentence.span.end - sentence.span.begin));
      fmt::print("  tree (word/XPOS relation; [deleted] marks a comma clause left out):\n");
      std::vector<std::vector<uint32_t>> children(words.size());
      std::vector<uint32_t> roots;
      for (uint32_t w = 0; w < words.size(); ++w)
        (words[w].head >= 0 ? children[static_cast<size_t>(words[w].head)] : roots).push_back(w);
      std::function<void(uint32_t, int)> show = [&](uint32_t w, int depth) {
        fmt::print("    {}{} {}/{} {}{}{}\n", std::string(static_cast<size_t>(depth) * 2, ' '), w + 1,
                   words[w].form, words[w].xpos, words[w].deprel,
                   words[w].lemma != words[w].form ? " lemma " + words[w].lemma : "",
                   w < coding.kept.size() && !coding.kept[w] ? " [deleted]" : "");
        for (uint32_t c : children[w]) show(c, depth + 1);
      };
      for (uint32_t r : roots) show(r, 0);
      if (coding.discarded != coder::Discarded::kNo) {
        fmt::print("  discarded ({}): {}\n",
                   coding.discarded == coder::Discarded::kStory ? "story" : "sentence",
                   coding.discard_phrase);
        continue;
      }
      fmt::print("  noun phrases:\n");
      for (const Mention& m : coding.mentions) {
        std::vector<std::string> readings;
        for (size_t c = 0; c < m.conjuncts.size(); ++c) {
          std::string phrase;
          for (uint32_t w : m.conjuncts[c]) phrase += (phrase.empty() ? "" : " ") + words[w].form;
          readings.push_back(fmt::format("{} = {}", phrase, m.codes[c]));
        }
        fmt::print("    {}{}\n", fmt::join(readings, " | "),
                   m.matched.empty() ? "" : fmt::format("  (entries {})", fmt::join(m.matched, ", ")));
      }
      fmt::print("  verbs:\n");
      for (const std::string& line : coding.trace) fmt::print("    {}\n", line);
      fmt::print("  events:{}\n", coding.events.empty() ? " none" : "");
      for (const Event& e : coding.events) {
        const dict::CameoCode* c = codebook.find(e.code);
        fmt::print("    {} > {} : {}{}  (pattern {}{})\n", e.source.code, e.target.code, e.code,
                   c ? " " + c->name : "", e.pattern,
                   e.pattern_text.empty() ? "" : " '" + e.pattern_text + "'");
        const doc::EventDate date = doc::resolve_event_date(sentence, e.verb, yyyymmdd);
        fmt::print(
            "      date {}{}\n",
            date.precision == DatePrecision::kNone ? "unknown" : doc::iso_date(date.date, date.precision),
            date.words.empty() ? " (the story date)" : " from '" + date.text + "'");
      }
      if (!coding.issues.empty()) fmt::print("  issues: {}\n", fmt::join(coding.issues, ", "));
    }
    return 0;
  }
};

const CommandRegistration registration(15, [](CLI::App& root, CLI::App*& sub) -> Runner {
  auto command = std::make_shared<ExplainCommand>();
  sub = root.add_subcommand(
      "explain",
      "Show how a sentence is coded: tree, noun phrases and codes, verb patterns tried and "
      "chosen, and why each event was kept or dropped");
  sub->add_option("TEXT", command->text, "The sentence (or a few) to explain");
  sub->add_option("--file", command->file, "Explain an article from this file instead (any input format)");
  sub->add_option("--id", command->id, "The article id in --file (default: the first article)");
  sub->add_option("--date", command->date, "Story date YYYY-MM-DD (selects date-bounded actor codes)");
  sub->add_option("--dict", command->dictionaries,
                  "Dictionary directory (default: $DYAD_DICT, else Dyad's own set in data/dict)");
  command->model.add_to(*sub);
  return [command] { return command->run(); };
});

}  // namespace
}  // namespace dyad::app
