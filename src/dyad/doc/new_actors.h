#pragma once

// Unknown named persons and groups (issue #7), written out by `dyad code --new-actors
// FILE` as the dictionary editor's worklist, as PETRARCH's null-actor mode did.
//
// What is collected. Each conjunct of a noun phrase (core/mention.h) whose code has no
// actor ("---", or agents alone: "---GOV", "---REB") and holds a proper noun (UPOS
// PROPN). The phrase is its words from the first proper noun to the last, as normalised
// word forms joined by spaces: "the Zetan Liberation Front" gives "Zetan Liberation
// Front", "rebel commander Ivo Tarn" (---REB) gives "Ivo Tarn"; names of days and months
// ("Tuesday", "Sept."), which the tagger calls proper nouns, are left out. Phrases are counted
// exactly as written (case kept); the first sentence and article a phrase was seen in
// are its example. Near copies of earlier articles (Article::duplicate_of) add nothing.
//
// Memory grows with the number of distinct unknown names, not with the input.
//
// Output: TSV with a header line `phrase count example article_id`, by count (highest
// first), then phrase; tabs and line breaks in the example become spaces.

#include <cstdint>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "dyad/core/article.h"
#include "dyad/core/mention.h"

namespace dyad::doc {

struct NewActor {
  std::string phrase;
  uint64_t count = 0;
  std::string example;  // the first sentence it was seen in, as written
  std::string article_id;
};

// The unknown names of one coded mention: one phrase per uncoded conjunct with a proper
// noun (see above); none when every conjunct is coded.
std::vector<std::string> new_actor_phrases(const Sentence& sentence, const Mention& mention);

class NewActorCollector {
 public:
  // An article after coding, with its mentions per sentence (coder::ArticleCoding).
  void add(const Article& article, const std::vector<std::vector<Mention>>& mentions);
  // By count, highest first, then phrase.
  std::vector<NewActor> sorted() const;
  void write_tsv(std::ostream& out) const;
  size_t size() const { return by_phrase_.size(); }

 private:
  std::unordered_map<std::string, NewActor> by_phrase_;
};

}  // namespace dyad::doc
