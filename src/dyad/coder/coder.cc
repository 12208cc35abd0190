#include "dyad/coder/coder.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <set>
#include <tuple>

#include "dyad/coder/mentions.h"
#include "dyad/coder/tree_repair.h"
#include "dyad/dict/dict_text.h"

namespace dyad::coder {
namespace {

using dict::PatternToken;
using dict::PatternTokenKind;

bool has_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  });
}

// PETRARCH's plural of a synset member's last word: IES for a final Y, ES replacing a
// final S, else S.
std::string petrarch_synset_plural(const std::string& word) {
  if (word.empty()) return word;
  if (word.back() == 'Y') return word.substr(0, word.size() - 1) + "IES";
  if (word.back() == 'S') return word.substr(0, word.size() - 1) + "ES";
  return word + "S";
}

struct Tree {
  explicit Tree(const Sentence& s) : children(s.words.size()), subtree_end(s.words.size()) {
    for (size_t i = 0; i < s.words.size(); ++i) {
      const int h = s.words[i].head;
      if (h >= 0 && static_cast<size_t>(h) < s.words.size()) children[static_cast<size_t>(h)].push_back(i);
    }
    for (size_t i = 0; i < s.words.size(); ++i) subtree_end[i] = static_cast<uint32_t>(i);
    // Children before parents is not guaranteed; walk each word up to the root.
    for (size_t i = 0; i < s.words.size(); ++i) {
      int h = s.words[i].head;
      for (size_t guard = 0; h >= 0 && static_cast<size_t>(h) < s.words.size() && guard < s.words.size();
           ++guard) {
        auto& end = subtree_end[static_cast<size_t>(h)];
        end = std::max(end, static_cast<uint32_t>(i));
        h = s.words[static_cast<size_t>(h)].head;
      }
    }
  }
  // Whether every word of w's subtree lies in [from, to].
  bool subtree_within(const Sentence& s, uint32_t w, uint32_t from, uint32_t to) const {
    if (w < from || w > to || subtree_end[w] > to) return false;
    for (uint32_t c : children[w])
      if (!subtree_within(s, c, from, to)) return false;
    return true;
  }
  std::vector<std::vector<uint32_t>> children;
  std::vector<uint32_t> subtree_end;  // the last word of each word's subtree
};

// One element of the word sequence a pattern is matched against: a word, or the start
// or end of a mention.
struct Item {
  enum Kind { kWord, kOpen, kClose } kind;
  uint32_t word = 0;
  int mention = -1;
};

// Builds the items for `words` (in the order to be matched), marking mention bounds.
std::vector<Item> make_items(const std::vector<uint32_t>& words, const std::vector<int>& mention_of) {
  std::vector<Item> items;
  int open = -1;
  for (uint32_t w : words) {
    const int m = mention_of[w];
    if (m != open) {
      if (open >= 0) items.push_back({Item::kClose, 0, open});
      if (m >= 0) items.push_back({Item::kOpen, 0, m});
      open = m;
    }
    items.push_back({Item::kWord, w, m});
  }
  if (open >= 0) items.push_back({Item::kClose, 0, open});
  return items;
}

struct Capture {
  int source = -1, target = -1, compound = -1;
  // The word '+' matched when it is a word inside the target's phrase rather than the
  // phrase's start ("* INVESTMENT IN +" on "new American investment in Russia"); -1 else.
  int target_word = -1;
  bool compound_before_verb = false;
  std::vector<uint32_t> words;  // literal words matched
};

// Matches pattern tokens (already in matching order, with their adjacency) against items.
class SequenceMatcher {
 public:
  SequenceMatcher(const std::vector<const PatternToken*>& tokens, const std::vector<bool>& adjacent,
                  const std::vector<Item>& items, const std::vector<std::string>& forms,
                  const std::vector<Mention>& mentions, const dict::VerbDictionary& verbs, bool leftward)
      : tokens_(tokens),
        adjacent_(adjacent),
        items_(items),
        forms_(forms),
        mentions_(mentions),
        verbs_(verbs),
        leftward_(leftward) {}

  bool match(Capture& capture) const { return step(0, 0, capture); }

 private:
  bool step(size_t k, size_t pos, Capture& capture) const {
    if (k == tokens_.size()) return true;
    const PatternToken& t = *tokens_[k];
    for (size_t p = pos; p < items_.size(); ++p) {
      if (p > pos && adjacent_[k] && items_[p - 1].kind == Item::kWord) return false;
      // A failed try is undone in place: copying the capture for every position was a
      // tenth of the coder's time.
      const size_t words = capture.words.size();
      const int source = capture.source, target = capture.target, compound = capture.compound;
      const int target_word = capture.target_word;
      size_t after = 0;
      if (try_at(t, p, capture, after) && step(k + 1, after, capture)) return true;
      capture.words.resize(words);
      capture.source = source;
      capture.target = target;
      capture.compound = compound;
      capture.target_word = target_word;
    }
    return false;
  }

