// dyad split: the text front end made visible, one JSON object per sentence.
#include <iostream>
#include <nlohmann/json.hpp>

#include "command.h"
#include "dyad/text/front_end.h"
#include "dyad/text/offsets.h"
#include "input_options.h"

namespace dyad::app {
namespace {

nlohmann::json sentence_json(const Article& article, size_t index, const text::CodePointOffsets& cp) {
  const Sentence& s = article.sentences[index];
  nlohmann::json tokens = nlohmann::json::array();
  for (const Token& t : s.tokens) {
    nlohmann::json token = {
        {"text", std::string(t.span.of(article.text))}, {"start", cp(t.span.begin)}, {"end", cp(t.span.end)}};
    if (!t.space_after) token["space_after"] = false;
    if (t.is_multiword()) {
      nlohmann::json words = nlohmann::json::array();
      for (uint32_t w = t.first_word; w < t.first_word + t.word_count; ++w) words.push_back(s.words[w].form);
      token["words"] = std::move(words);
    } else if (s.words[t.first_word].form != token["text"].get_ref<const std::string&>()) {
      token["form"] = s.words[t.first_word].form;
    }
    tokens.push_back(std::move(token));
  }
  return {
      {"article_id", article.id},   {"sentence_index", index}, {"paragraph_start", s.starts_paragraph},
      {"start", cp(s.span.begin)},  {"end", cp(s.span.end)},   {"text", std::string(s.span.of(article.text))},
      {"tokens", std::move(tokens)}};
}

struct SplitCommand {
  InputOptions input;

  int run() {
    Diagnostics diags = stderr_diagnostics();
    io::ArticleStream stream(input.paths, input.read_options(), diags);
    Progress progress("split");
    Article article;
    uint64_t articles = 0, bytes = 0;
    while (stream.next(article)) {
      text::analyse(article);
      const text::CodePointOffsets cp(article.text);
      for (size_t i = 0; i < article.sentences.size(); ++i)
        std::cout
            << sentence_json(article, i, cp).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
            << '\n';
      ++articles;
      bytes += article.text.size();
      progress.tick(articles, bytes);
    }
    progress.finish();
    std::cout.flush();
    return finish_run("split", stream.stats(), diags, articles, "split");
  }
};

const CommandRegistration registration(20, [](CLI::App& root, CLI::App*& sub) -> Runner {
  auto command = std::make_shared<SplitCommand>();
  sub = root.add_subcommand("split",
                            "Print the sentences, tokens and offsets (code "
                            "points) found, as JSON Lines");
  command->input.add_to(*sub);
  return [command] { return command->run(); };
});

}  // namespace
}  // namespace dyad::app
