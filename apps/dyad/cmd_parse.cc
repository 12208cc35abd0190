// dyad parse: tag, lemmatise and parse; CoNLL-U out. Raw news in (through the text
// front end) or CoNLL-U in (--input-format conllu: its tokenisation is kept).
#include <iostream>

#include "command.h"
#include "dyad/core/parallel.h"
#include "dyad/nlp/conllu_convert.h"
#include "dyad/nlp/pipeline.h"
#include "dyad/text/front_end.h"
#include "input_options.h"
#include "model_choice.h"

namespace dyad::app {
namespace {

// Articles or sentences are parsed a batch at a time: the batch is spread over the
// threads, then written in input order, so the output is the same for any --threads.
constexpr size_t kBatchArticles = 64;
constexpr size_t kBatchSentences = 2048;

struct ParseCommand {
  InputOptions input;
  ModelChoice model;
  int threads = 1;

  int run() {
    if (threads < 1) throw CLI::ValidationError("--threads", "must be at least 1");
    const nlp::Pipeline pipeline = model.load();
    if (input.input_format == "conllu") return run_conllu(pipeline);
    return run_text(pipeline);
  }

  int run_text(const nlp::Pipeline& pipeline) {
    Diagnostics diags = stderr_diagnostics();
    io::ArticleStream stream(input.paths, input.read_options(), diags);
    Progress progress("parse");
    uint64_t articles = 0, bytes = 0;
    std::vector<Article> batch;
    auto flush = [&] {
      parallel_for(batch.size(), threads, [&](size_t i) {
        text::analyse(batch[i]);
        for (Sentence& s : batch[i].sentences) pipeline.annotate(s);
      });
      for (const Article& article : batch) {
        std::cout << "# newdoc id = " << article.id << '\n';
        for (size_t i = 0; i < article.sentences.size(); ++i) {
          const Sentence& s = article.sentences[i];
          if (s.starts_paragraph && i > 0) std::cout << "# newpar\n";
          io::write_conllu(std::cout,
                           nlp::to_conllu(s, article.text, article.id + "-" + std::to_string(i + 1)));
        }
        ++articles;
        bytes += article.text.size();
      }
      progress.tick(articles, bytes);
      batch.clear();
    };
    Article article;
    while (stream.next(article)) {
      batch.push_back(std::move(article));
      article = Article{};
      if (batch.size() == kBatchArticles) flush();
    }
    flush();
    progress.finish();
    std::cout.flush();
    return finish_run("parse", stream.stats(), diags, articles, "parsed");
  }

  int run_conllu(const nlp::Pipeline& pipeline) {
    std::vector<std::string> paths = input.paths;
    if (paths.empty()) paths.push_back("-");
    uint64_t sentences = 0;
    for (const std::string& path : paths) {
      std::vector<io::ConlluSentence> gold;
      if (path == "-") {
        gold = io::read_conllu(std::cin);
      } else {
        gold = io::read_conllu_file(path);
      }
      for (size_t start = 0; start < gold.size(); start += kBatchSentences) {
        const size_t end = std::min(gold.size(), start + kBatchSentences);
        parallel_for(end - start, threads, [&](size_t k) {
          io::ConlluSentence& c = gold[start + k];
          Sentence s = nlp::words_of(c);
          pipeline.annotate(s);
          nlp::copy_annotation(s, c);
        });
        for (size_t i = start; i < end; ++i) io::write_conllu(std::cout, gold[i]);
      }
      sentences += gold.size();
    }
    std::cout.flush();
    std::cerr << "dyad parse: " << sentences << " sentences parsed\n";
    return 0;
  }
};

const CommandRegistration registration(30, [](CLI::App& root, CLI::App*& sub) -> Runner {
  auto command = std::make_shared<ParseCommand>();
  sub = root.add_subcommand("parse", "Tag, lemmatise and parse news text (or CoNLL-U); CoNLL-U out");
  command->input.add_to(*sub);
  sub->get_option("--input-format")
      ->description(
          "Input format: auto, text, jsonl, csv, html, petrarch, or conllu (keeps its tokenisation)");
  command->model.add_to(*sub);
  sub->add_option("--threads", command->threads,
                  "Parse documents on this many threads (same output for any N)")
      ->capture_default_str();
  return [command] { return command->run(); };
});

}  // namespace
}  // namespace dyad::app
