#include "dyad/nlp/train.h"

#include <fmt/format.h>

#include "dyad/nlp/lemmatizer.h"
#include "dyad/nlp/parser_eval.h"

namespace dyad::nlp {
namespace {

// Replaces the gold tags of `sentences` by what `tagger` predicts.
void retag(const Tagger& tagger, std::vector<Sentence>& sentences) {
  for (Sentence& s : sentences) tagger.tag(s);
}

}  // namespace

ModelFile train_model(const std::vector<io::ConlluSentence>& train,
                      const std::vector<io::ConlluSentence>& dev, const TrainOptions& options,
                      const TrainLog& log) {
  auto say = [&](const std::string& line) {
    if (log) log(line);
  };
  TaggerOptions tagger_options = options.tagger;
  tagger_options.seed = options.seed;
  ParserTrainOptions parser_options = options.parser;
  parser_options.seed = options.parser_seed != 0 ? options.parser_seed : options.seed;

  say(fmt::format("tagger: {} training sentences, {} dev sentences", train.size(), dev.size()));
  int best_tagger_epoch = tagger_options.epochs;
  // A two-pass tagger's first pass on all of train is the one-pass tagger (same epochs
  // and seed): its epochs are what the jackknife folds run.
  if (tagger_options.two_pass) tagger_options.first_pass_epochs = tagger_options.epochs;
  Tagger tagger = train_tagger(train, dev, tagger_options, [&](const TaggerEpoch& e) {
    if (e.fold >= 0) return;  // a first-pass fold of a two-pass tagger
    if (e.best && e.pass == 1) best_tagger_epoch = e.epoch;
    say(fmt::format("tagger {}epoch {:>2}: dev UPOS {:.2f} XPOS {:.2f}{}",
                    tagger_options.two_pass ? fmt::format("pass {} ", e.pass) : "", e.epoch, 100 * e.dev_upos,
                    100 * e.dev_xpos, e.best ? "  (best so far)" : ""));
  });

  say("lemmatiser: building the lexicon and reading WordNet");
  Lemmatizer lemmatizer = train_lemmatizer(train);
  say(fmt::format("lemmatiser: dev lemma accuracy {:.2f} with predicted tags",
                  100 * evaluate_lemmatizer(lemmatizer, dev, &tagger).rate()));

  std::vector<Sentence> parser_train = parser_sentences_from_conllu(train);
  const int folds = options.jackknife_folds;
  if (folds > 1) {
    TaggerOptions fold_options = tagger_options;
    fold_options.epochs = best_tagger_epoch;
    // The folds mimic the tagger's errors on unseen text for the parser; they keep the
    // plain trained weights, as the epochs were chosen with.
    fold_options.closed_class_check = false;
    // One pass: the folds of a two-pass tagger would take five times as long to train,
    // and their errors are those of its first pass.
    fold_options.two_pass = false;
    for (int fold = 0; fold < folds; ++fold) {
      std::vector<io::ConlluSentence> rest;
      rest.reserve(train.size());
      for (size_t i = 0; i < train.size(); ++i)
        if (static_cast<int>(i % static_cast<size_t>(folds)) != fold) rest.push_back(train[i]);
      // A fold tagger runs as many epochs as the chosen tagger needed, without a dev set.
      const Tagger fold_tagger = train_tagger(rest, {}, fold_options);
      for (size_t i = static_cast<size_t>(fold); i < train.size(); i += static_cast<size_t>(folds))
        fold_tagger.tag(parser_train[i]);
      say(fmt::format("jackknife: fold {}/{} tagged", fold + 1, folds));
    }
  }
  std::vector<Sentence> parser_dev = parser_sentences_from_conllu(dev);
  retag(tagger, parser_dev);

  say(fmt::format("parser: {} training sentences ({} tags), dev with predicted tags", parser_train.size(),
                  folds > 1 ? fmt::format("{}-fold jackknifed", folds) : std::string("gold")));
  Parser parser = train_parser(parser_train, parser_dev, parser_options, [&](const ParserEpochReport& r) {
    say(fmt::format("parser epoch {:>2}: dev UAS {:.2f} LAS {:.2f} ({:.0f} s){}", r.epoch, r.dev_uas,
                    r.dev_las, r.seconds, r.best ? "  (best so far)" : ""));
  });

  ModelFile model;
  model.sections[kTaggerSection] = tagger.serialize();
  model.sections[kLemmatizerSection] = lemmatizer.serialize();
  parser.save(model);

  if (options.fast_parser && parser_options.beam > 1) {
    Tagger first_pass = Tagger::deserialize(model.sections[kTaggerSection]);
    first_pass.set_first_pass_only(true);
    retag(first_pass, parser_dev);
    ParserTrainOptions fast_options = parser_options;
    fast_options.beam = 0;
    say(fmt::format("fast parser (greedy): dev with the tagger's first pass"));
    Parser fast = train_parser(parser_train, parser_dev, fast_options, [&](const ParserEpochReport& r) {
      say(fmt::format("fast parser epoch {:>2}: dev UAS {:.2f} LAS {:.2f} ({:.0f} s){}", r.epoch, r.dev_uas,
                      r.dev_las, r.seconds, r.best ? "  (best so far)" : ""));
    });
    fast.save(model, kFastParserSection);
  }
  return model;
}

}  // namespace dyad::nlp
