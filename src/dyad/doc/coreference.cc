#include "dyad/doc/coreference.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>

#include "dyad/core/ascii.h"

namespace dyad::doc {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool one_of(const std::string& s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Words that end the name of an organisation or a place, not a person.
bool organisation_word(const std::string& w) {
  return one_of(w,
                {"board",      "party",      "council",     "committee",      "commission",   "ministry",
                 "department", "agency",     "office",      "service",        "services",     "bank",
                 "court",      "army",       "force",       "forces",         "police",       "guard",
                 "government", "republic",   "states",      "kingdom",        "nations",      "union",
                 "assembly",   "congress",   "parliament",  "senate",         "house",        "corporation",
                 "company",    "inc",        "ltd",         "group",          "network",      "news",
                 "times",      "post",       "institute",   "university",     "college",      "school",
                 "center",     "centre",     "association", "federation",     "front",        "movement",
                 "coalition",  "alliance",   "league",      "organization",   "organisation", "foundation",
                 "fund",       "authority",  "bureau",      "airlines",       "hospital",     "church",
                 "island",     "islands",    "city",        "county",         "state",        "province",
                 "region",     "convention", "media",       "administration", "corps",        "navy",
                 "brigade",    "brigades",   "ministries",  "emirates"});
}

// Titles and roles of people: before a name they make it a person's; as the head of a
// singular noun phrase ("the minister", "a woman") they make the phrase a person.
bool person_word(const std::string& w) {
  return one_of(w, {"president",
                    "minister",
                    "secretary",
                    "senator",
                    "chancellor",
                    "governor",
                    "ambassador",
                    "spokesman",
                    "spokeswoman",
                    "spokesperson",
                    "leader",
                    "general",
                    "king",
                    "queen",
                    "prince",
                    "mr",
                    "mrs",
                    "ms",
                    "dr",
                    "congressman",
                    "congresswoman",
                    "representative",
                    "mayor",
                    "premier",
                    "pope",
                    "chief",
                    "ceo",
                    "captain",
                    "sheriff",
                    "judge",
                    "justice",
                    "candidate",
                    "nominee",
                    "commander",
                    "colonel",
                    "lieutenant",
                    "sergeant",
                    "officer",
                    "director",
                    "chairman",
                    "chairwoman",
                    "envoy",
                    "emir",
                    "sultan",
                    "sheikh",
                    "prosecutor",
                    "commissioner",
                    "activist",
                    "analyst",
                    "host",
                    "staffer",
                    "official",
                    "politician",
                    "lawmaker",
                    "man",
                    "woman",
                    "boy",
                    "girl",
                    "son",
                    "daughter",
                    "wife",
                    "husband",
                    "father",
                    "mother",
                    "brother",
                    "sister",
                    "niece",
                    "nephew",
                    "person",
                    "resident",
                    "student",
                    "pilot",
                    "reporter",
                    "journalist",
                    "businessman",
                    "businesswoman",
                    "veteran",
                    "podcaster"});
}

bool time_word(const std::string& w) {
  return one_of(w, {"year", "years", "day", "days", "week", "weeks", "month", "months", "hour", "hours",
                    "minute", "minutes", "time", "times", "percent", "decade", "decades"});
}

// The sector of a definite description's head, for "the company", "the government".
std::string description_sector(const std::string& lemma) {
  if (one_of(lemma, {"company", "firm", "corporation", "business", "carrier", "operator"})) return "BUS";
  if (one_of(lemma, {"government", "administration", "cabinet", "regime"})) return "GOV";
  if (one_of(lemma, {"military", "army"})) return "MIL";
  if (one_of(lemma, {"police"})) return "COP";
  if (one_of(lemma, {"party"})) return "PTY";
  return "";
}

// Codes of international and non-state groups: not countries.
bool country_code(const std::string& code) {
  if (code.size() < 3 || code.starts_with("---")) return false;
  const std::string c = code.substr(0, 3);
  for (char ch : c)
    if (ch < 'A' || ch > 'Z') return false;
  return !one_of(c, {"IGO", "NGO", "IMG", "MNC", "UAF", "UIS", "REB", "OPP", "INT"});
}

bool has_sector(const std::string& code, std::string_view sector) {
  for (size_t i = 3; i + 3 <= code.size(); i += 3)
    if (code.compare(i, 3, sector) == 0) return true;
  return false;
}

enum class Kind { kOther, kSurname, kPersonPronoun, kPluralPronoun, kDescription, kTwoCountries };

// What is known of a mention once the sentences before it, and it, have been read.
struct Info {
  std::vector<std::string> codes;  // a full code per conjunct, none when not all coded
  std::string person;              // the person's key (a surname, or a unique token), "" when none
  std::string group;               // a group, country or plural's key, "" when none
  uint32_t sentence = 0, mention = 0;
};

class Resolver {
 public:
  Resolver(const Article& article, const std::vector<std::vector<Mention>>& mentions)
      : article_(article), mentions_(mentions) {
    info_.resize(mentions.size());
  }

  std::vector<ResolvedMention> run() {
    for (uint32_t s = 0; s < mentions_.size() && s < article_.sentences.size(); ++s) {
      info_[s].resize(mentions_[s].size());
      for (uint32_t m = 0; m < mentions_[s].size(); ++m) visit(s, m);
    }
    return std::move(out_);
  }

 private:
  const Sentence& sentence(uint32_t s) const { return article_.sentences[s]; }
  const Word& word(uint32_t s, uint32_t w) const { return article_.sentences[s].words[w]; }

  // The full codes of a mention as the coder gave them: one per conjunct, none unless
  // every conjunct names an actor (agents alone, "---GOV", do not).
  std::vector<std::string> own_codes(const Mention& mention) const {
    std::vector<std::string> codes;
    for (const std::string& c : mention.codes) {
      if (c.starts_with("---") || c.find('/') != std::string::npos) return {};
      codes.push_back(c);
    }
    return codes;
  }

  // The run of proper nouns holding the head, within the phrase ("Foreign Minister
  // Sergey Lavrov"; a flat name is headed by its first word): its first and last word.
  std::pair<uint32_t, uint32_t> name_run(uint32_t s, const Mention& mention) const {
    const auto in = [&](int64_t i) {
      return i >= 0 &&
             std::find(mention.words.begin(), mention.words.end(), static_cast<uint32_t>(i)) !=
                 mention.words.end() &&
             word(s, static_cast<uint32_t>(i)).upos == "PROPN";
    };
    int64_t first = mention.head, last = mention.head;
    while (in(first - 1)) --first;
    while (in(last + 1)) ++last;
    return {static_cast<uint32_t>(first), static_cast<uint32_t>(last)};
  }

  // The proper nouns of the head's run: their count (0 when the head is not one, or the
  // run names an organisation or a place), and whether a title word comes just before.
  std::pair<uint32_t, bool> name_chain(uint32_t s, const Mention& mention) const {
    if (word(s, mention.head).upos != "PROPN") return {0, false};
    const auto [first, last] = name_run(s, mention);
    for (uint32_t w = first; w <= last; ++w)
      if (organisation_word(ascii_lower(word(s, w).form))) return {0, false};
    const bool titled =
        first > 0 &&
        std::find(mention.words.begin(), mention.words.end(), first - 1) != mention.words.end() &&
        person_word(ascii_lower(word(s, first - 1).lemma));
    return {last - first + 1, titled};
  }

  // The person's key: the last word of the name ("LAVROV").
  std::string surname(uint32_t s, const Mention& mention) const {
    return upper(word(s, name_run(s, mention).second).form);
  }

  // The words of the name that are not titles.
  uint32_t given_names(uint32_t s, const Mention& mention) const {
    if (word(s, mention.head).upos != "PROPN") return 0;
    const auto [first, last] = name_run(s, mention);
    uint32_t count = 0;
    for (uint32_t w = first; w <= last; ++w) count += person_word(ascii_lower(word(s, w).form)) ? 0 : 1;
    return count;
  }

  Kind kind_of(uint32_t s, const Mention& mention) const {
    const Word& head = word(s, mention.head);
    const std::string form = ascii_lower(head.form);
    if (mention.codes.size() != 1) return Kind::kOther;
    if (mention.words.size() <= 1 && head.upos == "PRON") {
      if (one_of(form, {"he", "she", "him"}) || (form == "her" && head.deprel != "nmod:poss"))
        return Kind::kPersonPronoun;
      if (one_of(form, {"they", "them"})) return Kind::kPluralPronoun;
      return Kind::kOther;
    }
    if (head.upos == "PROPN") {
      // A surname, alone or after titles and a determiner ("Captain Rochester").
      uint32_t propn = 0;
      for (uint32_t w : mention.words) {
        const Word& x = word(s, w);
        if (x.upos == "PROPN") {
          ++propn;
        } else if (!(x.upos == "DET" || x.upos == "PUNCT" || person_word(ascii_lower(x.lemma)))) {
          return Kind::kOther;
        }
      }
      return propn == 1 ? Kind::kSurname : Kind::kOther;
    }
    if (head.upos != "NOUN") return Kind::kOther;
    // "the minister", "the foreign minister", "the two countries", "both countries".
    bool the = false, two = false, both = false;
    for (uint32_t w : mention.words) {
      const Word& x = word(s, w);
      const std::string f = ascii_lower(x.form);
      if (w == mention.head) continue;
      if (x.upos == "PROPN" || x.deprel == "nmod:poss" || x.deprel == "nmod" || x.deprel == "acl" ||
          x.deprel == "acl:relcl" || x.deprel == "appos")
        return Kind::kOther;
      if (f == "the") the = true;
      if (f == "two") two = true;
      if (f == "both") both = true;
      if (x.upos == "DET" && f != "the" && f != "both") return Kind::kOther;
    }
    const std::string lemma = ascii_lower(head.lemma);
    if ((two && the) || both) {
      if (one_of(lemma, {"country", "nation", "side", "government", "neighbour", "neighbor", "state"}))
        return Kind::kTwoCountries;
      return Kind::kOther;
    }
    if (!the || head.xpos != "NN") return Kind::kOther;
    return Kind::kDescription;
  }

  // Records what mention (s, m) is, with `codes` its codes (own or resolved).
  void record(uint32_t s, uint32_t m, Kind kind, std::vector<std::string> codes, const std::string& key) {
    const Mention& mention = mentions_[s][m];
    const Word& head = word(s, mention.head);
    Info& info = info_[s][m];
    info.sentence = s;
    info.mention = m;
    info.codes = std::move(codes);
    const std::string unique = "#" + std::to_string(s) + ":" + std::to_string(m);
    const std::string joined = [&] {
      std::string j;
      for (const std::string& c : info.codes) j += c + " ";
      return j;
    }();
    // Where or when something happened ("in Minsk", "on Monday") is not who did it.
    for (uint32_t w = 0; w < sentence(s).words.size() && head.deprel.starts_with("obl"); ++w) {
      const Word& x = sentence(s).words[w];
      if (x.head == static_cast<int>(mention.head) && x.deprel == "case" &&
          one_of(ascii_lower(x.form),
                 {"in", "at", "on", "near", "outside", "inside", "across", "during", "since"}))
        return;
    }
    switch (kind) {
      case Kind::kPersonPronoun:
        info.person = key.empty() ? unique : key;
        return;
      case Kind::kSurname:
        // A single name never introduced ("Amman", "Petrov") is nobody known.
        if (!key.empty() && (!info.codes.empty() || name_chain(s, mention).second)) info.person = key;
        return;
      case Kind::kPluralPronoun:
      case Kind::kTwoCountries:
        info.group = key.empty() ? unique : key;
        return;
      case Kind::kDescription:
        if (person_word(ascii_lower(head.lemma)))
          info.person = key.empty() ? unique : key;
        else if (!info.codes.empty())
          info.group = key.empty() ? joined : key;
        return;
      case Kind::kOther:
        break;
    }
    const auto [chain, titled] = name_chain(s, mention);
    if (mention.codes.size() == 1 && (chain >= 2 || (chain == 1 && titled))) {
      info.person = surname(s, mention);
      return;
    }
    if (mention.codes.size() == 1 && head.upos == "NOUN" && head.xpos == "NN" &&
        person_word(ascii_lower(head.lemma))) {
      info.person = info.codes.empty() ? unique : "=" + joined;
      return;
    }
    if (head.upos == "PRON") return;
    if (!info.codes.empty()) {
      info.group = joined;
      return;
    }
    if ((head.xpos == "NNS" || head.xpos == "NNPS") && !time_word(ascii_lower(head.form)))
      info.group = unique;
  }

  // The mentions before (s, m): earlier in sentence s, then whole sentences back to
  // `back` sentences before it.
  template <typename F>
  void window(uint32_t s, uint32_t m, uint32_t back, F&& f) const {
    for (uint32_t i = 0; i < m; ++i) f(info_[s][i], mentions_[s][i]);
    for (uint32_t k = 1; k <= back && k <= s; ++k)
      for (uint32_t i = 0; i < info_[s - k].size(); ++i) f(info_[s - k][i], mentions_[s - k][i]);
  }

  // The one entity of the nearest window (this sentence and the previous one, else one
  // more sentence back, up to three) holding any, when there is exactly one.
  const Info* single(uint32_t s, uint32_t m, std::string Info::*key) const {
    for (uint32_t back = 1; back <= 3; ++back) {
      std::set<std::string> keys;
      const Info* latest = nullptr;
      const auto look = [&](const Info& info, const Mention&) {
        if ((info.*key).empty()) return;
        keys.insert(info.*key);
        // A person's code names their role: a country alone ("Bharat Ratna Pranab
        // Mukherjee", IND from "Bharat") is not taken for one.
        if (!info.codes.empty() && (key != &Info::person || info.codes.front().size() >= 6)) latest = &info;
      };
      if (back == 1) {
        window(s, m, 1, look);
      } else {
        if (back > s) break;
        for (uint32_t i = 0; i < info_[s - back].size(); ++i)
          look(info_[s - back][i], mentions_[s - back][i]);
      }
      if (keys.empty()) continue;
      if (keys.size() == 1 && latest) return latest;
      return nullptr;
    }
    return nullptr;
  }

  void resolved(uint32_t s, uint32_t m, Kind kind, const char* rule, const Info* from,
                std::vector<std::string> codes, const std::string& key) {
    ResolvedMention r;
    r.sentence = s;
    r.mention = m;
    r.codes = codes;
    r.rule = rule;
    if (from) {
      r.antecedent_sentence = from->sentence;
      r.antecedent_mention = static_cast<int32_t>(from->mention);
    }
    out_.push_back(std::move(r));
    record(s, m, kind, std::move(codes), key);
  }

  void visit(uint32_t s, uint32_t m) {
    const Mention& mention = mentions_[s][m];
    const Kind kind = kind_of(s, mention);
    std::vector<std::string> own = own_codes(mention);
    if (!own.empty() || kind == Kind::kOther) {
      const Kind as = own.empty() ? kind : Kind::kOther;
      record(s, m, as, std::move(own), "");
      return;
    }
    const Word& head = word(s, mention.head);
    if (kind == Kind::kSurname) {
      // Every earlier name ending in this word: one code between them.
      const std::string key = surname(s, mention);
      std::set<std::string> codes;
      const Info* from = nullptr;
      for (uint32_t t = 0; t <= s; ++t)
        for (uint32_t i = 0; i < (t == s ? m : info_[t].size()); ++i) {
          const Info& info = info_[t][i];
          if (info.person != key) continue;
          // An uncoded name blocks only with a given name of its own ("Abhijit Mukherjee"
          // beside "Pranab Mukherjee"), not with titles ("President Trump").
          if (info.codes.empty() && given_names(t, mentions_[t][i]) < 2) continue;
          const bool role = info.codes.size() == 1 && info.codes.front().size() >= 6;
          codes.insert(role ? info.codes.front() : "");
          if (role) from = &info;
        }
      if (codes.size() == 1 && !codes.begin()->empty() && from) {
        resolved(s, m, kind, "surname", from, from->codes, key);
        return;
      }
      // Someone introduced before, but uncoded or not alone with that name: a person still.
      record(s, m, codes.empty() ? kind : Kind::kPersonPronoun, {}, key);
      return;
    }
    if (kind == Kind::kPersonPronoun) {
      if (const Info* from = single(s, m, &Info::person)) {
        resolved(s, m, kind, "pronoun", from, from->codes, from->person);
        return;
      }
      record(s, m, kind, {}, "");
      return;
    }
    if (kind == Kind::kPluralPronoun) {
      if (const Info* from = single(s, m, &Info::group)) {
        resolved(s, m, kind, "plural pronoun", from, from->codes, from->group);
        return;
      }
      record(s, m, kind, {}, "");
      return;
    }
    if (kind == Kind::kTwoCountries) {
      std::set<std::string> countries;
      window(s, m, 2, [&](const Info& info, const Mention&) {
        for (const std::string& c : info.codes)
          if (country_code(c)) countries.insert(c.substr(0, 3));
      });
      if (countries.size() == 2) {
        resolved(s, m, kind, "two countries", nullptr, {countries.begin(), countries.end()}, "");
        return;
      }
      record(s, m, kind, {}, "");
      return;
    }
    // A definite description: first the mentions holding the same noun.
    const std::string lemma = ascii_lower(head.lemma);
    std::set<std::string> same;
    const Info* from = nullptr;
    window(s, m, 3, [&](const Info& info, const Mention& other) {
      bool holds = false;
      bool named = false;
      for (uint32_t w : other.words) {
        const Word& x = word(info.sentence, w);
        holds = holds || ascii_lower(x.lemma) == lemma;
        named = named || x.upos == "PROPN";
      }
      if (!holds) return;
      if (info.codes.size() == 1) {
        same.insert(info.codes.front());
        if (!from) from = &info;
      } else if (named) {
        same.insert("");  // a name the dictionaries do not know: it could be that one
      }
    });
    if (same.size() == 1 && from) {
      resolved(s, m, kind, "description", from, from->codes,
               from->person.empty() ? from->group : from->person);
      return;
    }
    if (same.empty()) {
      const std::string sector = description_sector(lemma);
      if (sector == "BUS" || sector == "PTY") {
        std::set<std::string> codes;
        const Info* one = nullptr;
        window(s, m, 3, [&](const Info& info, const Mention&) {
          for (const std::string& c : info.codes)
            if (has_sector(c, sector)) {
              codes.insert(c);
              if (!one) one = &info;
            }
        });
        if (codes.size() == 1 && one && one->codes.size() == 1) {
          resolved(s, m, kind, "description", one, one->codes, one->group);
          return;
        }
      } else if (!sector.empty()) {
        std::set<std::string> countries;
        const Info* one = nullptr;
        window(s, m, 3, [&](const Info& info, const Mention&) {
          for (const std::string& c : info.codes)
            if (country_code(c)) {
              countries.insert(c.substr(0, 3));
              if (!one) one = &info;
            }
        });
        if (countries.size() == 1) {
          resolved(s, m, kind, "description", one, {*countries.begin() + sector}, "");
          return;
        }
      } else if (person_word(lemma)) {
        // "the minister": the one person there, when their code has the description's
        // sector (its agent: "---GOV").
        const std::string& own_code = mention.codes.front();
        const std::string agent = own_code.size() >= 6 ? own_code.substr(3, 3) : "";
        if (const Info* person = single(s, m, &Info::person); person && person->codes.size() == 1 &&
                                                              !agent.empty() &&
                                                              has_sector(person->codes.front(), agent)) {
          resolved(s, m, kind, "description", person, person->codes, person->person);
          return;
        }
      }
    }
    record(s, m, kind, {}, "");
  }

  const Article& article_;
  const std::vector<std::vector<Mention>>& mentions_;
  std::vector<std::vector<Info>> info_;
  std::vector<ResolvedMention> out_;
};

bool unknown(const std::string& code) { return code.starts_with("---") || code.empty(); }

}  // namespace

std::vector<ResolvedMention> resolve_mentions(const Article& article,
                                              const std::vector<std::vector<Mention>>& mentions) {
  return Resolver(article, mentions).run();
}

void resolve_actors_across_sentences(const Article& article, coder::ArticleCoding& coding) {
  if (coding.mentions.empty()) return;
  const std::vector<ResolvedMention> resolved = resolve_mentions(article, coding.mentions);
  if (resolved.empty()) {
    coding.unresolved.clear();
    return;
  }
  const auto codes_of = [&](uint32_t s, int32_t m) -> const std::vector<std::string>* {
    if (m < 0) return nullptr;
    for (const ResolvedMention& r : resolved)
      if (r.sentence == s && r.mention == static_cast<uint32_t>(m)) return &r.codes;
    return nullptr;
  };
  std::set<std::tuple<uint32_t, std::string, std::string, std::string>> seen;
  for (const Event& e : coding.events) seen.emplace(e.sentence_index, e.source.code, e.target.code, e.code);
  // Each side with an unknown code and a resolved mention: one event per code.
  const auto expand = [&](const Event& e) {
    std::vector<Event> out;
    const std::vector<std::string>* sources =
        unknown(e.source.code) ? codes_of(e.sentence_index, e.source.mention) : nullptr;
    const std::vector<std::string>* targets =
        unknown(e.target.code) ? codes_of(e.sentence_index, e.target.mention) : nullptr;
    const std::vector<std::string> keep_source{e.source.code}, keep_target{e.target.code};
    for (const std::string& s : sources ? *sources : keep_source)
      for (const std::string& t : targets ? *targets : keep_target) {
        Event x = e;
        x.source.code = s;
        x.target.code = t;
        out.push_back(std::move(x));
      }
    return out;
  };
  std::vector<Event> events;
  events.reserve(coding.events.size());
  bool added = false;
  for (Event& e : coding.events) {
    if (!(unknown(e.source.code) && codes_of(e.sentence_index, e.source.mention)) &&
        !(unknown(e.target.code) && codes_of(e.sentence_index, e.target.mention))) {
      events.push_back(std::move(e));
      continue;
    }
    // An agent-only side ("the minister": ---GOV) given its actor.
    for (Event& x : expand(e)) {
      if (x.source.code == x.target.code) continue;
      if (!seen.emplace(x.sentence_index, x.source.code, x.target.code, x.code).second) continue;
      events.push_back(std::move(x));
    }
  }
  for (const Event& e : coding.unresolved)
    for (Event& x : expand(e)) {
      if (x.source.code == "---" || x.target.code == "---" || x.source.code == x.target.code) continue;
      if (!seen.emplace(x.sentence_index, x.source.code, x.target.code, x.code).second) continue;
      events.push_back(std::move(x));
      added = true;
    }
  if (added)
    std::stable_sort(events.begin(), events.end(),
                     [](const Event& a, const Event& b) { return a.sentence_index < b.sentence_index; });
  coding.events = std::move(events);
  coding.unresolved.clear();
}

}  // namespace dyad::doc