  // Whether token t matches at items_[p]; `after` is the next item to look at.
  bool try_at(const PatternToken& t, size_t p, Capture& capture, size_t& after) const {
    const Item& item = items_[p];
    switch (t.kind) {
      case PatternTokenKind::kWord:
        if (item.kind != Item::kWord || forms_[item.word] != t.text) return false;
        capture.words.push_back(item.word);
        after = p + 1;
        return true;
      case PatternTokenKind::kSynset:
        return synset_at(t.text, p, capture, after, 0);
      case PatternTokenKind::kSource:
      case PatternTokenKind::kTarget:
      case PatternTokenKind::kCompound:
      case PatternTokenKind::kSkip: {
        // At a mention's start, or at a word inside one ("* THEIR ^ ABOUT +": THEIR is part
        // of the phrase "their populations" that ^ skips).
        if (item.kind == Item::kClose || item.mention < 0) return false;
        if (t.kind == PatternTokenKind::kCompound && !mentions_[static_cast<size_t>(item.mention)].compound())
          return false;
        if (t.kind == PatternTokenKind::kSource) capture.source = item.mention;
        if (t.kind == PatternTokenKind::kTarget) {
          capture.target = item.mention;
          capture.target_word = item.kind == Item::kWord && !leftward_ ? static_cast<int>(item.word) : -1;
        }
        if (t.kind == PatternTokenKind::kCompound) capture.compound = item.mention;
        size_t q = p + 1;
        while (q < items_.size() && !(items_[q].kind == Item::kClose && items_[q].mention == item.mention))
          ++q;
        after = q + 1;
        return true;
      }
      default:
        return false;
    }
  }

  bool synset_at(const std::string& name, size_t p, Capture& capture, size_t& after, int depth) const {
    // Every member's first word to match is the word at p.
    if (p >= items_.size() || items_[p].kind != Item::kWord) return false;
    const dict::Synset* synset = verbs_.synset(name);
    if (!synset || depth > 4) return false;
    const std::string& form = forms_[items_[p].word];
    for (const dict::SynsetMember& member : synset->members) {
      if (!member.synset.empty()) {
        if (synset_at(member.synset, p, capture, after, depth + 1)) return true;
        continue;
      }
      if (member.words.empty() || !may_start_at(member, form)) continue;
      // The member, its plural, and PETRARCH's spelling of the plural where it differs
      // (DAY: DAIES; PROCESS: PROCESES): whatever PETRARCH matches is matched.
      const std::string petrarch_plural =
          member.plural.empty() ? std::string() : petrarch_synset_plural(member.words.back());
      for (int plural = 0; plural < 3; ++plural) {
        if (plural == 1 && member.plural.empty()) continue;
        if (plural == 2 && (petrarch_plural.empty() || petrarch_plural == member.plural)) continue;
        const std::string& plural_form = plural == 2 ? petrarch_plural : member.plural;
        size_t q = p;
        std::vector<uint32_t> matched;
        bool ok = true;
        for (size_t i = 0; i < member.words.size() && ok; ++i) {
          while (q < items_.size() && items_[q].kind != Item::kWord) ++q;
          // Walking left, a member's words come last first.
          const size_t index = leftward_ ? member.words.size() - 1 - i : i;
          const std::string& want =
              plural && index + 1 == member.words.size() ? plural_form : member.words[index];
          if (q >= items_.size() || forms_[items_[q].word] != want || (i == 0 && q != p))
            ok = false;
          else
            matched.push_back(items_[q++].word);
        }
        if (ok && !member.words.empty()) {
          capture.words.insert(capture.words.end(), matched.begin(), matched.end());
          after = q;
          return true;
        }
      }
    }
    return false;
  }

  // Whether `form` can be the first word this member matches (the cheap test before the
  // full one): the word matched first, or when that is the last word, one of its plurals.
  bool may_start_at(const dict::SynsetMember& member, const std::string& form) const {
    const std::string& first = leftward_ ? member.words.back() : member.words.front();
    if (form == first) return true;
    if (member.plural.empty() || (member.words.size() > 1 && !leftward_)) return false;
    if (form == member.plural) return true;
    // PETRARCH's plural keeps all but the last letter of the word.
    return form.size() >= first.size() && form.compare(0, first.size() - 1, first, 0, first.size() - 1) == 0;
  }

  const std::vector<const PatternToken*>& tokens_;
  const std::vector<bool>& adjacent_;
  const std::vector<Item>& items_;
  const std::vector<std::string>& forms_;
  const std::vector<Mention>& mentions_;
  const dict::VerbDictionary& verbs_;
  bool leftward_;
};

bool is_bracket(PatternTokenKind k) {
  return k == PatternTokenKind::kPrepOpen || k == PatternTokenKind::kPrepClose ||
         k == PatternTokenKind::kNounOpen || k == PatternTokenKind::kNounClose;
}

