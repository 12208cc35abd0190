#include "dyad/nlp/pipeline.h"

#include <cstdlib>
#include <filesystem>

#include "dyad/core/data_path.h"
#include "dyad/nlp/binary_io.h"
#include "dyad/nlp/model_file.h"

namespace dyad::nlp {
namespace fs = std::filesystem;

std::string find_default_model() {
  if (const char* env = std::getenv("DYAD_MODEL"); env && *env) return env;
  std::string looked;
  const fs::path found = find_data_file(std::string("models/") + kDefaultModelName, &looked);
  if (!found.empty()) return found.string();
  throw ModelFormatError(
      std::string("no model found; looked for ") + kDefaultModelName + " in:" + looked +
      "\nname one with --model FILE or $DYAD_MODEL, or train one (see README: dyad train)");
}

Pipeline::Pipeline(Tagger tagger, Lemmatizer lemmatizer, Parser parser, std::string path, uint64_t checksum)
    : tagger_(std::move(tagger)),
      lemmatizer_(std::move(lemmatizer)),
      parser_(std::move(parser)),
      path_(std::move(path)),
      checksum_(checksum) {}

Pipeline Pipeline::load(const std::string& path) {
  const ModelFile model = ModelFile::read(path);
  return Pipeline(Tagger::load(model, path), Lemmatizer::load(model, path), Parser::load(model, path), path,
                  model.checksum);
}

void Pipeline::annotate(Sentence& sentence) const {
  if (sentence.words.empty()) return;
  tag_and_lemmatize(tagger_, lemmatizer_, sentence);
  parser_.parse(sentence);
}

}  // namespace dyad::nlp
