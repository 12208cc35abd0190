#pragma once

#include <string>
#include <string_view>

#include "dyad/core/sentence.h"
#include "dyad/io/conllu.h"

namespace dyad::nlp {

// A Sentence found in running text as CoNLL-U: FORM is the text as written (the word
// form for a multiword token's parts), tags, lemma, head and relation from the Word,
// SpaceAfter=No where the text has no space, and "# sent_id" / "# text" comments.
io::ConlluSentence to_conllu(const Sentence& sentence, std::string_view article_text,
                             const std::string& sent_id);

// Copies the annotation of `annotated` (words in the same order) into the tag, lemma,
// head and relation columns of `conllu`; FORM, FEATS, DEPS and MISC stay as they were.
void copy_annotation(const Sentence& annotated, io::ConlluSentence& conllu);

// The words of a CoNLL-U sentence, forms only, ready to be annotated (gold tokenisation).
Sentence words_of(const io::ConlluSentence& conllu);

}  // namespace dyad::nlp
