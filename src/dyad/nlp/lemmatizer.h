#pragma once

// Lemmatiser: the lemma of a word from its form and its (predicted) tags, in the UD EWT
// convention. In order:
//   1. a lexicon (lower-cased form, XPOS) -> lemma learned from the training treebank,
//      holding only the words the rules below get wrong (pronouns, "'s" -> "be",
//      "n't" -> "not", "ca" -> "can", abbreviations, ...);
//   2. proper nouns keep their form (NNPS loses its plural "s");
//   3. WordNet's exception lists (held -> hold, said -> say, was -> be, bigger -> big,
//      geese -> goose);
//   4. suffix rules (launched/launching -> launch, forces -> force, countries -> country),
//      preferring a candidate that is a known lemma (WordNet's index or a training lemma)
//      of the right part of speech, else a spelling heuristic.
// Words of other tags are lower-cased (ASCII); all-caps acronyms that are no known
// lemma keep their form. WordNet 3.0 (Princeton University) is read at training time
// from the Debian package wordnet-base and what is needed is stored in the section.
//
//   Lemmatizer lemmatizer = train_lemmatizer(train_sentences);
//   model.sections[kLemmatizerSection] = lemmatizer.serialize();
//   ...
//   tag_and_lemmatize(tagger, lemmatizer, sentence);  // fills upos, xpos and lemma

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/core/sentence.h"
#include "dyad/io/conllu.h"
#include "dyad/nlp/model_file.h"
#include "dyad/nlp/tagger.h"

namespace dyad::nlp {

inline constexpr const char* kLemmatizerSection = "lemmatizer";

struct LemmatizerOptions {
  // Where noun.exc, verb.exc, adj.exc, adv.exc and index.{noun,verb,adj,adv} are.
  std::string wordnet_dir = "/usr/share/wordnet";
  // When false a missing WordNet is not an error (the lemmatiser is then a little worse).
  bool require_wordnet = false;
};

class Lemmatizer {
 public:
  Lemmatizer();  // rules only: no lexicon, no WordNet

  // Reads the "lemmatizer" section; throws ModelFormatError naming `path_for_message`.
  static Lemmatizer load(const ModelFile& model, const std::string& path_for_message = "model");
  static Lemmatizer deserialize(std::string_view bytes, const std::string& what = "lemmatizer section");
  std::string serialize() const;

  // The lemma of `form` tagged (upos, xpos). Thread-safe.
  std::string lemma(std::string_view form, std::string_view upos, std::string_view xpos) const;
  // Fills Word::lemma of every word from Word::form, upos and xpos (tag first).
  void lemmatize(Sentence& sentence) const;

  size_t lexicon_size() const;       // (form, tag) entries: training lexicon + WordNet exceptions
  size_t known_lemma_count() const;  // lemmas the suffix rules may produce with confidence

 private:
  friend Lemmatizer train_lemmatizer(const std::vector<io::ConlluSentence>&, const LemmatizerOptions&);
  std::string rules(std::string_view form, std::string_view upos, std::string_view xpos) const;
  std::string_view lookup(uint64_t key) const;
  bool known(char pos, std::string_view lemma) const;

  std::vector<uint64_t> keys_;     // open addressing, power-of-two size, 0 = empty
  std::vector<uint32_t> values_;   // per slot: index into offsets_
  std::vector<uint32_t> offsets_;  // lemma i is blob_[offsets_[i], offsets_[i + 1])
  std::vector<char> blob_;
  std::vector<uint64_t> known_;  // set of (pos, lemma) hashes, open addressing, 0 = empty
};

// Builds the lexicon from `train` (form, upos, xpos, lemma) and reads WordNet.
// Throws std::runtime_error when options.require_wordnet and WordNet is missing.
Lemmatizer train_lemmatizer(const std::vector<io::ConlluSentence>& train,
                            const LemmatizerOptions& options = {});

// Tags (UPOS, XPOS) then lemmatises every word of `sentence` in place.
void tag_and_lemmatize(const Tagger& tagger, const Lemmatizer& lemmatizer, Sentence& sentence);

// Lemma accuracy on `gold`, using the tags `tagger` predicts (gold tokenisation); with
// no tagger the gold tags are used.
struct LemmaAccuracy {
  size_t words = 0, correct = 0;
  double rate() const { return words ? double(correct) / double(words) : 0; }
};
LemmaAccuracy evaluate_lemmatizer(const Lemmatizer& lemmatizer, const std::vector<io::ConlluSentence>& gold,
                                  const Tagger* tagger = nullptr);

}  // namespace dyad::nlp
