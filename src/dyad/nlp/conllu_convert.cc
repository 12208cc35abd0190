#include "dyad/nlp/conllu_convert.h"

#include <stdexcept>

namespace dyad::nlp {
namespace {

std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

}  // namespace

io::ConlluSentence to_conllu(const Sentence& sentence, std::string_view article_text,
                             const std::string& sent_id) {
  io::ConlluSentence out;
  out.sent_id = sent_id;
  out.text = one_line(sentence.span.of(article_text));
  out.comments = {"sent_id = " + sent_id, "text = " + out.text};
  out.words.reserve(sentence.words.size());
  for (size_t i = 0; i < sentence.words.size(); ++i) {
    const Word& w = sentence.words[i];
    io::ConlluWord c;
    c.id = static_cast<int>(i) + 1;
    const Token& token = sentence.tokens[w.token];
    c.form = token.is_multiword() || w.span.empty() ? w.form : one_line(w.span.of(article_text));
    c.lemma = w.lemma;
    c.upos = w.upos;
    c.xpos = w.xpos;
    c.head = w.head + 1;  // -1 (root) becomes 0
    c.deprel = w.deprel;
    const bool last_of_token = i + 1 == token.first_word + token.word_count;
    if (!token.is_multiword() && last_of_token && !token.space_after) c.misc = "SpaceAfter=No";
    out.words.push_back(std::move(c));
  }
  for (const Token& token : sentence.tokens) {
    if (!token.is_multiword()) continue;
    io::ConlluMultiword mw;
    mw.first = static_cast<int>(token.first_word) + 1;
    mw.last = static_cast<int>(token.first_word + token.word_count);
    mw.form = one_line(token.span.of(article_text));
    if (!token.space_after) mw.misc = "SpaceAfter=No";
    out.multiwords.push_back(std::move(mw));
  }
  return out;
}

void copy_annotation(const Sentence& annotated, io::ConlluSentence& conllu) {
  if (annotated.words.size() != conllu.words.size())
    throw std::invalid_argument("copy_annotation: " + std::to_string(annotated.words.size()) + " words for " +
                                std::to_string(conllu.words.size()) + " CoNLL-U words");
  for (size_t i = 0; i < conllu.words.size(); ++i) {
    const Word& w = annotated.words[i];
    io::ConlluWord& c = conllu.words[i];
    c.lemma = w.lemma;
    c.upos = w.upos;
    c.xpos = w.xpos;
    c.head = w.head + 1;
    c.deprel = w.deprel;
  }
}

Sentence words_of(const io::ConlluSentence& conllu) {
  Sentence s;
  s.words.reserve(conllu.words.size());
  for (const io::ConlluToken& t : conllu.tokens()) {
    Token token;
    token.first_word = static_cast<uint32_t>(t.first_word);
    token.word_count = static_cast<uint32_t>(t.word_count);
    token.space_after = t.space_after;
    for (int k = 0; k < t.word_count; ++k) {
      Word w;
      w.form = conllu.words[static_cast<size_t>(t.first_word + k)].form;
      w.token = static_cast<uint32_t>(s.tokens.size());
      s.words.push_back(std::move(w));
    }
    s.tokens.push_back(token);
  }
  return s;
}

}  // namespace dyad::nlp
