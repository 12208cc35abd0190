#pragma once

#include <cstdint>
#include <string>

#include "dyad/core/sentence.h"
#include "dyad/nlp/lemmatizer.h"
#include "dyad/nlp/parser.h"
#include "dyad/nlp/tagger.h"

namespace dyad::nlp {

// The file name of the committed English model under data/models/.
inline constexpr const char* kDefaultModelName = "en_ewt.dyadmodel";

// The model used when none is named: $DYAD_MODEL, else models/en_ewt.dyadmodel found
// by find_data_file (core/data_path.h: $DYAD_DATA_DIR, the executable's build or install
// tree, the source tree it was built from). Throws ModelFormatError listing the places
// looked at when there is none.
std::string find_default_model();

// Accuracy traded for speed at run time, with the same model file. README's speed
// table gives accuracy and speed of each setting on EWT test.
struct DecodeSettings {
  int tagger_passes = 0;  // 1: the first pass of a two-pass tagger alone; 0: every pass
  int beam = 0;           // parser beam width; 0: the model's own
  // The model's greedy parser (section kFastParserSection, trained on first-pass tags)
  // instead of its beam parser; a model without one decodes its beam parser greedily.
  bool fast_parser = false;

  static DecodeSettings accurate() { return {}; }
  // About three times the speed of accurate(), LAS about 1 point lower.
  static DecodeSettings fast() { return {1, 0, true}; }
};

// Tagger, lemmatiser and parser loaded from one model file: everything that turns
// a sentence of words into a tagged, lemmatised dependency tree.
class Pipeline {
 public:
  // Throws ModelFormatError naming `path` when the file is missing, corrupt, of another
  // format version, or lacks a section. The whole file is decompressed, but only the
  // parser `settings` use is built (building one takes about 0.1 s).
  static Pipeline load(const std::string& path, const DecodeSettings& settings = {});

  // Fills Word::upos, xpos, lemma, head and deprel from Word::form. Thread-safe.
  void annotate(Sentence& sentence) const;

  const std::string& path() const { return path_; }
  uint64_t checksum() const { return checksum_; }  // of the whole model file
  const Tagger& tagger() const { return tagger_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  // The parser annotate() uses: the greedy one of a fast setting, else the beam parser.
  const Parser& parser() const { return parser_; }
  // Whether that is the model's greedy parser (DecodeSettings::fast_parser, and the model
  // has one).
  bool uses_fast_parser() const { return uses_fast_parser_; }

 private:
  Pipeline(Tagger tagger, Lemmatizer lemmatizer, Parser parser, bool uses_fast_parser, std::string path,
           uint64_t checksum);

  Tagger tagger_;
  Lemmatizer lemmatizer_;
  Parser parser_;
  bool uses_fast_parser_ = false;
  std::string path_;
  uint64_t checksum_ = 0;
};

}  // namespace dyad::nlp
