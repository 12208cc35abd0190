#include "model_choice.h"

namespace dyad::app {

void ModelChoice::add_to(CLI::App& command, bool with_beam) {
  command.add_option("--model", path, "Model file (default: data/models/en_ewt.dyadmodel)");
  command
      .add_option("--speed", speed,
                  "accurate: the two-pass tagger and the beam parser; fast: the tagger's first pass and "
                  "the greedy parser, about three times the speed, LAS about 1 point lower")
      ->check(CLI::IsMember({"accurate", "fast"}))
      ->capture_default_str();
  if (with_beam)
    command.add_option("--beam", beam, "Decode the beam parser with this width instead (1: greedy)")
        ->check(CLI::Range(1, 64));
}

nlp::DecodeSettings ModelChoice::settings() const {
  nlp::DecodeSettings s = speed == "fast" ? nlp::DecodeSettings::fast() : nlp::DecodeSettings::accurate();
  if (beam > 0) {
    s.beam = beam;
    s.fast_parser = false;
  }
  return s;
}

std::string ModelChoice::model_path() const { return path.empty() ? nlp::find_default_model() : path; }

nlp::Pipeline ModelChoice::load() const { return nlp::Pipeline::load(model_path(), settings()); }

}  // namespace dyad::app
