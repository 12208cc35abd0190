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

// Tagger, lemmatiser and parser loaded from one model file: everything that turns
// a sentence of words into a tagged, lemmatised dependency tree.
class Pipeline {
 public:
  // Throws ModelFormatError naming `path` when the file is missing, corrupt, of another
  // format version, or lacks a section.
  static Pipeline load(const std::string& path);

  // Fills Word::upos, xpos, lemma, head and deprel from Word::form. Thread-safe.
  void annotate(Sentence& sentence) const;

  const std::string& path() const { return path_; }
  uint64_t checksum() const { return checksum_; }  // of the whole model file
  const Tagger& tagger() const { return tagger_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  const Parser& parser() const { return parser_; }

 private:
  Pipeline(Tagger tagger, Lemmatizer lemmatizer, Parser parser, std::string path, uint64_t checksum);

  Tagger tagger_;
  Lemmatizer lemmatizer_;
  Parser parser_;
  std::string path_;
  uint64_t checksum_ = 0;
};

}  // namespace dyad::nlp
