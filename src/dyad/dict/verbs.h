#pragma once

// Reader of PETRARCH (and TABARI-style) verb dictionaries, e.g. CAMEO.2.0.txt.
//
// The format, as read here:
//   &NAME            starts a synset; the following `+WORD WORD` lines are its members
//                    (words joined by blanks or `_`). A trailing `_` on the label turns
//                    off plural generation for all members, on a member for that member.
//                    A member may itself be `&OTHER` (the validation suite uses this).
//   --- NAME [code] ---
//                    starts a verb block; the code (default "---") applies to every verb
//                    of the block that has no code of its own.
//   VERB {FORMS} [code]
//                    a verb of the current block; `{...}` lists irregular forms and then
//                    replaces regular form generation (blanks or commas separate the
//                    forms). Multi-word verbs mark the verb
//                    word with `+`: `+BREAK_DOWN {+BROKE_DOWN}`, `KLM_NOP_+RST [002]`.
//   - PATTERN [code] # comment
//                    a pattern of the current block: `*` the verb, `$` source, `+` target,
//                    `%` compound actor (source and target), `^` skip a phrase, `(...)` a
//                    prepositional phrase, `{...}` a noun phrase, `&NAME` a synset;
//                    `_` joins two elements that must be adjacent. Codes are `[code]` or
//                    `[code:code]`.
//   ~ LHS = RHS      a transformation rule, kept as tokens.
// Comments: `#`, `//` and `;` to end of line, `<!-- ... -->` (may span lines).
// A verb line that follows patterns or a synset (no `---` header in between) starts a
// new block named after the verb (the TABARI layout).
//
// Problems go to Diagnostics as file:line and reading continues: unbalanced brackets,
// unknown synsets, bad codes and patterns without exactly one `*` are errors (the entry is
// left out, except unknown synsets: the pattern is kept, it just cannot match); duplicate
// verbs, synsets and patterns are warnings (exact duplicate patterns are dropped), and so
// is a multi-word verb without '+' (its first word is taken as the verb). Codes are kept as
// written, whether or not CAMEO defines them (`025?`, `+++`); only blanks and brackets make a
// code bad.

#include <cstddef>
#include <filesystem>
#include <istream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/core/diagnostics.h"
#include "dyad/core/source_location.h"

namespace dyad::dict {

// An event code as written: `[042]` or `[042:043]` (TABARI's paired code: `paired` is
// the part after ':'; `[:194]` gives an empty `code`). "---" is the null code (no event).
struct EventCode {
  std::string code;
  std::string paired;  // empty unless written as [a:b]

  bool operator==(const EventCode&) const = default;
};

enum class PatternTokenKind {
  kWord,       // a literal word (uppercase)
  kSynset,     // &NAME; text holds NAME without '&' and without a trailing '_'
  kVerb,       // '*' (or TABARI's '**')
  kSource,     // '$'
  kTarget,     // '+'
  kCompound,   // '%': an actor that is both source and target
  kSkip,       // '^'
  kPrepOpen,   // '('
  kPrepClose,  // ')'
  kNounOpen,   // '{'
  kNounClose,  // '}'
};

struct PatternToken {
  PatternTokenKind kind = PatternTokenKind::kWord;
  std::string text;     // the word, the synset name, or the marker as written
  bool joined = false;  // written with '_' before it: must follow the previous token directly

  bool operator==(const PatternToken&) const = default;
};

struct VerbPattern {
  std::vector<PatternToken> before;  // tokens before the verb, in text order
  std::vector<PatternToken> after;   // tokens after the verb
  bool verb_joined_before = false;   // `IN_*`
  bool verb_joined_after = false;    // `*_OUT`
  EventCode code;
  std::string text;     // the pattern as written, without '-', code and comment
  std::string comment;  // text after '#', trimmed
  size_t block = 0;     // index into VerbDictionary::blocks()
  std::string plover;   // PLOVER event type (native dictionaries), "" when none
  SourceLocation where;
};

struct Verb {
  std::string lemma;                      // the verb word: SAY; for +BREAK_DOWN, BREAK
  std::vector<std::string> words_before;  // multi-word verbs: KLM NOP in KLM_NOP_+RST
  std::vector<std::string> words_after;   // multi-word verbs: DOWN in +BREAK_DOWN
  std::vector<std::string> forms;         // other forms of the verb word (no lemma)
  // Multi-word verbs with {...}: each form as a whole phrase, '+' dropped ("BROKE DOWN",
  // "WIRE TAPPED": CAMEO's +WIRE_TAP marks WIRE but inflects TAP).
  std::vector<std::string> phrase_forms;
  bool irregular = false;  // forms came from {...}
  EventCode code;          // its own code; empty code: the block's
  size_t block = 0;
  SourceLocation where;
};

struct VerbBlock {
  std::string name;
  EventCode code;  // "---" when the header has none
  std::vector<size_t> verbs;
  std::vector<size_t> patterns;
  std::string plover;  // PLOVER event type (native dictionaries), "" when none
  SourceLocation where;
};

struct SynsetMember {
  std::vector<std::string> words;  // empty when `synset` is set
  std::string synset;              // a nested `+&NAME` member
  std::string plural;              // generated plural of the last word, "" when none

