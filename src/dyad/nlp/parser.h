#pragma once

// The dependency parser (issue #3): an arc-eager transition parser
// (parser_transition.h) scoring moves with an averaged perceptron over hashed
// Zhang & Nivre (2011)-style features. Greedy (ParserTrainOptions::beam <= 1), it is
// trained with a dynamic oracle and exploration; with a beam of width k it is trained
// globally (structured perceptron, max-violation update, Huang et al. 2012, with the
// dynamic oracle's latent gold sequence) and decodes with the same k, which the model
// stores. The UD relation of each arc (full label with subtype, e.g. "nsubj:pass") is
// chosen by a second averaged perceptron the moment the arc is made, so later moves
// see it (in the beam: per item, greedily; label scores do not enter the item score).
//
// Input per word: Word::form, upos and xpos (from the tagger, or gold); lemmas are not used.
// Output: Word::head (index into Sentence::words, -1 for the root) and Word::deprel.
// Every word gets a head, there is exactly one root (label "root") and no cycle.
//
// Training (what `dyad train` wires up):
//   std::vector<Sentence> train = ..., dev = ...;   // heads/deprels = gold; tags as the
//                                                   // parser will see them at run time
//   ParserTrainOptions opt;  opt.epochs = 15;  opt.seed = 1;
//   Parser p = train_parser(train, dev, opt, [](const ParserEpochReport& r) { ... });
//   ModelFile m;  p.save(m);  m.write("en_ewt.dyadmodel");  // dyad train puts all sections in one file
// The returned parser is the epoch with the best dev LAS. Train with tags predicted the
// way they will be at run time (5-fold jackknifed tagger output on train, the tagger's
// output on dev): on EWT dev with predicted tags that is +0.5 UAS over gold-tag training.
// Word features use a lexicon of the lower-cased forms seen min_word_count times, each
// with its ambiguity class (the XPOS tags it had in `train`), stored in the section.
// Greedy epochs take ~2-4 s on EWT train (one core), 15 with early stopping < 1 minute;
// beam 4 (the default) epochs ~9 s, 15 epochs ~2.5 minutes.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dyad/core/sentence.h"
#include "dyad/nlp/binary_io.h"
#include "dyad/nlp/model_file.h"

namespace dyad::nlp {

// The sections of a model file that hold parsers: the one `dyad parse` uses, and the
// optional greedy one that the fast setting uses (pipeline.h, DecodeSettings).
inline constexpr const char* kParserSection = "parser";
inline constexpr const char* kFastParserSection = "fast_parser";

namespace parser_detail {
struct Model;
}

class Parser {
 public:
  Parser();
  ~Parser();
  Parser(Parser&&) noexcept;
  Parser& operator=(Parser&&) noexcept;
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // Reads section `section` of a model file; throws ModelFormatError naming `path`
  // on a missing, truncated or inconsistent section.
  static Parser load(const ModelFile& model, const std::string& path = "model",
                     const std::string& section = kParserSection);
  static Parser load(const std::string& model_path);
  void save(ModelFile& model, const std::string& section = kParserSection) const;
  void write(BinaryWriter& out) const;
  static Parser read(BinaryReader& in);

  bool empty() const;
  // Fills Word::head and Word::deprel of every word. Thread-safe (const, no shared state).
  void parse(Sentence& sentence) const;
  // parse() without the decoder's per-sentence score caches: slower, the very same
  // result (the reference tests compare parse() with).
  void parse_uncached(Sentence& sentence) const;

  const std::vector<std::string>& labels() const;
  size_t feature_count() const;  // stored feature rows (both classifiers)
  int beam_width() const;        // the width parse() decodes with (1: greedy)
  // Speed for accuracy: decode with this beam width instead of the one the model was
  // trained with (0: the model's). A narrower beam than trained is faster and less
  // accurate; README's speed table has the figures. A greedy model stays greedy: its
  // scores are not trained to rank whole sequences (a beam of 2 made EWT dev LAS 68).
  void set_beam_width(int width);

  // For training (parser.cc).
  explicit Parser(std::unique_ptr<parser_detail::Model> model);

 private:
  std::unique_ptr<parser_detail::Model> model_;
  int decode_width_ = 0;
};

struct ParserTrainOptions {
  int epochs = 15;
  uint64_t seed = 1;
  // Follow the model's own (possibly wrong) moves from this epoch on (1-based), with
  // probability `explore_probability` when they are wrong (Goldberg & Nivre 2012).
  int explore_from_epoch = 2;
  double explore_probability = 0.9;
  // Non-projective training trees: lift them (true) or skip the sentence (false).
  bool projectivize = true;
  // Word forms (lower-cased) seen fewer times than this in training share one value.
  int min_word_count = 2;
  // Averaged weights smaller than this in magnitude are dropped on save.
  float prune_below = 0.05f;
  // Stop after this many epochs without a better dev LAS (0 = never).
  int patience = 4;
  // Beam width (0 or 1: greedy, trained with the dynamic oracle and exploration as
  // above). Wider beams are trained globally (structured perceptron, max-violation
  // update; exploration options unused) and Parser::parse decodes with the same width.
  // EWT dev, predicted tags, UAS/LAS (words/s, one core): greedy 84.81/81.39 (~390k),
  // beam 4 85.91/82.33 (~115k), beam 8 85.63/82.11 (~55k), beam 16 85.86/82.36 (~34k).
  int beam = 4;
};

struct ParserEpochReport {
  int epoch = 0;
  double seconds = 0;  // training time of this epoch
  // Greedy: moves the oracle allows; beam: sentences whose best item kept the gold tree.
  double train_move_accuracy = 0;
  double dev_uas = 0, dev_las = 0;  // percentages; 0 when no dev set
  bool best = false;                // best dev LAS so far (kept)
  size_t features = 0;              // stored rows: move table + label table
  size_t label_features = 0;        // of which in the label table
};
using ParserProgress = std::function<void(const ParserEpochReport&)>;

struct ParserTrainStats {
  size_t sentences = 0, skipped_nonprojective = 0, lifted_arcs = 0, nonprojective_sentences = 0;
};

// Trains on `train` (gold Word::head/deprel), selecting the epoch by LAS on `dev`
// (if `dev` is empty, the last epoch is kept). Deterministic for a given seed.
Parser train_parser(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                    const ParserTrainOptions& options, const ParserProgress& progress = {},
                    ParserTrainStats* stats = nullptr);

}  // namespace dyad::nlp
