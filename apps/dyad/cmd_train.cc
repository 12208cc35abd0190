// dyad train: the tagger, lemmatiser and parser from a UD treebank, in one model file.
#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "command.h"
#include "dyad/io/conllu.h"
#include "dyad/nlp/train.h"

namespace dyad::app {
namespace {

struct TrainCommand {
  std::string train, dev, out;
  uint64_t seed = 1;
  nlp::TrainOptions options;

  int run() {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<io::ConlluSentence> train_set = io::read_conllu_file(train);
    const std::vector<io::ConlluSentence> dev_set = io::read_conllu_file(dev);
    options.seed = seed;
    nlp::ModelFile model = nlp::train_model(train_set, dev_set, options, [&](const std::string& line) {
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cerr << fmt::format("[{:6.0f} s] {}\n", s, line);
    });
    model.write(out);
    std::cerr << fmt::format("wrote {} (checksum {:016x})\n", out, model.checksum);
    return 0;
  }
};

const CommandRegistration registration(60, [](CLI::App& root, CLI::App*& sub) -> Runner {
  auto command = std::make_shared<TrainCommand>();
  sub = root.add_subcommand(
      "train",
      "Train the tagger, lemmatiser and parser on a CoNLL-U treebank (the dev set picks the "
      "epochs; the test set is never read)");
  sub->add_option("--train", command->train, "Training treebank (CoNLL-U)")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option("--dev", command->dev, "Development treebank (CoNLL-U), for choosing epochs")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option("--out", command->out, "Model file to write")->required();
  sub->add_option("--seed", command->seed, "Random seed (same seed, same model)")->capture_default_str();
  sub->add_option("--parser-seed", command->options.parser_seed,
                  "The parser's random seed (default: --seed)");
  sub->add_option("--tagger-epochs", command->options.tagger.epochs, "Tagger epochs at most")
      ->capture_default_str();
  sub->add_option("--parser-epochs", command->options.parser.epochs, "Parser epochs at most")
      ->capture_default_str();
  sub->add_option("--parser-patience", command->options.parser.patience,
                  "Stop the parser after this many epochs without a better dev LAS (0: run every epoch)")
      ->capture_default_str();
  sub->add_option("--beam", command->options.parser.beam,
                  "Parser beam width, trained globally (0 or 1: greedy, fastest)")
      ->capture_default_str();
  sub->add_flag("--tagger-two-pass", command->options.tagger.two_pass,
                "Two-pass tagger: the first pass's tags of the next words are features of the second "
                "(more accurate, slower to tag)");
  sub->add_flag("!--no-fast-parser", command->options.fast_parser,
                "Leave out the greedy parser that 'dyad parse --speed fast' uses");
  sub->add_option("--jackknife", command->options.jackknife_folds,
                  "Folds for training the parser on predicted tags (0: gold tags)")
      ->capture_default_str();
  return [command] { return command->run(); };
});

}  // namespace
}  // namespace dyad::app
