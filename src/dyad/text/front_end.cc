#include "dyad/text/front_end.h"

#include "dyad/text/cleaner.h"
#include "dyad/text/segmenter.h"

namespace dyad::text {

void analyse(Article& article) {
  article.body = clean(article.text);
  article.sentences = segment(article.text, article.body);
}

}  // namespace dyad::text
