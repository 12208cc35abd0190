#pragma once

#include "dyad/core/article.h"

namespace dyad::text {

// The text front end in one call: finds the article body (cleaner.h), then
// splits it into sentences, tokens and words (segmenter.h). Fills Article::body
// and Article::sentences; the text itself is never changed.
void analyse(Article& article);

}  // namespace dyad::text
