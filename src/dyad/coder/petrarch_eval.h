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
  // Gold-parse mode: records the UD file has no tree for (no record with the same id and
  // text); those are coded from Dyad's own parse.
  size_t without_gold_parse = 0;
  size_t skipped = 0;  // not counted (category or sentence="false")
  size_t passed() const;
  std::map<std::string, std::pair<size_t, size_t>> by_category() const;  // passed, counted
};

// Reads `records_file`, codes each counted record and scores it. `base_options` are the
// options before the first <Config>. Reading problems go to `diags`. With
// `gold_parses` (PETR.UnitTest.records.ud.xml), each record is coded from the UD tree
// of the same record there (ids DEMO_00 for DEMO-00, joined on id and text, records
// without one parsed by Dyad; UD v1
// labels mapped to v2) instead of from Dyad's own parse, to tell coder errors from
// parser errors; the expected codings stay those of `records_file`.
PetrarchEvalResult evaluate_petrarch(const std::filesystem::path& records_file,
                                     const dict::DictionarySet& dicts, const nlp::Pipeline& pipeline,
                                     const CoderOptions& base_options, Diagnostics& diags, bool trace = false,
                                     const std::filesystem::path& gold_parses = {});

// The words of a CoNLL-U parse as Sentences (forms, tags, lemmas, heads), with UD v1
// relations mapped to v2 (dobj -> obj, nsubjpass -> nsubj:pass, auxpass -> aux:pass,
// name -> flat, mwe -> fixed, neg -> advmod, a clause's nmod -> obl, CONJ -> CCONJ).
// Throws std::runtime_error on malformed CoNLL-U.
std::vector<Sentence> sentences_from_ud_v1(std::string_view conllu);

}  // namespace dyad::coder
