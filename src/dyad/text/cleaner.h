#pragma once

#include <string_view>
#include <vector>

#include "dyad/core/span.h"

namespace dyad::text {

// Finds the body of a scraped news article: drops datelines and agency prefixes
// ("WASHINGTON (Reuters) -"), date lines ("Friday, January 4, 2019"), photo
// captions and credits, bylines, interview markers and trailing boilerplate
// ("Related news", "Share this article"). Returns the kept parts of `text` as
// spans, one or more per paragraph, in order; nothing is copied, so offsets stay
// those of the original text. Paragraph breaks are kept as span boundaries.
std::vector<Span> clean(std::string_view text);

}  // namespace dyad::text
