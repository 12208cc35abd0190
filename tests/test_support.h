#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "dyad/coder/coder.h"
#include "dyad/core/diagnostics.h"
#include "dyad/core/event.h"
#include "dyad/core/sentence.h"
#include "dyad/dict/dictionary_set.h"
#include "dyad/nlp/pipeline.h"

namespace dyad::testing {

// The repository root (for examples/ and data/).
std::filesystem::path source_dir();

// ../shared/data next to the repository, or $DYAD_SHARED_DATA when set. Empty when absent.
std::filesystem::path shared_data();

std::string read_file(const std::filesystem::path& path);

// Whether a collected diagnostic at `line` contains `text`.
bool has_message(const Diagnostics& diags, uint64_t line, std::string_view text);
// Every collected diagnostic, "file:line: severity: message" a line, for failure output.
std::string all_messages(const Diagnostics& diags);

// A parsed sentence written as "form/XPOS/head/deprel[/lemma]" items (head 1-based, 0
// for the root; the lemma defaults to the form), one token per word with no space before
// "," and "."; UPOS follows from the XPOS (and "aux"/"cop" make a verb AUX).
Sentence parsed_sentence(const std::string& spec);

// The committed model, the example dictionaries (examples/dictionaries) and a coder over
// them, loaded once for the whole test program: the tests of the stages after the coder
// run articles written for them through all of it.
struct ExampleCoding {
  ExampleCoding();
  dict::DictionarySet dicts;
  nlp::Pipeline pipeline;
  coder::Coder coder;
};
const ExampleCoding& example_coding();

// Geneva as data/gazetteer/places.tsv has it (GeoNames 2660646, the canton's seat), for
// tests of what is written and stored about an event's place.
EventPlace geneva_place();

}  // namespace dyad::testing

// Skips the current test with a clear message when ../shared/data/<relative> is absent.
#define DYAD_REQUIRE_SHARED(relative, var)                                                                   \
  const std::filesystem::path var = ::dyad::testing::shared_data() / (relative);                             \
  if (::dyad::testing::shared_data().empty() || !std::filesystem::exists(var))                               \
  GTEST_SKIP() << "needs " << (relative) << " from ../shared/data (absent here: "                            \
               << (::dyad::testing::shared_data().empty() ? std::string("no ../shared/data") : var.string()) \
               << ")"
