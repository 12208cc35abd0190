#pragma once

// Noun phrases on a dependency tree, coded with the actor and agent dictionaries.
//
// A mention is built around a nominal head (NOUN, PROPN, PRON, NUM) that is not itself a
// modifier inside another noun phrase; it takes the head's determiners, adjectives,
// compounds, flat names, numbers, possessors, appositions and `nmod` phrases ("soldiers
// from Gondor"), as PETRARCH's noun phrases do. Nominal `conj` dependents make a compound
// mention with one code per conjunct; modifiers before the first conjunct ("Danish media
// and government") and an `nmod` after the last ("lawmakers and officials in Fornost and
// Gondor") are shared by every conjunct. Coordinated proper adjectives make conjuncts too
// ("Russian and Syrian warplanes": Russian warplanes, Syrian warplanes).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "dyad/core/mention.h"
#include "dyad/core/sentence.h"
#include "dyad/dict/actors.h"
#include "dyad/dict/agents.h"

namespace dyad::coder {

// Codes a word sequence as PETRARCH does: the first actor phrase found scanning from the
// left (the longest one starting there), its code for the date, then every agent phrase
// elsewhere in the words, added after ("~GOV") or before ("NGO~") the code, in order. An
// agent whose code the code already holds (at a multiple of three characters) ends the
// agents. No actor: "---" plus the agents ("---GOV"); nothing at all: "---".
class ActorResolver {
 public:
  ActorResolver(const dict::ActorDictionary& actors, const dict::AgentDictionary& agents)
      : actors_(actors), agents_(agents) {}

  // `words` uppercase; `matched` (optional) receives the entries used, as file:line.
  std::string code(std::span<const std::string> words, int32_t yyyymmdd,
                   std::vector<std::string>* matched = nullptr) const;

 private:
  const dict::ActorDictionary& actors_;
  const dict::AgentDictionary& agents_;
};

// The uppercase forms PETRARCH's dictionaries are written in, one per word.
std::vector<std::string> upper_forms(const Sentence& sentence);

// The mentions of a parsed sentence, in order of their first word. `keep[w]` false leaves
// word w out (deleted comma clauses); a mention whose head is left out is dropped.
// Codes are left empty: see code_mentions.
std::vector<Mention> find_mentions(const Sentence& sentence, const std::vector<bool>& keep);

// Fills Mention::codes and Mention::matched.
void code_mentions(const Sentence& sentence, std::span<const std::string> forms,
                   const ActorResolver& resolver, int32_t yyyymmdd, std::vector<Mention>& mentions);

}  // namespace dyad::coder
