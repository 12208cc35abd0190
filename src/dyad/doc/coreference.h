#pragma once

// Actors across sentences (issue #7): later short mentions of an actor get the code of
// the mention that introduced it, when the article leaves no doubt which one it is.
//
// - A surname alone ("Lavrov", "Captain Rochester") takes the code of the person an
//   earlier name in the article ending in that word introduced ("Russian Foreign Minister
//   Sergey Lavrov", RUSGOV), when every earlier name ending in it has that one code.
// - "he", "she", "him", "her" take the code of the one person named earlier in the
//   sentence or in the previous sentence (looking further back, up to three sentences,
//   only when there is none); two different people there, or an uncoded one, leave it
//   uncoded.
// - "they", "them": the one group, organisation or country (or plural noun phrase) in
//   the same window; an uncoded plural ("firefighters") counts, and so blocks.
// - Definite descriptions: "the minister", "the company", "the party" take the code of
//   the one coded mention within three sentences holding the same noun ("Foreign Minister
//   Sergey Lavrov", "the Libertarian Party"); failing that, "the company"/"the firm" the
//   one business, "the government" the government of the one country named there, and
//   "the minister"/"the president"/"the spokesman" the one coded person whose code has
//   the description's sector. "The two countries" ("both countries", "the two nations")
//   are the two countries named in the sentence and the two before it, when there are
//   exactly two.
// - Anything else ("it", possessives, names never introduced) stays as the coder left it.
//
// Chains follow: a resolved "he" is a mention of its person for the next sentence.

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/coder/article_coder.h"
#include "dyad/core/article.h"
#include "dyad/core/event.h"
#include "dyad/core/mention.h"

namespace dyad::doc {

// A mention given a code from another mention of the article.
struct ResolvedMention {
  uint32_t sentence = 0;
  uint32_t mention = 0;            // index into that sentence's mentions
  std::vector<std::string> codes;  // one, or two for "the two countries"
  const char* rule = "";           // "surname", "pronoun", "plural pronoun", "description", "two countries"
  uint32_t antecedent_sentence = 0;
  int32_t antecedent_mention = -1;  // the mention the code came from (-1 for "two countries")
};

// The mentions of an article (one list per sentence, coder::ArticleCoding::mentions, with
// their codes) that can be resolved, in text order. `article` has been through
// code_article (its sentences tagged and parsed).
std::vector<ResolvedMention> resolve_mentions(const Article& article,
                                              const std::vector<std::vector<Mention>>& mentions);

// Fills the sides of coding.events that name no actor ("---", or agents alone: "---GOV")
// from resolve_mentions, and adds the events of coding.unresolved whose unknown sides it
// resolves (in sentence order; events already there, and a side equal to the other, are
// not added twice). Everything else is left as it is.
void resolve_actors_across_sentences(const Article& article, coder::ArticleCoding& coding);

}  // namespace dyad::doc
