#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dyad {

// How much of an event date is known (doc/event_date.h): the values are ordered.
enum class DatePrecision : uint8_t { kNone = 0, kYear = 1, kMonth = 2, kDay = 3 };

// Where an event happened, as the document stage resolved it (doc/places.h: a gazetteer
// entry). Kept here rather than as doc::Place so that core and the writers do not depend
// on doc/. Unknown when `name` is empty.
struct EventPlace {
  std::string name;
  std::string country;  // ISO 3166-1 alpha-3
  std::string admin1;   // first-level division's name, "" when unknown or for a country
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  int64_t geonameid = 0;  // GeoNames id of a city; 0 for countries and divisions
  std::string feature;    // "country", "admin1", "capital", "seat" or "city"
  // The sentence puts the event there with a preposition ("in", "at", "near", ...)
  // rather than only naming the place.
  bool locative = false;

  bool known() const { return !name.empty(); }
};

// One side of an event: the code and the words it was read from.
struct EventActor {
  std::string code;             // "RUSGOV"; "---" when unknown; "\"TEXT\"" for a new actor
  int32_t mention = -1;         // index into the sentence's mentions, -1 when none
  std::vector<uint32_t> words;  // the words of the mention (Sentence::words indices)
};

// Who did what to whom, read off one sentence.
struct Event {
  uint32_t sentence_index = 0;
  EventActor source, target;
  std::string code;                 // the event code as the dictionary writes it (CAMEO: "111")
  uint32_t verb = 0;                // the predicate's word index
  std::vector<uint32_t> words;      // the verb's words and the pattern's literal words that matched
  std::string pattern;              // file:line of the pattern (or verb entry) that gave the code
  std::string pattern_text;         // that pattern as written, "" for a verb's own code
  bool reverse = false;             // the second half of a paired code [a:b]
  std::vector<std::string> issues;  // issue codes the sentence mentions (issue dictionary)
  // Filled by the document stage (doc/document.h); the writers use the story date when 0.
  int32_t date = 0;  // yyyymmdd, 00 for an unknown month or day
  DatePrecision date_precision = DatePrecision::kNone;
  std::vector<uint32_t> date_words;  // the date expression's words, empty when none
  EventPlace place;                  // unknown when the sentence names none
};

}  // namespace dyad
