#include "dyad/nlp/pipeline_eval.h"

#include <chrono>

#include "dyad/nlp/conllu_convert.h"

namespace dyad::nlp {

PipelineScores evaluate_pipeline(const Pipeline& pipeline, const std::vector<io::ConlluSentence>& gold) {
  PipelineScores scores;
  for (const io::ConlluSentence& g : gold) {
    Sentence s = words_of(g);
    const auto start = std::chrono::steady_clock::now();
    pipeline.annotate(s);
    scores.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ++scores.sentences;
    for (size_t i = 0; i < g.words.size(); ++i) {
      const io::ConlluWord& want = g.words[i];
      const Word& got = s.words[i];
      ++scores.words;
      scores.upos += got.upos == want.upos;
      scores.xpos += got.xpos == want.xpos;
      scores.lemma += got.lemma == want.lemma;
      const bool head = got.head + 1 == want.head;
      scores.heads += head;
      scores.labeled += head && got.deprel == want.deprel;
    }
  }
  return scores;
}

}  // namespace dyad::nlp
