#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "dyad/nlp/pipeline.h"

namespace dyad::app {

// The flags of every command that tags and parses: which model file, and how much
// accuracy to trade for speed.
struct ModelChoice {
  std::string path;  // --model; empty: nlp::find_default_model()
  std::string speed = "accurate";
  int beam = 0;  // --beam, for measuring the trade-off; 0: what --speed says

  // Adds --model and --speed (and --beam when `with_beam`, for the eval commands).
  void add_to(CLI::App& command, bool with_beam = false);
  nlp::DecodeSettings settings() const;
  // The model's path, for messages.
  std::string model_path() const;
  // Loads the model and applies --speed; throws nlp::ModelFormatError as Pipeline::load.
  nlp::Pipeline load() const;
};

}  // namespace dyad::app