// The pattern's parts in matching order: after the verb left to right, before it right
// to left; each token with whether it must touch the previous one.
void matching_order(const dict::VerbPattern& p, std::vector<const PatternToken*>& lower,
                    std::vector<bool>& lower_adjacent, std::vector<const PatternToken*>& upper,
                    std::vector<bool>& upper_adjacent) {
  bool joined = p.verb_joined_after;
  for (const PatternToken& t : p.after) {
    if (is_bracket(t.kind)) continue;
    lower.push_back(&t);
    lower_adjacent.push_back(lower.size() == 1 ? joined : t.joined);
  }
  // Walking left, token i touches the one after it when that one was written joined.
  bool next_joined = p.verb_joined_before;
  for (size_t i = p.before.size(); i-- > 0;) {
    const PatternToken& t = p.before[i];
    if (is_bracket(t.kind)) continue;
    upper.push_back(&t);
    upper_adjacent.push_back(next_joined);
    next_joined = t.joined;
  }
}

size_t specificity(const dict::VerbPattern& p) {
  size_t n = 0;
  for (const auto* part : {&p.before, &p.after})
    for (const PatternToken& t : *part) n += !is_bracket(t.kind);
  return n;
}

std::vector<std::string> split_codes(const std::string& code) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t slash = code.find('/', start);
    out.push_back(code.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

}  // namespace

bool CoderOptions::set(const std::string& name, const std::string& value) {
  if (name == "require_dyad") {
    std::string v = value;
    for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    require_dyad = v.find("false") == std::string::npos;
    return true;
  }
  int* target = nullptr;
  if (name == "new_actor_length") target = &new_actor_length;
  if (name == "comma_min") target = &comma_min;
  if (name == "comma_max") target = &comma_max;
  if (name == "comma_bmin") target = &comma_bmin;
  if (name == "comma_bmax") target = &comma_bmax;
  if (name == "comma_emin") target = &comma_emin;
  if (name == "comma_emax") target = &comma_emax;
  if (!target) return false;
  int n = 0;
  const std::string_view v = dict::trim(value);
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size()) return false;
  *target = n;
  return true;
}

void CoderOptions::apply(const dict::PetrarchConfig& config, Diagnostics& diags) {
  const auto* options = config.section("Options");
  if (!options) return;
  for (const auto& [name, value] : *options) {
    const bool ours = name == "require_dyad" || name == "new_actor_length" || name.starts_with("comma_");
    if (ours && !set(name, value.value))
      diags.error(value.where, "bad value '" + value.value + "' for " + name);
  }
}

Coder::Coder(const dict::DictionarySet& dictionaries, CoderOptions options)
    : dicts_(dictionaries), options_(options) {}

SentenceCoding Coder::code(const Sentence& sentence, int32_t yyyymmdd, uint32_t sentence_index,
                           bool trace) const {
  const auto is_event_verb = [&](const Word& w) {
    return !dicts_.verbs.verbs_for_form(dict::upper(w.form)).empty();
  };
  if (!needs_predicate_repair(sentence, is_event_verb))
    return code_tree(sentence, yyyymmdd, sentence_index, trace);
  Sentence repaired = sentence;
  const std::vector<std::string> notes = repair_predicates(repaired, is_event_verb);
  SentenceCoding out = code_tree(repaired, yyyymmdd, sentence_index, trace);
  if (trace) out.trace.insert(out.trace.begin(), notes.begin(), notes.end());
  return out;
}

