#pragma once

// The document stage (issue #7): what needs the whole article rather than one sentence.
// It runs after the coder (coder/article_coder.h) on an article's events, and before
// the writers: resolve_document runs every step in order:
//   1. actors across sentences (coreference.h: resolve_actors_across_sentences);
//   2. event dates (event_date.h, resolve_event_dates below);
//   3. event places (places.h: resolve_event_places);
//   4. the countries of domestic actors (domestic_actors.h: assign_domestic_countries).
// code_document runs the coder and then all of it, as `dyad code` does for each article.

#include <vector>

#include "dyad/coder/article_coder.h"
#include "dyad/coder/coder.h"
#include "dyad/core/article.h"
#include "dyad/core/event.h"
#include "dyad/doc/coreference.h"
#include "dyad/doc/places.h"
#include "dyad/nlp/pipeline.h"

namespace dyad::doc {

// Sets Event::date, date_precision and date_words of every event from the date
// expression in its clause, resolved against article.story_date (the story date, day
// precision, when there is none). `article` has been through code_article (its
// sentences tagged and parsed). Events whose sentence or verb index is out of range
// are left unresolved (date 0: writers use the story date).
void resolve_event_dates(const Article& article, std::vector<Event>& events);

// The whole document stage, as `dyad code` runs it, on coding.events of `article`
// (tagged and parsed by code_article, which gave `coding`). Reads `gazetteer` only.
void resolve_document(const Article& article, coder::ArticleCoding& coding, const Gazetteer& gazetteer);

// One article as `dyad code` codes it: code_article (front end, parser, coder), then
// resolve_document. The events in the result are
// the article's events as written out. Thread-safe for distinct articles.
coder::ArticleCoding code_document(Article& article, const nlp::Pipeline& pipeline, const coder::Coder& coder,
                                   const Gazetteer& gazetteer);

}  // namespace dyad::doc
