#pragma once

// One article through the whole pipeline: front end, tagger and parser, coder. This is
// what `dyad code` runs per article (and what bench/code_bench times).

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/coder/coder.h"
#include "dyad/core/article.h"
#include "dyad/core/event.h"
#include "dyad/nlp/pipeline.h"

namespace dyad::coder {

// "2019-01-04" -> 20190104; 0 when the date is empty or malformed.
int32_t compact_date(const std::string& iso);

struct ArticleCoding {
  std::vector<Event> events;  // in sentence order
  // The strongest discard any sentence met: kStory (a story-level discard phrase) leaves
  // the article without events; kSentence dropped that sentence's.
  Discarded discarded = Discarded::kNo;
  // The noun phrases of each sentence coded, with their codes (SentenceCoding::mentions;
  // what `--new-actors` lists, doc/new_actors.h); none after a story discard.
  std::vector<std::vector<Mention>> mentions;
  // Events left out for an uncoded side (SentenceCoding::unresolved), in sentence order:
  // the document stage may resolve that side from other sentences (doc/coreference.h).
  std::vector<Event> unresolved;
  std::vector<std::string> trace;  // the coder's trace of every sentence, when asked for
};

// Splits, tags, parses and codes `article` (its sentences are filled in), with the
// story date selecting date-bounded actor codes. Thread-safe for distinct articles.
ArticleCoding code_article(Article& article, const nlp::Pipeline& pipeline, const Coder& coder,
                           bool trace = false);

}  // namespace dyad::coder
