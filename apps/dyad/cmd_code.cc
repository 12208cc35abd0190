// dyad code: articles in, events out. Until the event coder lands (#5) it shows
// what the front end found in each article: sentences, tokens and words.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "command.h"
#include "dyad/text/front_end.h"
#include "input_options.h"

namespace dyad::app {
namespace {

std::string clip(std::string_view s, size_t width) {
  std::string out;
  size_t shown = 0;
  for (size_t i = 0; i < s.size() && shown < width; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) ++shown;
    out += (c == '\n' || c == '\t') ? ' ' : static_cast<char>(c);
  }
  // Finish a multibyte character cut at the width.
  for (size_t i = out.size(); i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80; ++i)
    out += s[i];
  if (out.size() < s.size()) out += "...";
  return out;
}

size_t display_width(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

struct CodeCommand {
  InputOptions input;
  std::string format = "table";

  int run() {
    if (format != "table" && format != "jsonl")
      throw CLI::ValidationError("--format", "unknown output format '" + format + "' (use table or jsonl)");
    Diagnostics diags = stderr_diagnostics();
    io::ArticleStream stream(input.paths, input.read_options(), diags);
    Progress progress("code");
    Article article;
    uint64_t articles = 0, bytes = 0, sentences = 0, tokens = 0;
    const bool table = format == "table";
    if (table)
      std::cout << fmt::format("{:<18} {:<10} {:>9} {:>6}  {}\n", "article", "date", "sentences", "tokens",
                               "title");
    while (stream.next(article)) {
      text::analyse(article);
      size_t article_tokens = 0;
      for (const Sentence& s : article.sentences) article_tokens += s.tokens.size();
      if (table) {
        const std::string id = clip(article.id, 16);
        const std::string title = clip(article.title.empty() ? article.text : article.title, 60);
        std::cout << id << std::string(display_width(id) < 18 ? 19 - display_width(id) : 1, ' ')
                  << fmt::format("{:<10} {:>9} {:>6}  {}\n",
                                 article.story_date.empty() ? "-" : article.story_date,
                                 article.sentences.size(), article_tokens, title);
      } else {
        nlohmann::json record = {{"article_id", article.id},
                                 {"story_date", article.story_date},
                                 {"title", article.title},
                                 {"sentences", article.sentences.size()},
                                 {"tokens", article_tokens}};
        for (const auto& [key, value] : article.extra.items()) record[key] = value;
        std::cout << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      }
      ++articles;
      sentences += article.sentences.size();
      tokens += article_tokens;
      bytes += article.text.size();
      progress.tick(articles, bytes);
    }
    progress.finish();
    if (table)
      std::cout << fmt::format("{} articles, {} sentences, {} tokens\n", articles, sentences, tokens);
    std::cout.flush();
    return finish_run("code", stream.stats(), diags, articles, "coded");
  }
};

const CommandRegistration registration(10, [](CLI::App& root, CLI::App*& sub) -> Runner {
  auto command = std::make_shared<CodeCommand>();
  sub = root.add_subcommand("code",
                            "Code events from news articles (for "
                            "now: the sentences and tokens found)");
  command->input.add_to(*sub);
  sub->add_option("--format", command->format, "Output format: table or jsonl")->capture_default_str();
  return [command] { return command->run(); };
});

}  // namespace
}  // namespace dyad::app
