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

Pipeline::Pipeline(Tagger tagger, Lemmatizer lemmatizer, Parser parser, bool uses_fast_parser,
                   std::string path, uint64_t checksum)
    : tagger_(std::move(tagger)),
      lemmatizer_(std::move(lemmatizer)),
      parser_(std::move(parser)),
      uses_fast_parser_(uses_fast_parser),
      path_(std::move(path)),
      checksum_(checksum) {}

Pipeline Pipeline::load(const std::string& path, const DecodeSettings& settings) {
  const ModelFile model = ModelFile::read(path);
  Tagger tagger = Tagger::load(model, path);
  tagger.set_first_pass_only(settings.tagger_passes == 1);
  const bool fast = settings.fast_parser && model.sections.count(kFastParserSection) > 0;
  Parser parser = Parser::load(model, path, fast ? kFastParserSection : kParserSection);
  if (settings.fast_parser && !fast) {
    parser.set_beam_width(1);  // no greedy parser in the model: decode the beam parser greedily
  } else if (!fast) {
    parser.set_beam_width(settings.beam);
  }
  return Pipeline(std::move(tagger), Lemmatizer::load(model, path), std::move(parser), fast, path,
                  model.checksum);
}

void Pipeline::annotate(Sentence& sentence) const {
  if (sentence.words.empty()) return;
  tag_and_lemmatize(tagger_, lemmatizer_, sentence);
  parser_.parse(sentence);
}

}  // namespace dyad::nlp
