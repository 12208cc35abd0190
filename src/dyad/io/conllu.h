#pragma once

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::io {

// One syntactic word line of a CoNLL-U file (integer ID). All ten columns are kept
// verbatim ("_" stays "_"); `head` is parsed from HEAD (-1 when it is "_").
struct ConlluWord {
  int id = 0;
  std::string form, lemma, upos, xpos, feats;
  int head = -1;
  std::string deprel, deps, misc;
};

// A multiword token line "first-last" (e.g. "3-4 don't"): it covers words first..last.
struct ConlluMultiword {
  int first = 0, last = 0;
  std::string form;
  std::string misc;
};

// A surface token: either a plain word or a multiword range.
struct ConlluToken {
  std::string form;
  int first_word = 0;  // index into ConlluSentence::words (0-based)
  int word_count = 1;
  bool space_after = true;
};

struct ConlluSentence {
  std::vector<std::string> comments;  // every "#" line, without the leading "# "
  std::string sent_id;                // from "# sent_id = ..."
  std::string text;                   // from "# text = ..."
  bool newdoc = false;                // "# newdoc" seen before this sentence
  bool newpar = false;                // "# newpar" seen before this sentence
  std::vector<ConlluWord> words;      // empty nodes (ID "1.1") are skipped
  std::vector<ConlluMultiword> multiwords;

  // The surface tokens in order: multiword ranges and the words outside them.
  std::vector<ConlluToken> tokens() const;
};

// True unless MISC contains SpaceAfter=No.
bool space_after(std::string_view misc);

// Writes one sentence in CoNLL-U: its comments ("# " + each), multiword ranges before
// their words, ten tab-separated columns (empty columns as "_", HEAD as stored: 1-based,
// 0 for the root, "_" when it is -1), and the blank line that ends it.
void write_conllu(std::ostream& out, const ConlluSentence& sentence);

// Parses CoNLL-U text. Malformed lines throw std::runtime_error naming the line.
std::vector<ConlluSentence> parse_conllu(std::string_view data);
std::vector<ConlluSentence> read_conllu(std::istream& in);
std::vector<ConlluSentence> read_conllu_file(const std::string& path);

}  // namespace dyad::io
