#pragma once

// Part-of-speech tagger: predicts the UD universal tag (UPOS) and the Penn Treebank
// tag (XPOS) of every word together, as one class per (UPOS, XPOS) pair seen in the
// training data (~100 for EWT). The model is an averaged perceptron over hashed
// lexical features (word, lower case, prefixes and suffixes of 1-4 characters, word
// shape, flags, the words and suffixes within two positions, the parts of speech
// WordNet gives the word and its likely base forms, the two previous predicted tags),
// decoded greedily left to right. Frequent words that always had one tag in training
// are tagged from a small dictionary without scoring. Optionally (two_pass) a second
// model re-tags the sentence seeing the first pass's tags of the next two words and how
// WordNet capitalises the word (names such as "Paris" are capitalised in its data files;
// on EWT dev +0.09 XPOS, +0.07 UPOS points).
//
// Typical use:
//   const ModelFile model = ModelFile::read(path);
//   const Tagger tagger = Tagger::load(model, path);
//   tagger.tag(sentence);                     // fills Word::upos and Word::xpos
//
// Training (the `dyad train` command wires this up; train on EWT train, select on dev):
//   TaggerOptions options;                    // epochs, seed, two_pass, wordnet_dir, ...
//   Tagger tagger = train_tagger(train, dev, options,
//                                [](const TaggerEpoch& e) { ... report e ... });
//   model.sections[kTaggerSection] = tagger.serialize();
//
// The section is self-contained: the WordNet data the features need is stored in it.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/core/sentence.h"
#include "dyad/io/conllu.h"
#include "dyad/nlp/model_file.h"

namespace dyad::nlp {

inline constexpr const char* kTaggerSection = "tagger";

struct TaggerOptions {
  int epochs = 10;
  uint64_t seed = 1;                     // shuffles the training order (std::mt19937_64)
  float prune_threshold = 1e-3f;         // averaged weights with |w| below it are dropped on save
  int tag_dictionary_min_count = 20;     // a word needs this many training occurrences ...
  double tag_dictionary_purity = 0.995;  // ... and this share of one class to be in the dictionary
  // WordNet index and exception files (Debian wordnet-base): the parts of speech of a
  // word and of its base forms are features. Missing files just leave them out.
  std::string wordnet_dir = "/usr/share/wordnet";
  // Two passes: a first greedy pass tags the sentence, and its tags of the next two
  // words are features of the second (trained on jackknifed first-pass tags over
  // `folds` folds, so training takes folds + 2 runs, ~5 minutes on EWT). On EWT dev
  // +0.11 UPOS / +0.06 XPOS points (95.41 / 94.87), at about 35-40 % of the one-pass
  // speed, and it doubles the tagger's share of the model. Off here; the committed
  // model is trained with it (`dyad train --tagger-two-pass`).
  bool two_pass = false;
  // A capitalised word never seen in training with a closed-class tag (CC, DT, IN, PRP,
  // ...) does not get one (the next best class instead): a sentence-initial "Arnor" is a
  // name, not a conjunction. Neutral on EWT dev (UPOS +0.01). The model keeps the
  // (word, class) pairs of those tags; epochs are chosen without the check.
  bool closed_class_check = true;
  int folds = 4;
  int first_pass_epochs = 8;
};

struct TaggerEpoch {
  int pass = 1;               // 1 or 2 (two-pass training)
  int fold = -1;              // the jackknife fold of a first pass, -1 for a model that is kept
  int epoch = 0;              // 1-based
  double train_accuracy = 0;  // joint (UPOS, XPOS) accuracy while training, greedy history
  double dev_upos = 0, dev_xpos = 0, dev_joint = 0;  // 0 when no dev set is given
  size_t features = 0;                               // weight rows after pruning
  bool best = false;                                 // the best epoch so far by dev joint accuracy (kept)
};

class TaggerModel;  // the weights; defined in tagger.cc

class Tagger {
 public:
  Tagger();  // untrained: tags every word "X"/"_"
  ~Tagger();
  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;

  // Reads the "tagger" section of `model`; throws ModelFormatError (binary_io.h) naming
  // `path_for_message` when the section is missing, truncated or inconsistent.
  static Tagger load(const ModelFile& model, const std::string& path_for_message = "model");
  // The same from the section's bytes.
  static Tagger deserialize(std::string_view bytes, const std::string& what = "tagger section");
  // The section's bytes (bulk arrays; loading them is a few memcpys).
  std::string serialize() const;

  // Fills Word::upos and Word::xpos of every word of `sentence` from Word::form.
  // Thread-safe (const); an empty sentence is left alone.
  void tag(Sentence& sentence) const;
  // Lower level: the class of each form (see class_upos/class_xpos).
  void tag(const std::vector<std::string_view>& forms, std::vector<uint16_t>& classes) const;

  size_t class_count() const;
  const std::string& class_upos(uint16_t cls) const;
  const std::string& class_xpos(uint16_t cls) const;
  size_t feature_count() const;  // weight rows kept after pruning

  // Speed trick: tag frequent unambiguous words from the tag dictionary (default on).
  void set_use_tag_dictionary(bool on) { use_tag_dictionary_ = on; }
  // Speed for accuracy: a two-pass model tags with its first pass alone (on EWT test
  // about twice as fast; the figures are in README's speed table). No effect on a
  // one-pass model.
  void set_first_pass_only(bool on) { first_pass_only_ = on; }
  bool two_pass() const;

 private:
  explicit Tagger(std::unique_ptr<TaggerModel> model);
  friend Tagger train_tagger(const std::vector<io::ConlluSentence>&, const std::vector<io::ConlluSentence>&,
                             const TaggerOptions&, const std::function<void(const TaggerEpoch&)>&);
  std::unique_ptr<TaggerModel> model_;
  bool use_tag_dictionary_ = true;
  bool first_pass_only_ = false;
};

// Trains on `train` (words need form, upos and xpos) and returns the averaged model of
// the epoch with the best dev joint accuracy (the last epoch when `dev` is empty).
// Deterministic for a given seed. `progress` is called after every epoch.
Tagger train_tagger(const std::vector<io::ConlluSentence>& train, const std::vector<io::ConlluSentence>& dev,
                    const TaggerOptions& options = {},
                    const std::function<void(const TaggerEpoch&)>& progress = {});

// Accuracy of `tagger` on gold-tagged sentences (gold tokenisation).
struct TaggerAccuracy {
  size_t words = 0, upos = 0, xpos = 0, joint = 0;
  double upos_rate() const { return words ? double(upos) / double(words) : 0; }
  double xpos_rate() const { return words ? double(xpos) / double(words) : 0; }
  double joint_rate() const { return words ? double(joint) / double(words) : 0; }
};
TaggerAccuracy evaluate_tagger(const Tagger& tagger, const std::vector<io::ConlluSentence>& gold);

}  // namespace dyad::nlp
