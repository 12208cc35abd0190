#include "dyad/doc/new_actors.h"

#include <algorithm>

namespace dyad::doc {
namespace {

std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

// Day and month names, which the tagger calls proper nouns but no actor dictionary wants.
bool calendar_word(std::string word) {
  for (char& c : word)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (!word.empty() && word.back() == '.') word.pop_back();
  static const char* const kWords[] = {
      "monday",   "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march",    "april",     "may",      "june",   "july",     "august", "september",
      "october",  "november", "december",  "jan",      "feb",    "mar",      "apr",    "jun",
      "jul",      "aug",      "sep",       "sept",     "oct",    "nov",      "dec"};
  for (const char* w : kWords)
    if (word == w) return true;
  return false;
}

}  // namespace

std::vector<std::string> new_actor_phrases(const Sentence& sentence, const Mention& mention) {
  std::vector<std::string> phrases;
  for (size_t c = 0; c < mention.codes.size(); ++c) {
    if (mention.codes[c].find("---") == std::string::npos) continue;  // an actor was found
    const std::vector<uint32_t>& words =
        c < mention.conjuncts.size() && !mention.conjuncts[c].empty() ? mention.conjuncts[c] : mention.words;
    size_t first = words.size(), last = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i] >= sentence.words.size() || sentence.words[words[i]].upos != "PROPN") continue;
      first = std::min(first, i);
      last = i;
    }
    if (first == words.size()) continue;  // no proper noun
    std::string phrase;
    bool calendar = true;
    for (size_t i = first; i <= last; ++i) {
      if (words[i] >= sentence.words.size()) continue;
      if (!phrase.empty()) phrase += ' ';
      phrase += sentence.words[words[i]].form;
      if (sentence.words[words[i]].upos == "PROPN")
        calendar = calendar && calendar_word(sentence.words[words[i]].form);
    }
    if (!calendar) phrases.push_back(std::move(phrase));  // "Tuesday", "Sept." are no actors
  }
  return phrases;
}

void NewActorCollector::add(const Article& article, const std::vector<std::vector<Mention>>& mentions) {
  if (!article.duplicate_of.empty()) return;  // a near copy: counted once, with its original
  for (size_t s = 0; s < mentions.size() && s < article.sentences.size(); ++s) {
    const Sentence& sentence = article.sentences[s];
    for (const Mention& mention : mentions[s])
      for (std::string& phrase : new_actor_phrases(sentence, mention)) {
        auto [it, created] = by_phrase_.try_emplace(phrase);
        NewActor& actor = it->second;
        if (created) {
          actor.phrase = std::move(phrase);
          if (sentence.span.begin <= sentence.span.end && sentence.span.end <= article.text.size())
            actor.example = one_line(sentence.span.of(article.text));
          actor.article_id = article.id;
        }
        ++actor.count;
      }
  }
}

std::vector<NewActor> NewActorCollector::sorted() const {
  std::vector<NewActor> out;
  out.reserve(by_phrase_.size());
  for (const auto& [phrase, actor] : by_phrase_) out.push_back(actor);
  std::sort(out.begin(), out.end(), [](const NewActor& a, const NewActor& b) {
    return a.count != b.count ? a.count > b.count : a.phrase < b.phrase;
  });
  return out;
}

void NewActorCollector::write_tsv(std::ostream& out) const {
  out << "phrase\tcount\texample\tarticle_id\n";
  for (const NewActor& a : sorted())
    out << one_line(a.phrase) << '\t' << a.count << '\t' << a.example << '\t' << one_line(a.article_id)
        << '\n';
}

}  // namespace dyad::doc
