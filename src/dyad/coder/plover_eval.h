#pragma once

// Scoring against the PLOVER gold-standard records (PLOVER_GSR_dev.json, CC BY-SA 4.0):
// a JSON list of records, each an edited news sentence (`text`) with one gold event: its
// PLOVER 0.5 type (`event`), the source and target actors (`source`, `target`: lists of
// {actorText, code, sector}; `code` an ISO-3 country or "IGO"/"NGO") and a `date`. The
// first record is a DOCUMENT pseudo-record and is skipped. Records with the same text
// (the file codes some sentences twice, once per event) are scored as one item whose
// gold is the union of their events.
//
// Dyad codes each text alone: front end, parser, coder; each event's CAMEO code is mapped
// to its PLOVER type with the codebook (the code, else its longest defined prefix; codes
// PLOVER drops, roots 01 and 02, give no PLOVER event). The gold's 0.5 names are mapped
// to the 2021 ones first (DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, FIGHT -> ASSAULT,
// INVESTIGATE -> ACCUSE). Per item:
//   - types: the set of PLOVER types Dyad found against the set of gold types, counted
//     over (item, type) pairs; a predicted pair not in the gold is a spurious event;
//   - triples: (source, target, type) with actors compared on their first three letters
//     (any IGO... code is "IGO", NGO... "NGO"; unknown "---" codes are ""), gold actor
//     lists expanded to every combination and a missing gold target taken as "".

#include <compare>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/coder/article_coder.h"
#include "dyad/coder/coder.h"
#include "dyad/dict/cameo_codebook.h"
#include "dyad/nlp/pipeline.h"

namespace dyad::coder {

// The 2021 name of a PLOVER 0.5 type ("DEMAND" -> "REQUEST"); other names unchanged.
std::string plover_2021_type(std::string_view type);

// The PLOVER type of a CAMEO code: the code's own, else that of its longest defined
// prefix ("0431" -> 043's); empty when PLOVER has no equivalent or the code is unknown.
std::string plover_type_of(const dict::CameoCodebook& codebook, std::string_view cameo);

// An actor code as compared: its first three letters ("RUSGOV" -> "RUS"), "IGO" for any
// code starting with IGO, "NGO" likewise; "" for an unknown actor ("", "---...", a new
// actor's quoted text).
std::string actor_key(std::string_view code);

struct PloverTriple {
  std::string source, target, type;  // actor keys and a 2021 PLOVER type
  auto operator<=>(const PloverTriple&) const = default;
  std::string str() const;  // "RUS>USA:ACCUSE", "RUS>:ACCUSE" without a target
};

// One gold record.
struct PloverGoldEvent {
  std::string id;
  std::string type;                           // as the file writes it (PLOVER 0.5)
  std::vector<std::string> sources, targets;  // actor codes as written; targets may be empty
  std::vector<std::string> source_texts, target_texts;
};

// The (source, target, type) triples of a gold event: every source with every target
// (target "" when there is none; source "" likewise), keys by actor_key, type in 2021 names.
std::vector<PloverTriple> gold_triples(const PloverGoldEvent& gold);

// One event Dyad coded.
struct PloverPrediction {
  uint32_t sentence = 0;
  std::string source, target;  // Dyad's actor codes ("RUSGOV")
  std::string cameo;           // "111"
  std::string type;            // its PLOVER type; empty when PLOVER has none
  std::string pattern;         // file:line of the pattern or verb that gave the code
  std::string pattern_text;

  PloverTriple triple() const { return {actor_key(source), actor_key(target), type}; }
};

// One scored item: a text with its gold events and Dyad's.
struct PloverRecordResult {
  std::vector<PloverGoldEvent> gold;  // the records sharing this text (usually one)
  std::string text, date;
  std::vector<PloverPrediction> events;  // in coding order, with or without a PLOVER type
  Discarded discarded = Discarded::kNo;
  std::vector<std::string> trace;  // the coder's trace (when asked for)

  // Filled by score_record:
  std::vector<std::string> gold_types, predicted_types;  // sorted, unique
  std::vector<PloverTriple> gold_set, predicted_set;     // sorted, unique
  std::vector<std::string> missed_types, spurious_types;
  std::vector<PloverTriple> missed_triples, spurious_triples;

  const std::string& id() const;  // the first gold record's id
};

// Fills the PLOVER type of each event from its CAMEO code, then the sets and the
// differences of `record` from its gold and events.
void score_record(PloverRecordResult& record, const dict::CameoCodebook& codebook);

struct PloverCounts {
  size_t gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? double(correct) / double(predicted) : 0.0; }
  double recall() const { return gold ? double(correct) / double(gold) : 0.0; }
  double f1() const { return gold + predicted ? 2.0 * double(correct) / double(gold + predicted) : 0.0; }
};

struct PloverEvalResult {
  size_t gold_records = 0;                      // records read, the DOCUMENT record(s) excluded
  size_t skipped = 0;                           // DOCUMENT records and records without text or type
  std::vector<PloverRecordResult> records;      // scored items, one per distinct text
  PloverCounts types;                           // over (item, type) pairs
  PloverCounts triples;                         // over (item, source, target, type)
  std::map<std::string, PloverCounts> by_type;  // (item, type) pairs per type
  size_t events = 0;                            // Dyad events coded
  size_t events_without_plover = 0;             // of them, CAMEO codes PLOVER drops or does not know
  size_t discarded = 0;                         // items a discard phrase dropped

  size_t spurious() const { return types.predicted - types.correct; }  // predicted (item, type) not gold
  double spurious_per_record() const {
    return records.empty() ? 0.0 : double(spurious()) / double(records.size());
  }

  // Adds a scored item to the totals and keeps it.
  void add(PloverRecordResult record);
};

// Reads the gold file and groups its records by text, in file order (date and id of the
// first). Throws std::runtime_error naming the file when it cannot be read, is not valid
// JSON or is not a list; a record without text or type is a warning in `diags` and is
// skipped (counted in `skipped`).
std::vector<PloverRecordResult> read_plover_gold(const std::filesystem::path& file, Diagnostics& diags,
                                                 size_t* gold_records = nullptr, size_t* skipped = nullptr);

// What runs on each coded text before it is scored: the document stage, which lives
// after the coder (doc/document.h: resolve_document), so the caller passes it in.
using DocumentStage = std::function<void(const Article& article, ArticleCoding& coding)>;

// Reads `gold_file`, codes each text as one article with `dicts` and `pipeline`
// (code_article, then `document` when given) and scores it. Throws as read_plover_gold
// does.
PloverEvalResult evaluate_plover(const std::filesystem::path& gold_file, const dict::DictionarySet& dicts,
                                 const nlp::Pipeline& pipeline, const dict::CameoCodebook& codebook,
                                 const CoderOptions& options, Diagnostics& diags, bool trace = false,
                                 const DocumentStage& document = {});

}  // namespace dyad::coder
