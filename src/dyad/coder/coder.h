#pragma once

// The event coder: who did what to whom, read off a parsed sentence with PETRARCH's
// dictionaries.
//
// For each verb the verb dictionary knows (in sentence order), the words before it (back
// to a clause comma: the "upper" sequence) and the words of its phrase after it (the
// "lower" sequence) are matched against its block's patterns; the most specific pattern
// that matches gives the code and may name the source ($), the target (+), a compound
// that is both (%) and phrases to skip (^); a '+' that falls inside a noun phrase, after
// words of it the pattern names ("* INVESTMENT IN +"), is the rest of that phrase.
// Otherwise the verb's own code applies. The target is the first coded noun phrase after
// the verb, the source the verb's subject (or the subject it shares through `conj` and
// `xcomp`), else the nearest coded noun phrase before it; a pronoun subject is the
// subject of the verb reporting its clause, or a phrase before the pronoun, or is left
// for the document stage to resolve. A passive with a by-agent swaps them. Verbs inside a coded verb's
// phrase are not coded again. Comma clauses are deleted first by their length
// (PETRARCH's comma_* options), and discard phrases drop the sentence or the story.
// Parses the coder can tell are wrong (a finite verb tagged as a participle, a past tense
// coordinated under a modal) are repaired on a copy first (tree_repair.h).

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/core/event.h"
#include "dyad/core/mention.h"
#include "dyad/core/sentence.h"
#include "dyad/dict/dictionary_set.h"

namespace dyad::coder {

// PETRARCH's options ([Options] of PETR_config.ini), with its defaults.
struct CoderOptions {
  bool require_dyad = true;  // drop events whose source or target is unknown ("---")
  int new_actor_length = 0;  // > 0: an uncoded noun phrase of at most this many words is coded "TEXT"
  // Comma clauses with min..max words are deleted (max 0: never). b: before the first
  // comma, e: after the last, plain: between two commas.
  int comma_min = 2, comma_max = 8;
  int comma_bmin = 0, comma_bmax = 0;
  int comma_emin = 2, comma_emax = 8;

  // Sets one option from its PETR_config.ini name and value; false when the name is
  // not an option the coder has or the value is not a number where one is needed.
  bool set(const std::string& name, const std::string& value);
  // Reads [Options] of a PETR_config.ini; unknown names are ignored (PETRARCH's I/O
  // options), bad values reported.
  void apply(const dict::PetrarchConfig& config, Diagnostics& diags);
};

enum class Discarded { kNo, kSentence, kStory };

struct SentenceCoding {
  Discarded discarded = Discarded::kNo;
  std::string discard_phrase;  // the discard entry that matched (file:line)
  std::vector<Mention> mentions;
  std::vector<Event> events;
  // With require_dyad: events left out because a side is an uncoded noun phrase ("he",
  // "Lavrov"), with that side "---"; the document stage may resolve it (doc/coreference.h).
  std::vector<Event> unresolved;
  // Issue codes the sentence mentions, in order of first mention; none when an ignore
  // phrase ("~...") of the issue dictionary is there, or when nothing was coded.
  std::vector<std::string> issues;
  std::vector<bool> kept;          // per word: false when a comma clause was deleted
  std::vector<std::string> trace;  // why each verb was or was not coded (when asked for)
};

class Coder {
 public:
  Coder(const dict::DictionarySet& dictionaries, CoderOptions options);

  // `yyyymmdd` selects date-bounded actor codes (0: unknown, default codes). The sentence
  // must be parsed (Word::upos, xpos, head, deprel). Thread-safe.
  SentenceCoding code(const Sentence& sentence, int32_t yyyymmdd, uint32_t sentence_index,
                      bool trace = false) const;

  const CoderOptions& options() const { return options_; }

 private:
  // code() on a sentence whose parse is taken as it is (code() repairs it first,
  // tree_repair.h).
  SentenceCoding code_tree(const Sentence& sentence, int32_t yyyymmdd, uint32_t sentence_index,
                           bool trace) const;

  const dict::DictionarySet& dicts_;
  CoderOptions options_;
};

}  // namespace dyad::coder
