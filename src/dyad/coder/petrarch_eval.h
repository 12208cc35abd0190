#pragma once

// Scoring against PETRARCH's unit-test records (PETR.UnitTest.records.xml): each
// <Sentence> holds a <Text>, its expected codings (<EventCoding sourcecode targetcode
// eventcode>, noevents, or error="..."), a category and a date; <Config> elements
// between records change the coder's options for the records after them. Dyad codes
// the <Text> alone, through its own front end and parser. A record counts when its
// category is in the file's <Include> list and, when "valid" is listed there, it is
// marked sentence="true"; it passes when the set of (source, target, code) Dyad finds
// equals the expected set (empty for noevents), or, for a discard error, when the
// same discard applies. Records expecting a parse error (a malformed tree or a dateline
// in the original file: bad_input_parse, dateline) cannot arise from raw text: they are
// listed apart and not counted.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "dyad/coder/coder.h"
#include "dyad/nlp/pipeline.h"

namespace dyad::coder {

struct PetrarchRecordResult {
  std::string id, category, text;
  std::vector<std::string> expected, found;  // "SRC>TGT:CODE", sorted; "error:X" for error records
  bool passed = false;
  std::vector<std::string> trace;
};

struct PetrarchEvalResult {
  std::vector<PetrarchRecordResult> records;       // counted records only
  std::vector<PetrarchRecordResult> parse_errors;  // expecting a parse error: not counted
  size_t skipped = 0;                              // not counted (category or sentence="false")
  size_t passed() const;
  std::map<std::string, std::pair<size_t, size_t>> by_category() const;  // passed, counted
};

// Reads `records_file`, codes each counted record and scores it. `base_options` are the
// options before the first <Config>. Reading problems go to `diags`.
PetrarchEvalResult evaluate_petrarch(const std::filesystem::path& records_file,
                                     const dict::DictionarySet& dicts, const nlp::Pipeline& pipeline,
                                     const CoderOptions& base_options, Diagnostics& diags,
                                     bool trace = false);

}  // namespace dyad::coder
