#include "dyad/coder/tree_repair.h"

#include <fmt/format.h>

#include <cstdint>

namespace dyad::coder {
namespace {

bool is_noun(const Word& w) { return w.upos == "NOUN" || w.upos == "PROPN"; }
bool is_subject(const Word& w) { return w.deprel == "nsubj" || w.deprel == "nsubj:pass"; }

std::vector<std::vector<uint32_t>> children_of(const Sentence& s) {
  std::vector<std::vector<uint32_t>> children(s.words.size());
  for (uint32_t i = 0; i < s.words.size(); ++i) {
    const int h = s.words[i].head;
    if (h >= 0 && static_cast<size_t>(h) < s.words.size()) children[static_cast<size_t>(h)].push_back(i);
  }
  return children;
}

// The sentence's words and their children; `edit` is the same sentence when the repairs
// are made, nullptr when they are only looked for.
struct Repairer {
  Repairer(const Sentence& sentence, Sentence* edit_, const std::function<bool(const Word&)>& is_event_verb_)
      : s(sentence),
        edit(edit_),
        is_event_verb(is_event_verb_),
        apply(edit_ != nullptr),
        children(children_of(s)) {}

  const Sentence& s;
  Sentence* edit;
  const std::function<bool(const Word&)>& is_event_verb;
  bool apply;
  std::vector<std::vector<uint32_t>> children;
  std::vector<std::string> notes;

  const Word& at(uint32_t i) const { return s.words[i]; }
  Word& change(uint32_t i) { return edit->words[i]; }
  bool has_child(uint32_t h, const std::function<bool(const Word&)>& pred) {
    for (uint32_t c : children[h])
      if (pred(at(c))) return true;
    return false;
  }
  void reattach(uint32_t c, int head) {
    const int old = at(c).head;
    if (old >= 0) std::erase(children[static_cast<size_t>(old)], c);
    change(c).head = head;
    if (head >= 0) children[static_cast<size_t>(head)].push_back(c);
  }

  // "States on Wednesday imposed/VBN sanctions": v = imposed, amod of h = sanctions (also
  // tagged as an adjective: "guerrillas wounded/JJ two British soldiers").
  bool participle_as_adjective(uint32_t v) {
    const Word& w = at(v);
    if ((w.xpos != "VBN" && w.xpos != "VBD" && w.xpos != "JJ") || w.deprel != "amod" ||
        w.head <= static_cast<int>(v))
      return false;
    const uint32_t h = static_cast<uint32_t>(w.head);
    if (!is_noun(at(h))) return false;
    // Only the noun's own modifiers between the verb and the noun ("imposed new sanctions").
    for (uint32_t k = v + 1; k < h; ++k)
      if (at(k).head <= static_cast<int>(v) || at(k).head > static_cast<int>(h)) return false;
    if (has_child(h, [](const Word& c) { return c.deprel == "cop" || c.deprel.starts_with("aux"); }))
      return false;
    bool subject_before = false;
    for (uint32_t c : children[h])
      if (is_subject(at(c)) && c < v) subject_before = true;
    if (!subject_before || !is_event_verb(w)) return false;
    if (!apply) return true;
    const std::vector<uint32_t> moved = children[h];
    for (uint32_t c : moved) {
      if (c == v || (c > v && c < h)) continue;
      Word& x = change(c);
      const bool clause = (x.deprel == "conj" && x.upos == "VERB") || x.deprel == "punct" ||
                          x.deprel == "parataxis" || x.deprel == "advcl";
      if (c < v || clause) {
        if (c < v && x.deprel.starts_with("nmod") && x.deprel != "nmod:poss") x.deprel = "obl";
        reattach(c, static_cast<int>(v));
      }
    }
    const int head = at(h).head;
    const std::string rel = at(h).deprel;
    reattach(v, head);
    change(v).deprel = rel;
    change(v).xpos = "VBD";
    change(v).upos = "VERB";
    reattach(h, static_cast<int>(v));
    change(h).deprel = "obj";
    notes.push_back(
        fmt::format("tree repaired: '{}' read as an adjective of '{}' is the verb, '{}' its object",
                    at(v).form, at(h).form, at(h).form));
    return true;
  }

