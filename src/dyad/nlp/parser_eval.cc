#include "dyad/nlp/parser_eval.h"

#include <stdexcept>
#include <string>
#include <string_view>

namespace dyad::nlp {
namespace {

std::string_view universal(std::string_view label) { return label.substr(0, label.find(':')); }

}  // namespace

ParseScores score_parse(const Sentence& gold, const Sentence& predicted) {
  if (gold.words.size() != predicted.words.size())
    throw std::invalid_argument("score_parse: gold has " + std::to_string(gold.words.size()) +
                                " words, prediction " + std::to_string(predicted.words.size()));
  ParseScores s;
  for (size_t i = 0; i < gold.words.size(); ++i) {
    const Word& g = gold.words[i];
    const Word& p = predicted.words[i];
    ++s.words;
    if (g.head != p.head) continue;
    ++s.heads;
    if (g.deprel == p.deprel) ++s.labeled;
    if (universal(g.deprel) == universal(p.deprel)) ++s.labeled_universal;
  }
  return s;
}

ParseScores score_parses(const std::vector<Sentence>& gold, const std::vector<Sentence>& predicted) {
  if (gold.size() != predicted.size())
    throw std::invalid_argument("score_parses: " + std::to_string(gold.size()) + " gold sentences, " +
                                std::to_string(predicted.size()) + " predicted");
  ParseScores total;
  for (size_t i = 0; i < gold.size(); ++i) total += score_parse(gold[i], predicted[i]);
  return total;
}

Sentence parser_sentence_from_conllu(const io::ConlluSentence& conllu) {
  Sentence s;
  s.words.reserve(conllu.words.size());
  for (const io::ConlluWord& cw : conllu.words) {
    Word w;
    w.form = cw.form;
    w.upos = cw.upos;
    w.xpos = cw.xpos;
    w.lemma = cw.lemma;
    w.deprel = cw.deprel;
    w.head = cw.head - 1;  // CoNLL-U 0 = root becomes -1
    if (cw.head < 0) w.head = -1;
    s.words.push_back(std::move(w));
  }
  for (const io::ConlluToken& ct : conllu.tokens()) {
    Token t;
    t.first_word = static_cast<uint32_t>(ct.first_word);
    t.word_count = static_cast<uint32_t>(ct.word_count);
    t.space_after = ct.space_after;
    for (int k = 0; k < ct.word_count; ++k)
      if (static_cast<size_t>(ct.first_word + k) < s.words.size())
        s.words[static_cast<size_t>(ct.first_word + k)].token = static_cast<uint32_t>(s.tokens.size());
    s.tokens.push_back(t);
  }
  s.starts_paragraph = conllu.newpar;
  return s;
}

std::vector<Sentence> parser_sentences_from_conllu(const std::vector<io::ConlluSentence>& conllu) {
  std::vector<Sentence> out;
  out.reserve(conllu.size());
  for (const auto& c : conllu) out.push_back(parser_sentence_from_conllu(c));
  return out;
}

}  // namespace dyad::nlp