  bool operator==(const SynsetMember&) const = default;
};

struct Synset {
  std::string name;  // without '&' and trailing '_'
  bool plurals = true;
  std::vector<SynsetMember> members;
  SourceLocation where;
};

struct Transformation {
  std::vector<std::string> lhs;  // `a (a b ATTACK) SAY` as tokens; parentheses are tokens
  std::vector<std::string> rhs;  // `a b 015`
  SourceLocation where;
};

class VerbDictionary {
 public:
  const std::vector<VerbBlock>& blocks() const { return blocks_; }
  const std::vector<Verb>& verbs() const { return verbs_; }
  const std::vector<VerbPattern>& patterns() const { return patterns_; }
  const std::vector<Synset>& synsets() const { return synsets_; }
  const std::vector<Transformation>& transformations() const { return transformations_; }

  // By name, with or without '&' and a trailing '_'. Null when absent.
  const Synset* synset(std::string_view name) const;
  // Every entry whose verb word is `lemma` (a lemma can be in several blocks).
  std::vector<const Verb*> verbs_for(std::string_view lemma) const;
  // Entries whose verb word has `form` as lemma or as one of its forms.
  std::vector<const Verb*> verbs_for_form(std::string_view form) const;
  // The patterns of every block `lemma` is in.
  std::vector<const VerbPattern*> patterns_for(std::string_view lemma) const;
  // The verb's own code, else its block's.
  const EventCode& code_of(const Verb& verb) const;

  // Building a dictionary entry by entry (the native reader, tools). Entries are appended
  // and indexed as the PETRARCH reader indexes them; nothing is checked here.
  // add_block ignores `verbs` and `patterns` (add_verb and add_pattern fill them);
  // add_verb and add_pattern need `block` to be an existing block's index.
  size_t add_block(VerbBlock block);
  size_t add_verb(Verb verb);
  size_t add_pattern(VerbPattern pattern);
  // False (and nothing added) when a synset of that name exists already.
  bool add_synset(Synset synset);
  void add_transformation(Transformation transformation);

 private:
  friend class VerbReader;
  std::vector<VerbBlock> blocks_;
  std::vector<Verb> verbs_;
  std::vector<VerbPattern> patterns_;
  std::vector<Synset> synsets_;
  std::vector<Transformation> transformations_;
  std::unordered_map<std::string, size_t> synset_index_;
  std::unordered_map<std::string, std::vector<size_t>> verbs_by_lemma_;
  std::unordered_map<std::string, std::vector<size_t>> verbs_by_form_;
};

// Reads a verb dictionary; `file` names it in messages.
VerbDictionary read_verb_dictionary(std::istream& in, const std::string& file, Diagnostics& diags);
// Reads a file; an unreadable file is an error (and gives an empty dictionary).
VerbDictionary load_verb_dictionary(const std::filesystem::path& path, Diagnostics& diags);

// The regular forms of an (uppercase) verb. PETRARCH adds S, and D + E-dropping ING
// after a final E, else ED and ING. Dyad gives the forms with the spellings PETRARCH gets
// wrong fixed: ES after S, X, Z, CH, SH (PUSHES); IES/IED after consonant + Y (STUDIES,
// STUDIED); IE -> YING (DIE, DYING); EE/OE/YE keep the E before ING (AGREEING); then
// PETRARCH's own spellings where they differ (PUSHS, STUDYS, STUDYED, AGREING, DIING), so
// every form PETRARCH matches is matched. No consonant doubling: it depends on stress
// (VISITED but REGRETTED), so dictionaries list such verbs' forms in {...}, as CAMEO does
// (SCRAP {SCRAPPING SCRAPS SCRAPPED}).
// Returns {third person, past, present participle, PETRARCH's differing forms...}.
std::vector<std::string> regular_verb_forms(std::string_view verb);

// One side of a `~ LHS = RHS` transformation as tokens: blank-separated words, and each
// parenthesis a token of its own ("a (a b ATTACK) SAY" -> a ( a b ATTACK ) SAY).
std::vector<std::string> transformation_tokens(std::string_view side);

// The plural generated for a synset member's last word: IES after consonant + Y, ES
// after S, X, Z, CH, SH, else S. (PETRARCH: IES after any Y, ES after S, else S.)
std::string synset_plural(std::string_view word);

}  // namespace dyad::dict
