#pragma once

// Event writers: the records `dyad code` prints, one per coded event, in five formats
// (docs/events.md describes each field).
//
//   jsonl     a header record (schema version, Dyad version, model and dictionary
//             checksums), then one JSON object per event: codes, names, PLOVER, quad
//             class, Goldstein, place, actor texts with code-point spans, the sentence
//   table     an aligned table for people, clipped to fit a terminal
//   tsv       a header line, GDELT 2.0 column names for what Dyad fills, Dyad columns
//             after, then the place columns (ActionGeo_*)
//   gdelt     the 61-column GDELT 2.0 events export layout, no header
//   petrarch  PETRARCH 2's tab-separated event lines (one per distinct
//             date/source/target/code in a story)
//
// A writer is used as begin(), write() per article, end(). Writers do not flush or
// close the stream.

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/core/article.h"
#include "dyad/core/event.h"
#include "dyad/dict/cameo_codebook.h"

namespace dyad::store {

enum class EventFormat { kJsonl, kTable, kTsv, kGdelt, kPetrarch };

// "jsonl", "table", "tsv", "gdelt", "petrarch"; false (and `out` unchanged) if unknown.
bool parse_event_format(std::string_view name, EventFormat& out);

// Version of the JSON record layout; raised when a field changes meaning or goes away.
// 2: `date` is the event's date from the text (issue #7), "YYYY-MM" or "YYYY" when
// only the month or year is known, no longer always the story date.
inline constexpr int kEventSchemaVersion = 2;

// What produced the events, written once by the formats that have a header (jsonl).
struct RunInfo {
  std::string dyad_version;      // dyad::kVersion
  uint64_t model_checksum = 0;   // nlp::Pipeline::checksum()
  uint64_t dictionary_hash = 0;  // dict::DictionarySet::hash
  std::string dictionaries;      // the --dict directory as given
};

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  virtual void begin(const RunInfo& run) = 0;  // once, before any event
  // One article's events (Event::sentence_index indexes article.sentences; the article
  // has been through the front end and parser, so Word::span byte offsets into
  // article.text are valid). Out-of-range sentence or word indices are tolerated: the
  // texts they would give are written as null/empty.
  virtual void write(const Article& article, const std::vector<Event>& events) = 0;
  virtual void end() = 0;  // once, after the last article
  // Records written so far (for petrarch: lines, after merging a story's duplicates).
  virtual uint64_t events_written() const = 0;
};

// `codebook` must outlive the writer; it may be empty (names, Goldstein, PLOVER unknown).
std::unique_ptr<EventWriter> make_event_writer(EventFormat format, std::ostream& out,
                                               const dict::CameoCodebook& codebook);

// Stable 16-hex-digit id of an event: FNV-1a 64 of article id, sentence index (decimal),
// source code, target code, event code, each field preceded by its byte length (4 bytes,
// little-endian) so that different splits of the same bytes cannot collide.
std::string event_id(const Article& article, const Event& event);

// "RUSGOV" -> country "RUS", sector "GOV"; "IGOCOPITP" -> country "IGO" (IGO/NGO/MNC etc.
// kept as the "country" as CAMEO does), sector "COP"; "---GOV" -> country "" (null),
// sector "GOV"; "\"TEXT\"" (new actor) -> both empty.
struct ActorParts {
  std::string country, sector;
};
ActorParts split_actor_code(std::string_view code);

// The quad class of an event code (1-4) as the writers give it: the codebook's, else the
// CAMEO root's for a code whose first two digits are a root (01-20); 0 when neither.
int quad_class_of(const dict::CameoCodebook& codebook, std::string_view code);

}  // namespace dyad::store