  // "The Syrian Civil Defence, a rescue group, blamed/VBN Russian warplanes": v = blamed,
  // acl of the root h = Defence.
  bool participle_as_relative(uint32_t v) {
    const Word& w = at(v);
    if ((w.xpos != "VBN" && w.xpos != "VBD") || w.deprel != "acl" || w.head < 0 ||
        w.head >= static_cast<int>(v))
      return false;
    const uint32_t h = static_cast<uint32_t>(w.head);
    if (!is_noun(at(h)) || at(h).deprel != "root") return false;
    if (has_child(h, [](const Word& c) { return c.deprel == "cop"; })) return false;
    // The participle takes an object, or a to-infinitive the parser hung on the noun
    // ("The parliament threatened/VBN on Monday to break relations"): a reduced relative
    // has neither.
    const auto infinitive = [&](uint32_t c) {
      return c > v && at(c).deprel == "acl" && has_child(c, [](const Word& m) {
               return m.deprel == "mark" && (m.form == "to" || m.form == "To");
             });
    };
    bool takes_infinitive = false;
    for (uint32_t c : children[h]) takes_infinitive = takes_infinitive || infinitive(c);
    if (!takes_infinitive && !has_child(v, [](const Word& c) { return c.deprel == "obj"; })) return false;
    if (has_child(v, [](const Word& c) { return is_subject(c) || c.deprel.starts_with("aux"); }))
      return false;
    if (!is_event_verb(w)) return false;
    if (!apply) return true;
    const std::vector<uint32_t> after = children[h];
    for (uint32_t c : after)
      if (c > v) {
        if (infinitive(c)) change(c).deprel = "xcomp";
        reattach(c, static_cast<int>(v));
      }
    reattach(v, at(h).head);
    change(v).deprel = "root";
    change(v).xpos = "VBD";
    change(v).upos = "VERB";
    reattach(h, static_cast<int>(v));
    change(h).deprel = "nsubj";
    notes.push_back(
        fmt::format("tree repaired: '{}' read as a relative clause of '{}' is the verb, '{}' its subject",
                    at(v).form, at(h).form, at(h).form));
    return true;
  }

  // "would not be bound ... and threatened/VBD to act": v = threatened, conj of h = bound.
  bool past_conjunct_of_modal(uint32_t v) {
    const Word& w = at(v);
    if (w.xpos != "VBD" || w.deprel != "conj" || w.head < 0) return false;
    if (has_child(v, [](const Word& c) { return is_subject(c); })) return false;
    const uint32_t h = static_cast<uint32_t>(w.head);
    const auto modal = [](const Word& c) { return c.deprel == "aux" && c.xpos == "MD"; };
    if (!has_child(h, modal)) return false;
    int a = at(h).head;
    for (int hop = 0; a >= 0 && hop < 3; ++hop, a = at(static_cast<uint32_t>(a)).head) {
      const uint32_t u = static_cast<uint32_t>(a);
      if (at(u).upos != "VERB") return false;
      if (at(u).xpos == "VBD" && !has_child(u, modal) && u < v) {
        if (!is_event_verb(w)) return false;
        if (!apply) return true;
        reattach(v, a);
        notes.push_back(
            fmt::format("tree repaired: '{}' is coordinated with '{}', not with '{}' (a past tense does not "
                        "share a modal)",
                        at(v).form, at(u).form, at(h).form));
        return true;
      }
    }
    return false;
  }

  bool run() {
    bool any = false;
    for (uint32_t v = 0; v < s.words.size(); ++v) {
      if (participle_as_adjective(v) || participle_as_relative(v) || past_conjunct_of_modal(v)) {
        any = true;
        if (!apply) return true;
      }
    }
    return any;
  }
};

}  // namespace

std::vector<std::string> repair_predicates(Sentence& sentence,
                                           const std::function<bool(const Word&)>& is_event_verb) {
  Repairer r(sentence, &sentence, is_event_verb);
  r.run();
  return std::move(r.notes);
}

bool needs_predicate_repair(const Sentence& sentence, const std::function<bool(const Word&)>& is_event_verb) {
  Repairer r(sentence, nullptr, is_event_verb);
  return r.run();
}

}  // namespace dyad::coder
