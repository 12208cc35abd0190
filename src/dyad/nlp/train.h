#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dyad/io/conllu.h"
#include "dyad/nlp/model_file.h"
#include "dyad/nlp/parser.h"
#include "dyad/nlp/tagger.h"

namespace dyad::nlp {

// What `dyad train` does: trains the tagger, the lemmatiser and the parser on a
// treebank and puts all three in one model file. The dev set chooses the epochs; no
// other data is looked at. Deterministic for a seed.
struct TrainOptions {
  uint64_t seed = 1;
  // The parser's own seed (its training order), 0: `seed`. Parser runs vary by a few
  // tenths of a dev LAS point with the seed alone; this lets the parser's seed be
  // chosen on dev without changing the tagger.
  uint64_t parser_seed = 0;
  TaggerOptions tagger;
  ParserTrainOptions parser;
  // The parser learns from tags as the tagger will give them at run time: each
  // training sentence is tagged by a tagger trained on the other folds (jackknifing).
  // 0 or 1: gold tags.
  int jackknife_folds = 5;
  // Also a greedy parser (section kFastParserSection) for DecodeSettings::fast(): trained
  // on the same jackknifed tags, its epochs chosen on dev tagged by the tagger's first
  // pass, as it will run.
  bool fast_parser = true;
};

using TrainLog = std::function<void(const std::string& line)>;

ModelFile train_model(const std::vector<io::ConlluSentence>& train,
                      const std::vector<io::ConlluSentence>& dev, const TrainOptions& options,
                      const TrainLog& log = {});

}  // namespace dyad::nlp