SentenceCoding Coder::code_tree(const Sentence& sentence, int32_t yyyymmdd, uint32_t sentence_index,
                                bool trace) const {
  SentenceCoding out;
  const auto& words = sentence.words;
  const size_t n = words.size();
  const std::vector<std::string> forms = upper_forms(sentence);
  const auto note = [&](std::string s) {
    if (trace) out.trace.push_back(std::move(s));
  };

  for (size_t i = 0; i < n; ++i)
    if (auto m = dicts_.discards.longest_match(forms, i)) {
      out.discarded = m.discard->story_level ? Discarded::kStory : Discarded::kSentence;
      out.discard_phrase = m.discard->where.str();
      note(fmt::format("discarded: '{}' ({})", dict::join(m.discard->phrase), out.discard_phrase));
      return out;
    }

  const Tree tree(sentence);
  out.kept.assign(n, true);

  // Comma clauses, as PETRARCH's check_commas deletes them: by the number of words between
  // two commas (or before the first, after the last). Commas inside a noun phrase don't
  // count, and only whole subtrees inside the clause go.
  {
    const std::vector<Mention> phrases = find_mentions(sentence, out.kept);
    std::vector<uint32_t> commas;
    for (uint32_t i = 0; i < n; ++i) {
      if (words[i].form != ",") continue;
      bool inside = false;
      for (const Mention& m : phrases)
        if (m.first_word() < i && i < m.last_word()) inside = true;
      if (!inside) commas.push_back(i);
    }
    uint32_t end = static_cast<uint32_t>(n);
    while (end > 0 && words[end - 1].upos == "PUNCT") --end;
    const auto count_words = [&](uint32_t from, uint32_t to) {
      int c = 0;
      for (uint32_t i = from; i < to; ++i)
        c += out.kept[i] && words[i].upos != "PUNCT" && has_letter(words[i].form);
      return c;
    };
    const auto remove = [&](uint32_t from, uint32_t to) {  // [from, to)
      if (from >= to) return;
      bool any = false;
      for (uint32_t i = from; i < to; ++i)
        if (out.kept[i] && tree.subtree_within(sentence, i, from, to - 1)) {
          out.kept[i] = false;
          any = true;
        }
      if (any) note(fmt::format("comma clause deleted: words {}-{}", from + 1, to));
    };
    const auto in_range = [](int count, int lo, int hi) { return hi != 0 && count >= lo && count <= hi; };
    if (!commas.empty()) {
      for (size_t i = 0; i + 1 < commas.size(); ++i) {
        const uint32_t from = commas[i] + 1, to = commas[i + 1];
        if (in_range(count_words(from, to), options_.comma_min, options_.comma_max)) {
          remove(from, to);
          if (count_words(from, to) == 0) out.kept[commas[i + 1]] = false;
        }
      }
      if (in_range(count_words(0, commas.front()), options_.comma_bmin, options_.comma_bmax))
        remove(0, commas.front());
      if (in_range(count_words(commas.back() + 1, end), options_.comma_emin, options_.comma_emax))
        remove(commas.back() + 1, end);
    }
  }

  out.mentions = find_mentions(sentence, out.kept);
  const ActorResolver resolver(dicts_.actors, dicts_.agents);
  code_mentions(sentence, forms, resolver, yyyymmdd, out.mentions);
  std::vector<int> mention_of(n, -1), mention_by_head(n, -1);
  for (size_t m = 0; m < out.mentions.size(); ++m) {
    for (uint32_t w : out.mentions[m].words)
      if (mention_of[w] < 0) mention_of[w] = static_cast<int>(m);
    mention_by_head[out.mentions[m].head] = static_cast<int>(m);
  }
  // The mention a word heads, or the one it is inside.
  const auto mention_at = [&](uint32_t w) {
    return mention_by_head[w] >= 0 ? mention_by_head[w] : mention_of[w];
  };

  const auto child = [&](uint32_t v, auto&& pred) -> int {
    for (uint32_t c : tree.children[v])
      if (out.kept[c] && pred(words[c])) return static_cast<int>(c);
    return -1;
  };
  // The verb's subject mention, following `conj` and `xcomp` up to the verb it shares one with.
  const auto subject_of = [&](uint32_t v) -> int {
    for (int hop = 0, w = static_cast<int>(v); hop < 4 && w >= 0; ++hop) {
      const uint32_t u = static_cast<uint32_t>(w);
      const int s = child(u, [](const Word& c) { return c.deprel == "nsubj" || c.deprel == "nsubj:pass"; });
      if (s >= 0) return mention_at(static_cast<uint32_t>(s));
      if (words[u].deprel == "xcomp" && words[u].head >= 0) {
        const int o =
            child(static_cast<uint32_t>(words[u].head), [](const Word& c) { return c.deprel == "obj"; });
        if (o >= 0) return mention_at(static_cast<uint32_t>(o));
      }
      if (words[u].deprel != "conj" && words[u].deprel != "xcomp") return -1;
      w = words[u].head;
    }
    return -1;
  };

  // Whether mention m is an uncoded personal pronoun ("she", "it", "they").
  const auto pronoun_subject = [&](int m) {
    const Mention& mention = out.mentions[static_cast<size_t>(m)];
    return !mention.coded() && mention.words.size() == 1 && words[mention.head].upos == "PRON" &&
           words[mention.head].xpos == "PRP";
  };
  // For a subject mention m of a clause that is the complement of another verb ("it" in
  // "Ethiopia indicated it would act"), that verb's subject mention; else -1.
  const auto reporting_subject = [&](int m) -> int {
    int clause = words[out.mentions[static_cast<size_t>(m)].head].head;
    // Up through the conjuncts sharing the subject, to the clause's own attachment.
    for (int hop = 0; clause >= 0 && words[static_cast<size_t>(clause)].deprel == "conj" && hop < 4; ++hop)
      clause = words[static_cast<size_t>(clause)].head;
    if (clause < 0 || words[static_cast<size_t>(clause)].deprel != "ccomp") return -1;
    const int reporter = words[static_cast<size_t>(clause)].head;
    return reporter < 0 ? -1 : subject_of(static_cast<uint32_t>(reporter));
  };

  std::set<std::tuple<std::string, std::string, std::string>> seen;
  // Words of the phrases of verbs already coded: verbs there are not coded again.
  std::vector<bool> in_coded_phrase(n, false);
  // A clause that reports or comments on the rest rather than belonging to the phrase
  // it hangs from: `parataxis`, and a reporting verb parsed as a relative clause with a
  // subject of its own that is not a relative pronoun ("..., the agency WFNA said").
  const auto detached = [&](uint32_t w) {
    const std::string& rel = words[w].deprel;
    if (rel == "parataxis") return true;
    if (rel != "acl:relcl") return false;
    const std::string& lemma = words[w].lemma;
    if (lemma != "say" && lemma != "report" && lemma != "tell" && lemma != "announce" && lemma != "add" &&
        lemma != "state" && lemma != "claim" && lemma != "confirm")
      return false;
    for (uint32_t c : tree.children[w])
      if ((words[c].deprel == "nsubj" || words[c].deprel == "nsubj:pass") && c < w) {
        const std::string form = dict::upper(words[c].form);
        return form != "WHO" && form != "WHICH" && form != "THAT" && form != "WHOM" && form != "WHOSE";
      }
    return false;
  };
  std::function<void(uint32_t, std::vector<uint32_t>&)> add_phrase = [&](uint32_t w,
                                                                         std::vector<uint32_t>& into) {
    if (detached(w)) return;
    into.push_back(w);
    for (uint32_t c : tree.children[w]) add_phrase(c, into);
  };
  for (uint32_t v = 0; v < n; ++v) {
    if (!out.kept[v] || !words[v].xpos.starts_with("VB")) continue;
    if (words[v].deprel == "aux" || words[v].deprel == "aux:pass" || words[v].deprel == "cop") continue;
    if (in_coded_phrase[v]) continue;
    std::vector<const dict::Verb*> entries = dicts_.verbs.verbs_for_form(forms[v]);

    // The entry whose extra words (multi-word verbs) are all there, the longest first.
    const dict::Verb* verb = nullptr;
    uint32_t span_from = v, span_to = v;
    for (const dict::Verb* e : entries) {
      const size_t before = e->words_before.size(), after = e->words_after.size();
      if (before > v || v + after >= n) continue;
      bool ok = true;
      for (size_t i = 0; i < after && ok; ++i) ok = forms[v + 1 + i] == e->words_after[i];
      for (size_t i = 0; i < before && ok; ++i) ok = forms[v - before + i] == e->words_before[i];
      if (!ok) continue;
      if (!verb || before + after > verb->words_before.size() + verb->words_after.size() ||
          (before + after == verb->words_before.size() + verb->words_after.size() && e->lemma == forms[v] &&
           verb->lemma != forms[v])) {
        verb = e;
        span_from = static_cast<uint32_t>(v - before);
        span_to = static_cast<uint32_t>(v + after);
      }
    }
    // The tagger may take the first word of a multi-word verb for the verb ("wire" of
    // WIRE_+TAP as VB, "tap" as a noun): the entry of the word after it, whose words
    // before the verb word start here.
    for (uint32_t k = 1; !verb && k <= 2 && v + k < n; ++k) {
      for (const dict::Verb* e : dicts_.verbs.verbs_for_form(forms[v + k])) {
        const size_t after = e->words_after.size();
        if (e->words_before.size() != k || v + k + after >= n) continue;
        bool ok = true;
        for (size_t i = 0; i < k && ok; ++i) ok = forms[v + i] == e->words_before[i];
        for (size_t i = 0; i < after && ok; ++i) ok = forms[v + k + 1 + i] == e->words_after[i];
        if (!ok || (verb && after <= verb->words_after.size())) continue;
        verb = e;
        span_from = v;
        span_to = static_cast<uint32_t>(v + k + after);
      }
      if (verb) entries = dicts_.verbs.verbs_for_form(forms[v + k]);
    }
    if (!verb) continue;
    // A verb listed in several blocks (a dictionary may repeat one, as PETRARCH's
    // validation set does with SHOT) is tried with the patterns of each, and takes the
    // first code that is not "no event" when none matches.
    std::vector<const dict::Verb*> same;
    for (const dict::Verb* e : entries)
      if (e->words_before == verb->words_before && e->words_after == verb->words_after &&
          (e->lemma == forms[v]) == (verb->lemma == forms[v]))
        same.push_back(e);
    for (const dict::Verb* e : same)
      if (dicts_.verbs.code_of(*verb).code == "---" && dicts_.verbs.code_of(*e).code != "---") verb = e;

    // The verb's phrase: its right dependents, not a following conjoined clause nor a
    // reporting clause hung below it ("..., officials said").
    std::vector<uint32_t> lower_words, upper_words;
    for (uint32_t c : tree.children[v]) {
      const std::string& rel = words[c].deprel;
      if (tree.subtree_end[c] > span_to && rel != "conj" && rel != "parataxis" && rel != "punct" &&
          rel != "cc")
        add_phrase(c, lower_words);
    }
    std::sort(lower_words.begin(), lower_words.end());
    std::erase_if(lower_words,
                  [&](uint32_t i) { return i <= span_to || !out.kept[i] || words[i].upos == "PUNCT"; });
    for (uint32_t i = span_from; i-- > 0;) {
      if (!out.kept[i]) continue;
      if (words[i].form == "," && mention_of[i] < 0) {
        bool inside = false;
        for (const Mention& m : out.mentions)
          if (m.first_word() < i && i < m.last_word()) inside = true;
        if (!inside) break;
      }
      if (words[i].upos != "PUNCT") upper_words.push_back(i);
    }
    const std::vector<Item> lower = make_items(lower_words, mention_of);
    // upper_words run leftward from the verb, so a mention is opened at its last word.
    const std::vector<Item> upper = make_items(upper_words, mention_of);

    // The most specific matching pattern of the verb's block.
    const dict::VerbBlock& block = dicts_.verbs.blocks()[verb->block];
    std::vector<size_t> candidate_patterns;
    for (const dict::Verb* e : same) {
      const auto& ps = dicts_.verbs.blocks()[e->block].patterns;
      for (size_t pi : ps)
        if (std::find(candidate_patterns.begin(), candidate_patterns.end(), pi) == candidate_patterns.end())
          candidate_patterns.push_back(pi);
    }
    const dict::VerbPattern* best = nullptr;
    Capture best_capture;
    size_t best_size = 0;
    std::vector<std::string> matched_patterns;
    for (size_t pi : candidate_patterns) {
      const dict::VerbPattern& p = dicts_.verbs.patterns()[pi];
      std::vector<const PatternToken*> lt, ut;
      std::vector<bool> la, ua;
      matching_order(p, lt, la, ut, ua);
      Capture capture;
      if (!SequenceMatcher(lt, la, lower, forms, out.mentions, dicts_.verbs, false).match(capture)) continue;
      const bool compound_after_verb = capture.compound >= 0;
      if (!SequenceMatcher(ut, ua, upper, forms, out.mentions, dicts_.verbs, true).match(capture)) continue;
      capture.compound_before_verb = capture.compound >= 0 && !compound_after_verb;
      const size_t size = specificity(p);
      if (trace) matched_patterns.push_back(fmt::format("'{}' ({})", p.text, p.where.str()));
      if (!best || size > best_size) {
        best = &p;
        best_capture = capture;
        best_size = size;
      }
    }
    if (trace)
      note(fmt::format(
          "verb {}: {} patterns in block {}{}; matching: {}", words[v].form, candidate_patterns.size(),
          block.name, same.size() > 1 ? fmt::format(" and {} more", same.size() - 1) : "",
          matched_patterns.empty() ? "none" : fmt::format("{}", fmt::join(matched_patterns, ", "))));
    dict::EventCode code = dicts_.verbs.code_of(*verb);
    std::string provenance = verb->where.str(), pattern_text;
    if (best) {
      code = best->code;
      provenance = best->where.str();
      pattern_text = best->text;
    }
    note(fmt::format(
        "  chosen for {} ({}): {} -> [{}{}{}]", words[v].form, verb->where.str(),
        best ? "the most specific, '" + best->text + "' at " + provenance : "no pattern, the verb's code",
        code.code, code.paired.empty() ? "" : ":", code.paired));
    if ((code.code.empty() || code.code == "---") && code.paired.empty()) {
      note("  no event: the code is --- (no event by the dictionary's choice)");
      continue;
    }

    // Roles.
    int target = best_capture.target, source = best_capture.source;
    const int subject_word =
        child(v, [](const Word& c) { return c.deprel == "nsubj:pass" || c.deprel == "nsubj"; });
    bool passive = subject_word >= 0 && words[static_cast<size_t>(subject_word)].deprel == "nsubj:pass";
    int passive_subject = passive ? mention_at(static_cast<uint32_t>(subject_word)) : -1;
    // A passive verb sharing the subject of the verb it is conjoined to ("Arnor
    // celebrated ... and was attacked"): that subject undergoes this event too.
    if (subject_word < 0 && child(v, [](const Word& c) { return c.deprel == "aux:pass"; }) >= 0) {
      passive = true;
      passive_subject = subject_of(v);
    }
    int agent = -1;
    for (uint32_t c : tree.children[v]) {
      if (!out.kept[c]) continue;
      if (words[c].deprel == "obl:agent") agent = mention_at(c);
      if (words[c].deprel == "obl" && child(c, [](const Word& w) {
                                        return w.deprel == "case" && (w.form == "by" || w.form == "By");
                                      }) >= 0)
        agent = mention_at(c);
    }
    // '%': the members of the compound act on each other ("Gondor and Osgiliath agreed").
    // '%' before the verb: the compound's members act on each other ("Gondor and
    // Osgiliath have agreed"); after it, the compound is the target ("agrees with the
    // Philippines and France").
    if (best_capture.compound >= 0 && best_capture.compound_before_verb)
      source = target = best_capture.compound;
    if (best_capture.compound >= 0 && !best_capture.compound_before_verb) target = best_capture.compound;
    // The agent of a passive is its doer even when an active pattern's '+' took it
    // ("a camp was attacked by militiamen with machetes" against '* + WITH MACHETES').
    const bool swap = passive && agent >= 0 && best_capture.source < 0 &&
                      (best_capture.target < 0 || best_capture.target == agent) && best_capture.compound < 0;
    if (swap) {
      source = agent;
      target = passive_subject;
    }
    // A passive without its agent: the subject undergoes the event, the doer is unknown.
    if (passive && agent < 0 && target < 0 && best_capture.compound < 0 && passive_subject != source)
      target = passive_subject;
    // A phrase naming an actor ("to war-torn Mozambique") is a better target than one
    // that only names a role ("military aid": ---MIL), which beats an uncoded one.
    const auto names_actor = [&](int m) {
      for (const std::string& c : out.mentions[static_cast<size_t>(m)].codes)
        if (!c.starts_with("---")) return true;
      return false;
    };
    if (target < 0) {
      for (const Item& it : lower)
        if (it.kind == Item::kOpen && it.mention != source && names_actor(it.mention)) {
          target = it.mention;
          break;
        }
      if (target < 0)
        for (const Item& it : lower)
          if (it.kind == Item::kOpen && it.mention != source &&
              out.mentions[static_cast<size_t>(it.mention)].coded()) {
            target = it.mention;
            break;
          }
      if (target < 0)
        for (const Item& it : lower)
          if (it.kind == Item::kOpen && it.mention != source) {
            target = it.mention;
            break;
          }
    }
    // A target the pattern found inside a noun phrase, after words of that phrase it
    // names ("* INVESTMENT IN +" on "new American investment in Russia"), is the rest of
    // the phrase from there, coded alone, as PETRARCH's patterns reach the noun phrase
    // inside a prepositional phrase; when that names no actor, the whole phrase stays.
    std::string target_part_code;
    std::vector<uint32_t> target_part_words;
    if (best && target >= 0 && target == best_capture.target && best_capture.target_word >= 0) {
      const Mention& m = out.mentions[static_cast<size_t>(target)];
      const uint32_t from = static_cast<uint32_t>(best_capture.target_word);
      if (from > m.first_word()) {
        std::vector<std::string> text;
        for (uint32_t w : m.words)
          if (w >= from) {
            target_part_words.push_back(w);
            text.push_back(forms[w]);
          }
        const std::string part = resolver.code(text, yyyymmdd);
        if (!part.starts_with("---")) {
          target_part_code = part;
          note(fmt::format("  target inside the phrase: '{}' = {}", dict::join(text), part));
        }
      }
    }
    const auto first_code = [&](int m) {
      if (m >= 0 && m == target && !target_part_code.empty()) return split_codes(target_part_code).front();
      return m < 0 ? std::string("---") : out.mentions[static_cast<size_t>(m)].codes.front();
    };
    // A personal pronoun subject is resolved in the sentence where it can be: in a clause
    // reported by a verb whose subject names an actor ("Ethiopia indicated it would
    // act"), that subject; else the nearest coded phrase before the pronoun ("Nigeria
    // today announced that it will"). Failing both it stays the source, uncoded, for the
    // document stage to resolve (doc/coreference.h): a phrase between the pronoun and the
    // verb belongs to another clause ("She said Chinese forces had been patrolling on the
    // Chinese side and accused Indian soldiers").
    if (source < 0 && !passive) {
      int s = subject_of(v);
      if (s >= 0 && pronoun_subject(s)) {
        int resolved = -1;
        for (int m = s, hop = 0; resolved < 0 && m >= 0 && pronoun_subject(m) && hop < 3; ++hop) {
          const int up = reporting_subject(m);
          if (up >= 0 && names_actor(up)) resolved = up;
          m = up;
        }
        const uint32_t pronoun_word = out.mentions[static_cast<size_t>(s)].head;
        for (const Item& it : upper)
          if (resolved < 0 && it.kind == Item::kOpen && it.mention != target && it.mention != s &&
              out.mentions[static_cast<size_t>(it.mention)].last_word() < pronoun_word &&
              out.mentions[static_cast<size_t>(it.mention)].coded() &&
              first_code(it.mention) != first_code(target))
            resolved = it.mention;
        if (resolved >= 0) s = resolved;
      }
      if (s >= 0 && s != target &&
          ((out.mentions[static_cast<size_t>(s)].coded() && first_code(s) != first_code(target)) ||
           pronoun_subject(s)))
        source = s;
    }
    if (source < 0 && !passive) {
      for (const Item& it : upper)
        if (it.kind == Item::kOpen && it.mention != target &&
            out.mentions[static_cast<size_t>(it.mention)].coded() &&
            first_code(it.mention) != first_code(target)) {
          source = it.mention;
          break;
        }
      if (source < 0)
        for (const Item& it : upper)
          if (it.kind == Item::kOpen && it.mention != target) {
            source = it.mention;
            break;
          }
    }

    const auto codes_of = [&](int m) {
      std::vector<std::string> codes;
      if (m < 0) return std::vector<std::string>{"---"};
      if (m == target && !target_part_code.empty()) return split_codes(target_part_code);
      const Mention& mention = out.mentions[static_cast<size_t>(m)];
      for (size_t c = 0; c < mention.codes.size(); ++c) {
        if (mention.codes[c] == "---" && options_.new_actor_length > 0 &&
            mention.conjuncts[c].size() <= static_cast<size_t>(options_.new_actor_length) &&
            !mention.conjuncts[c].empty()) {
          std::string text = "\"";
          for (uint32_t w : mention.conjuncts[c]) text += (text.size() > 1 ? " " : "") + forms[w];
          codes.push_back(text + "\"");
          continue;
        }
        for (std::string& part : split_codes(mention.codes[c])) codes.push_back(std::move(part));
      }
      // A conjunct naming no actor beside one that does ("the lions and Gondor") is
      // left out, as PETRARCH leaves it; alone it is the unknown actor.
      if (std::any_of(codes.begin(), codes.end(), [](const std::string& c) { return c != "---"; }))
        std::erase(codes, std::string("---"));
      return codes;
    };
    std::vector<std::string> sources = codes_of(source), targets = codes_of(target);
    if (!code.paired.empty()) {
      if (sources == std::vector<std::string>{"---"}) sources = targets;
      if (targets == std::vector<std::string>{"---"}) targets = sources;
    }

    std::vector<uint32_t> event_words;
    for (uint32_t i = span_from; i <= span_to; ++i) event_words.push_back(i);
    event_words.insert(event_words.end(), best_capture.words.begin(), best_capture.words.end());
    std::sort(event_words.begin(), event_words.end());
    const auto words_of = [&](int m) {
      if (m < 0) return std::vector<uint32_t>{};
      if (m == target && !target_part_code.empty()) return target_part_words;
      return out.mentions[static_cast<size_t>(m)].words;
    };
    bool emitted = false;
    const auto distinct_phrases_of_one_country = [&](const std::string& code, int a, int b) {
      return code.size() == 3 && code != "---" && a >= 0 && b >= 0 && a != b &&
             !out.mentions[static_cast<size_t>(a)].compound() &&
             !out.mentions[static_cast<size_t>(b)].compound();
    };
    const auto emit = [&](const std::string& event_code, const std::vector<std::string>& from,
                          int from_mention, const std::vector<std::string>& to, int to_mention,
                          bool reverse) {
      if (event_code.empty() || event_code == "---") return;
      for (const std::string& s : from)
        for (const std::string& t : to) {
          // An actor does not act on itself, except a country as two phrases ("Iraqi Kurds
          // demonstrated ... calling for independence from Iraq": IRQ -> IRQ), as PLOVER
          // codes domestic events; a member of two compounds is still skipped.
          if (s == t && !distinct_phrases_of_one_country(s, from_mention, to_mention)) continue;
          // require_dyad: an unknown side is kept apart, for the document stage to
          // resolve from other sentences (doc/coreference.h), when it is a noun phrase.
          const bool unknown = options_.require_dyad && (s == "---" || t == "---");
          if (unknown && ((s == "---" && from_mention < 0) || (t == "---" && to_mention < 0))) continue;
          if (!unknown && !seen.emplace(s, t, event_code).second) continue;
          Event e;
          e.sentence_index = sentence_index;
          e.source = {s, from_mention, words_of(from_mention)};
          e.target = {t, to_mention, words_of(to_mention)};
          e.code = event_code;
          e.verb = v;
          e.words = event_words;
          e.pattern = provenance;
          e.pattern_text = pattern_text;
          e.reverse = reverse;
          if (unknown) {
            out.unresolved.push_back(std::move(e));
            continue;
          }
          out.events.push_back(std::move(e));
          emitted = true;
        }
    };
    emit(code.code, sources, source, targets, target, false);
    emit(code.paired, targets, target, sources, source, true);
    note(fmt::format(
        "  source {} target {}{}: {}", source >= 0 ? fmt::format("{}", fmt::join(sources, "/")) : "none",
        target >= 0 ? fmt::format("{}", fmt::join(targets, "/")) : "none", swap ? " (passive)" : "",
        emitted ? "coded"
        : (source < 0 || target < 0) && options_.require_dyad
            ? "no event: source or target unknown and require_dyad is on"
            : "no event: source and target are the same actor, or unknown"));
    // Reported speech: "X said Y attacked Z" codes Y -> Z as well; the clause a statement
    // reports is not part of the statement's phrase for this purpose.
    std::vector<bool> reported(n, false);
    if (code.code.starts_with("01")) {
      std::function<void(uint32_t)> mark = [&](uint32_t w) {
        reported[w] = true;
        for (uint32_t c : tree.children[w]) mark(c);
      };
      for (uint32_t c : tree.children[v])
        if (words[c].deprel == "ccomp") mark(c);
    }
    for (uint32_t w : lower_words)
      if (!reported[w]) in_coded_phrase[w] = true;
  }
  if (!out.events.empty() || !out.unresolved.empty()) {
    bool ignored = false;
    for (size_t i = 0; i < n && !ignored; ++i)
      if (auto m = dicts_.issues.longest_match(forms, i)) {
        if (m.issue->ignore) {
          ignored = true;
        } else if (std::find(out.issues.begin(), out.issues.end(), m.issue->code) == out.issues.end()) {
          out.issues.push_back(m.issue->code);
        }
      }
    if (ignored) out.issues.clear();
    for (Event& e : out.events) e.issues = out.issues;
    for (Event& e : out.unresolved) e.issues = out.issues;
    if (out.events.empty()) out.issues.clear();
  }
  return out;
}

}  // namespace dyad::coder
