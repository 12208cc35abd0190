#include "dyad/coder/article_coder.h"

#include <algorithm>

#include "dyad/text/front_end.h"

namespace dyad::coder {

int32_t compact_date(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return 0;
  int32_t value = 0;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (iso[i] < '0' || iso[i] > '9') return 0;
    value = value * 10 + (iso[i] - '0');
  }
  return value;
}

ArticleCoding code_article(Article& article, const nlp::Pipeline& pipeline, const Coder& coder, bool trace) {
  ArticleCoding out;
  text::analyse(article);
  const int32_t date = compact_date(article.story_date);
  for (uint32_t s = 0; s < article.sentences.size(); ++s) {
    pipeline.annotate(article.sentences[s]);
    SentenceCoding coding = coder.code(article.sentences[s], date, s, trace);
    for (std::string& line : coding.trace) out.trace.push_back(std::move(line));
    out.discarded = std::max(out.discarded, coding.discarded);
    if (coding.discarded == Discarded::kStory) {
      out.events.clear();
      out.mentions.clear();
      out.unresolved.clear();
      break;
    }
    for (Event& e : coding.events) out.events.push_back(std::move(e));
    for (Event& e : coding.unresolved) out.unresolved.push_back(std::move(e));
    out.mentions.push_back(std::move(coding.mentions));
  }
  return out;
}

}  // namespace dyad::coder
