#include "dyad/doc/document.h"

#include "dyad/coder/article_coder.h"
#include "dyad/doc/domestic_actors.h"
#include "dyad/doc/event_date.h"

namespace dyad::doc {

void resolve_event_dates(const Article& article, std::vector<Event>& events) {
  const int32_t story_date = coder::compact_date(article.story_date);
  for (Event& event : events) {
    if (event.sentence_index >= article.sentences.size()) continue;
    const Sentence& sentence = article.sentences[event.sentence_index];
    if (event.verb >= sentence.words.size()) continue;
    EventDate date = resolve_event_date(sentence, event.verb, story_date);
    event.date = date.date;
    event.date_precision = date.precision;
    event.date_words = std::move(date.words);
  }
}

void resolve_document(const Article& article, coder::ArticleCoding& coding, const Gazetteer& gazetteer) {
  resolve_actors_across_sentences(article, coding);
  resolve_event_dates(article, coding.events);
  resolve_event_places(article, coding.events, gazetteer);
  assign_domestic_countries(coding.mentions, coding.events);
}

coder::ArticleCoding code_document(Article& article, const nlp::Pipeline& pipeline, const coder::Coder& coder,
                                   const Gazetteer& gazetteer) {
  coder::ArticleCoding coding = coder::code_article(article, pipeline, coder);
  resolve_document(article, coding, gazetteer);
  return coding;
}

}  // namespace dyad::doc
