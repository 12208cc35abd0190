#pragma once

// The document stage (issue #7): what needs the whole article rather than one sentence.
// It runs after the coder (coder/article_coder.h) on an article's events, and before
// the writers. So far: event dates (event_date.h), actors across sentences
// (coreference.h: resolve_actors_across_sentences, run before the dates) and event
// places (places.h: resolve_event_places, run after them).

#include <vector>

#include "dyad/core/article.h"
#include "dyad/core/event.h"
#include "dyad/doc/coreference.h"

namespace dyad::doc {

// Sets Event::date, date_precision and date_words of every event from the date
// expression in its clause, resolved against article.story_date (the story date, day
// precision, when there is none). `article` has been through code_article (its
// sentences tagged and parsed). Events whose sentence or verb index is out of range
// are left unresolved (date 0: writers use the story date).
void resolve_event_dates(const Article& article, std::vector<Event>& events);

}  // namespace dyad::doc
