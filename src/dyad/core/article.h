#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dyad/core/sentence.h"
#include "dyad/core/source_location.h"

namespace dyad {

// One news article as read from any input format. `text` is the body exactly as
// read (invalid UTF-8 bytes already replaced by U+FFFD); every Span and every
// offset shown to users points into it.
struct Article {
  std::string id;          // from the input, or a stable hash of its content
  std::string story_date;  // ISO 8601 YYYY-MM-DD, or empty when unknown
  std::string title;
  std::string text;
  std::string source;
  std::string url;
  nlohmann::json extra = nlohmann::json::object();  // unknown input fields, passed through

  SourceLocation origin;      // where it was read from
  uint32_t invalid_utf8 = 0;  // bytes replaced by U+FFFD while reading

  // Filled by the text front end.
  std::vector<Span> body;  // the parts of `text` left after cleaning boilerplate
  std::vector<Sentence> sentences;

  // Set by `dyad code` (doc/near_duplicates.h): the id of an earlier article this one is
  // a near copy of; its events are written but counted once (docs/events.md).
  std::string duplicate_of;
};

}  // namespace dyad
