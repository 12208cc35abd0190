#include "dyad/coder/mentions.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>

#include "dyad/dict/dict_text.h"

namespace dyad::coder {
namespace {

bool is_nominal(const Word& w) {
  return w.upos == "NOUN" || w.upos == "PROPN" || w.upos == "PRON" || w.upos == "NUM";
}

// Relations that keep a dependent inside its head's noun phrase.
bool inside_noun_phrase(std::string_view rel) {
  const std::string_view base = rel.substr(0, rel.find(':'));
  return base == "det" || base == "amod" || base == "compound" || base == "flat" || base == "nummod" ||
         base == "nmod" || base == "case" || base == "conj" || base == "cc" || base == "fixed" ||
         base == "goeswith" || base == "punct";
}

// A day, month or other time noun ("on Wednesday", "in March", "last year"): a time
// phrase hanging from a noun is a misattached adverbial, not part of the actor's name.
bool is_time_word(const Word& w) {
  static const std::array<std::string_view, 30> kTimeWords = {
      "monday",   "tuesday",  "wednesday", "thursday", "friday",    "saturday", "sunday", "january",
      "february", "march",    "april",     "may",      "june",      "july",     "august", "september",
      "october",  "november", "december",  "today",    "yesterday", "tomorrow", "week",   "weekend",
      "month",    "year",     "day",       "morning",  "evening",   "night"};
  if (w.upos == "NUM")
    return w.form.size() == 4 &&
           std::all_of(w.form.begin(), w.form.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (w.upos != "NOUN" && w.upos != "PROPN") return false;
  std::string lower = w.lemma.empty() ? w.form : w.lemma;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(kTimeWords.begin(), kTimeWords.end(), lower) != kTimeWords.end();
}

bool is_possessive_marker(const Word& w) { return w.deprel == "case" && (w.form == "'s" || w.form == "'"); }

struct Tree {
  explicit Tree(const Sentence& s) : children(s.words.size()) {
    for (size_t i = 0; i < s.words.size(); ++i) {
      const int h = s.words[i].head;
      if (h >= 0 && static_cast<size_t>(h) < s.words.size()) children[static_cast<size_t>(h)].push_back(i);
    }
  }
  std::vector<std::vector<uint32_t>> children;
};

}  // namespace

std::string ActorResolver::code(std::span<const std::string> text, int32_t yyyymmdd,
                                std::vector<std::string>* matched) const {
  // "Dol_Amroth" in a text is the dictionaries' DOL_AMROTH: two words.
  std::vector<std::string> split;
  for (const std::string& w : text) {
    size_t start = 0;
    for (size_t us = w.find('_'); us != std::string::npos; us = w.find('_', start)) {
      if (us > start) split.push_back(w.substr(start, us - start));
      start = us + 1;
    }
    if (start < w.size()) split.push_back(w.substr(start));
  }
  const std::span<const std::string> words(split);
  size_t actor_start = words.size(), actor_length = 0;
  const dict::Actor* actor = nullptr;
  for (size_t i = 0; i < words.size(); ++i)
    if (auto m = actors_.longest_match(words, i)) {
      actor = m.actor;
      actor_start = i;
      actor_length = m.length;
      break;
    }
  std::string code = "---";
  if (actor) {
    if (const std::string* c = actor->code_for(yyyymmdd)) code = *c;
    if (matched) matched->push_back(actor->where.str());
  }
  for (size_t i = 0; i < words.size();) {
    if (i == actor_start) {
      i += actor_length;
      continue;
    }
    auto m = agents_.longest_match(words, i);
    if (!m || (i < actor_start && i + m.length > actor_start)) {
      ++i;
      continue;
    }
    const std::string& agent = m.agent->code;
    bool repeated = false;
    for (size_t at = 0; at + agent.size() <= code.size(); at += 3)
      if (code.compare(at, agent.size(), agent) == 0) repeated = true;
    if (repeated) break;
    code = m.agent->placement == dict::Agent::Placement::kAfterActor ? code + agent : agent + code;
    if (matched) matched->push_back(m.agent->where.str());
    i += m.length;
  }
  return code;
}

std::vector<std::string> upper_forms(const Sentence& sentence) {
  std::vector<std::string> forms;
  forms.reserve(sentence.words.size());
  for (const Word& w : sentence.words) forms.push_back(dict::upper(w.form));
  return forms;
}

std::vector<Mention> find_mentions(const Sentence& sentence, const std::vector<bool>& keep) {
  const auto& words = sentence.words;
  const Tree tree(sentence);
  const auto kept = [&](uint32_t w) { return w < keep.size() ? keep[w] : true; };
  // Whether `c` stays in its head's phrase. A prepositional `nmod` does when it is one
  // level deep ("soldiers from Gondor"); one with a phrase of its own under it ("the
  // Gondor of the Prince of Dol Amroth") starts a mention of its own, as PETRARCH
  // flattens a single level of prepositional phrases.
  const auto prepositional = [&](uint32_t c) {
    return words[c].deprel.starts_with("nmod") && words[c].deprel != "nmod:poss";
  };
  const auto joins = [&](uint32_t c) {
    const std::string& rel = words[c].deprel;
    if (!inside_noun_phrase(rel)) return false;
    if (!prepositional(c)) return true;
    if (is_time_word(words[c])) return false;  // "the Ministry of Magic on Wednesday"
    for (uint32_t g : tree.children[c])
      if (prepositional(g) && !is_time_word(words[g])) return false;
    return true;
  };

  // The words of the phrase headed by `w`, leaving out the subtrees of `skip`.
  std::function<void(uint32_t, std::vector<uint32_t>&, const std::vector<uint32_t>&)> collect =
      [&](uint32_t w, std::vector<uint32_t>& out, const std::vector<uint32_t>& skip) {
        if (!kept(w) || std::find(skip.begin(), skip.end(), w) != skip.end()) return;
        out.push_back(w);
        for (uint32_t c : tree.children[w])
          if (joins(c)) collect(c, out, skip);
      };
  const auto code_words = [&](std::vector<uint32_t> ws) {
    std::sort(ws.begin(), ws.end());
    std::erase_if(ws, [&](uint32_t w) { return words[w].upos == "PUNCT" || is_possessive_marker(words[w]); });
    return ws;
  };

  // The readings of the phrase headed by `w`: one per combination of conjuncts, each
  // conjunct sharing the modifiers written once for all of them (see the header).
  constexpr size_t kMaxReadings = 32;
  using Readings = std::vector<std::vector<uint32_t>>;
  const auto cross = [&](const Readings& a, const Readings& b) {
    Readings out;
    for (const auto& x : a)
      for (const auto& y : b) {
        if (out.size() >= kMaxReadings) return out;
        auto z = x;
        z.insert(z.end(), y.begin(), y.end());
        out.push_back(std::move(z));
      }
    return out;
  };
  // A conjunct is introduced by a coordinator or a comma ("Russia and the US", "Iran,
  // Iraq"); a "conj" with neither is a misparse of one phrase ("West German world
  // government activists" with "world" as a conjunct of "West") and stays in it.
  // Coordinated proper adjectives of a noun are conjuncts too: "Russian and Syrian
  // warplanes" are Russian warplanes and Syrian warplanes ("economic and military aid",
  // lower case, stays one phrase).
  const auto proper_adjective = [&](uint32_t w) {
    return words[w].upos == "ADJ" && !words[w].form.empty() &&
           std::isupper(static_cast<unsigned char>(words[w].form[0]));
  };
  const auto is_conjunct = [&](uint32_t c) {
    if (words[c].deprel != "conj") return false;
    const int head = words[c].head;
    const bool adjectives = proper_adjective(c) && head >= 0 &&
                            proper_adjective(static_cast<uint32_t>(head)) &&
                            words[static_cast<size_t>(head)].deprel == "amod";
    if (!is_nominal(words[c]) && !adjectives) return false;
    for (uint32_t d : tree.children[c])
      if (d < c && (words[d].deprel == "cc" || words[d].upos == "PUNCT")) return true;
    return false;
  };
  std::function<Readings(uint32_t)> expand = [&](uint32_t w) -> Readings {
    std::vector<uint32_t> conj;
    for (uint32_t c : tree.children[w])
      if (kept(c) && is_conjunct(c)) conj.push_back(c);
    const uint32_t last = conj.empty() ? w : conj.back();
    // Modifiers after the last conjunct belong to all ("officials in Fornost and Gondor").
    std::vector<uint32_t> shared_after, shared_before;
    if (!conj.empty()) {
      for (uint32_t owner : {w, last})
        for (uint32_t c : tree.children[owner])
          if (kept(c) && c > last && words[c].deprel.starts_with("nmod") && words[c].deprel != "nmod:poss")
            shared_after.push_back(c);
      for (uint32_t c : tree.children[w])
        if (kept(c) && c < w && (words[c].deprel == "amod" || words[c].deprel == "compound"))
          shared_before.push_back(c);
    }
    const auto own = [&](uint32_t x, bool with_conj_skip) {
      Readings r{{x}};
      for (uint32_t c : tree.children[x]) {
        if (!kept(c) || !joins(c)) continue;
        const std::string& rel = words[c].deprel;
        if (with_conj_skip && ((rel == "conj" && is_conjunct(c)) || rel == "cc" || rel == "punct")) continue;
        if (std::find(shared_after.begin(), shared_after.end(), c) != shared_after.end()) continue;
        r = cross(r, expand(c));
      }
      return r;
    };
    Readings readings = own(w, !conj.empty());
    for (uint32_t c : conj) {
      // "Danish media and government" shares DANISH; "the Russian president and the US"
      // does not: a conjunct with a determiner of its own is a phrase of its own.
      bool own_determiner = false;
      for (uint32_t d : tree.children[c])
        if (d < c && (words[d].deprel == "det" || words[d].deprel == "nmod:poss")) own_determiner = true;
      Readings part{{}};
      if (!own_determiner)
        for (uint32_t b : shared_before) part = cross(part, expand(b));
      part = cross(part, own(c, true));
      for (auto& r : part)
        if (readings.size() < kMaxReadings) readings.push_back(std::move(r));
    }
    for (uint32_t a : shared_after) readings = cross(readings, expand(a));
    return readings;
  };

  std::vector<Mention> mentions;
  for (uint32_t h = 0; h < words.size(); ++h) {
    if (!kept(h) || !is_nominal(words[h])) continue;
    const int parent = words[h].head;
    // Inside another noun phrase: that phrase's mention holds it.
    if (parent >= 0 && joins(h)) {
      bool absorbed = false;
      for (int p = parent; p >= 0; p = words[static_cast<size_t>(p)].head) {
        if (is_nominal(words[static_cast<size_t>(p)])) {
          absorbed = true;
          break;
        }
        if (!inside_noun_phrase(words[static_cast<size_t>(p)].deprel)) break;
      }
      if (absorbed) continue;
    }
    Mention m;
    m.head = h;
    std::vector<uint32_t> all;
    collect(h, all, {});
    // The preposition of the phrase itself ("with Gondor") is a word of the clause, not
    // of the mention; those inside it ("soldiers from Gondor") stay.
    const auto outer_case = [&](uint32_t w) {
      return words[w].deprel == "case" && words[w].head >= 0 &&
             (static_cast<uint32_t>(words[w].head) == h ||
              (words[static_cast<size_t>(words[w].head)].deprel == "conj" &&
               words[static_cast<size_t>(words[w].head)].head == static_cast<int>(h)));
    };
    std::erase_if(all, outer_case);
    m.words = code_words(all);
    for (auto& reading : expand(h)) {
      std::erase_if(reading, outer_case);
      m.conjuncts.push_back(code_words(std::move(reading)));
    }
    mentions.push_back(std::move(m));
  }
  std::sort(mentions.begin(), mentions.end(),
            [](const Mention& a, const Mention& b) { return a.first_word() < b.first_word(); });
  return mentions;
}

void code_mentions(const Sentence& sentence, std::span<const std::string> forms,
                   const ActorResolver& resolver, int32_t yyyymmdd, std::vector<Mention>& mentions) {
  std::vector<std::string> text;
  for (Mention& m : mentions) {
    m.codes.clear();
    m.matched.clear();
    for (const auto& conjunct : m.conjuncts) {
      // A pronoun is no name: "us" is not the US, "it" not Italy's IT.
      if (!conjunct.empty() && std::all_of(conjunct.begin(), conjunct.end(),
                                           [&](uint32_t w) { return sentence.words[w].upos == "PRON"; })) {
        m.codes.push_back("---");
        continue;
      }
      text.clear();
      for (uint32_t w : conjunct) text.push_back(forms[w]);
      m.codes.push_back(resolver.code(text, yyyymmdd, &m.matched));
    }
  }
}

}  // namespace dyad::coder
