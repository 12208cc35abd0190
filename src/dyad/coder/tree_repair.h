#pragma once

// Repairs of three parses the coder can tell are wrong, made on a copy of the sentence
// before it is coded (the article's own parse is left as it is). Each one gives a verb
// the tagger or parser took for something else its clause back, so that its subject and
// object are found:
//
// - A finite verb tagged as a participle and read as an adjective of its object, the
//   noun then heading the clause with the subject but no copula: "The United States on
//   Wednesday imposed/VBN sanctions on ..." parsed as "[imposed sanctions]" with
//   "States" as its nsubj. The verb heads the clause again, the noun is its object.
// - A finite verb tagged as a participle and read as a reduced relative clause of the
//   sentence's only noun phrase: "The Syrian Civil Defence, a rescue group ..., blamed/VBN
//   Russian warplanes" with "Defence" as the root and "blamed" its acl. A participle
//   with a direct object and no subject of its own under a root noun with no copula is
//   the predicate, and the noun its subject.
// - A past-tense verb with no subject of its own coordinated with a verb that has a
//   modal ("warned that Israel would not be bound by any deal and threatened to act"):
//   the modal cannot be shared by a past tense, so the coordination is with the nearest
//   verb above that is itself finite ("warned").
//
// Only verbs `is_event_verb` accepts (the verb dictionary's) are repaired.

#include <functional>
#include <string>
#include <vector>

#include "dyad/core/sentence.h"

namespace dyad::coder {

// Repairs `sentence` in place; returns a line per repair made ("participle read as an
// adjective: imposed ..."), none when the parse was left as it is.
std::vector<std::string> repair_predicates(Sentence& sentence,
                                           const std::function<bool(const Word&)>& is_event_verb);

// Whether repair_predicates would change anything (the cheap test before copying).
bool needs_predicate_repair(const Sentence& sentence, const std::function<bool(const Word&)>& is_event_verb);

}  // namespace dyad::coder
