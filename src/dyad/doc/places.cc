#include "dyad/doc/places.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include "dyad/core/ascii.h"
#include "dyad/core/data_path.h"
#include "dyad/core/utf8.h"
#include "dyad/dict/actor_code.h"

namespace dyad::doc {
namespace {

// ASCII for U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A); '_' for
// the two signs among them (× ÷), which are dropped.
constexpr std::string_view kLatinFold =
    "aaaaaaaceeeeiiiidnooooo_ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo_ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
    "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinFold.size() == 0x180 - 0xC0);

const std::vector<uint32_t> kNone;

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t end = line.find(sep, start);
    out.push_back(line.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

PlaceFeature parse_feature(const std::string& s, bool& ok) {
  ok = true;
  if (s == "country") return PlaceFeature::kCountry;
  if (s == "continent") return PlaceFeature::kContinent;
  if (s == "admin1") return PlaceFeature::kAdmin1;
  if (s == "capital") return PlaceFeature::kCapital;
  if (s == "seat") return PlaceFeature::kSeat;
  if (s == "city") return PlaceFeature::kCity;
  ok = false;
  return PlaceFeature::kCity;
}

int feature_score(PlaceFeature f) {
  switch (f) {
    case PlaceFeature::kCountry:
      return 400;
    case PlaceFeature::kContinent:
      return 2000;  // a continent's name is the continent, whatever the context
    case PlaceFeature::kCapital:
      return 250;
    case PlaceFeature::kAdmin1:
      return 150;
    case PlaceFeature::kSeat:
      return 80;
    case PlaceFeature::kCity:
      return 0;
  }
  return 0;
}

const std::unordered_set<std::string_view>& demonyms() {
  static const std::unordered_set<std::string_view> kList = {
      "afghan",      "african",    "albanian",   "algerian",   "american",    "arab",        "arabian",
      "argentine",   "armenian",   "asian",      "australian", "austrian",    "azerbaijani", "bahraini",
      "bangladeshi", "belarusian", "belgian",    "bolivian",   "bosnian",     "brazilian",   "british",
      "bulgarian",   "burmese",    "cambodian",  "canadian",   "chilean",     "chinese",     "colombian",
      "congolese",   "croatian",   "cuban",      "czech",      "danish",      "dutch",       "ecuadorian",
      "egyptian",    "emirati",    "english",    "eritrean",   "estonian",    "ethiopian",   "european",
      "filipino",    "finnish",    "french",     "georgian",   "german",      "ghanaian",    "greek",
      "haitian",     "hispanic",   "houthi",     "hungarian",  "indian",      "indonesian",  "iranian",
      "iraqi",       "irish",      "israeli",    "italian",    "japanese",    "jordanian",   "kazakh",
      "kenyan",      "korean",     "kurd",       "kurdish",    "kuwaiti",     "latino",      "lebanese",
      "libyan",      "malaysian",  "mexican",    "mongolian",  "moroccan",    "muslim",      "nepalese",
      "nigerian",    "norwegian",  "omani",      "pakistani",  "palestinian", "peruvian",    "polish",
      "portuguese",  "qatari",     "romanian",   "russian",    "rwandan",     "saudi",       "scottish",
      "serbian",     "somali",     "soviet",     "spanish",    "sudanese",    "swedish",     "swiss",
      "syrian",      "taiwanese",  "thai",       "tunisian",   "turkish",     "ugandan",     "ukrainian",
      "uzbek",       "venezuelan", "vietnamese", "welsh",      "yemeni",      "zimbabwean",  "texan",
      "californian", "western",    "eastern",    "northern",   "southern",    "jewish",      "christian",
      "sunni",       "shia",       "shiite",     "european-"};
  return kList;
}

// Capitalised words after a place name that make it part of an organisation's, a
// building's or an event's name ("United States Congress", "Jolo Cathedral").
const std::unordered_set<std::string_view>& name_heads() {
  static const std::unordered_set<std::string_view> kList = {
      "congress",   "senate",   "house",     "court",    "supreme",    "university",   "college",
      "school",     "times",    "post",      "journal",  "herald",     "tribune",      "party",
      "department", "ministry", "agreement", "accord",   "accords",    "constitution", "war",
      "center",     "centre",   "institute", "airlines", "airways",    "bank",         "corporation",
      "company",    "inc",      "comicon",   "treasury", "army",       "navy",         "air",
      "marine",     "marines",  "coast",     "national", "democratic", "republican",   "federal",
      "open",       "cup",      "grand",     "club",     "fc",         "united",       "cathedral",
      "palace",     "plaza",    "square",    "church",   "mosque",     "airport",      "stadium",
      "bridge",     "hospital", "hotel",     "tower",    "street",     "avenue",       "legislature",
      "assembly",   "police",   "guard",     "council",  "commission", "district",     "county"};
  return kList;
}

// Capitalised words before "of" that make the place part of a name ("University of
// Texas", "Supreme Court of the United States").
const std::unordered_set<std::string_view>& name_heads_before_of() {
  static const std::unordered_set<std::string_view> kList = {
      "university", "college",     "court",   "bank",  "institute", "museum", "school", "church",
      "district",   "archdiocese", "diocese", "order", "battle",    "siege",  "treaty", "statue"};
  return kList;
}

// Capitalised common words and given names that are also the names of towns or
// divisions: never a town or division on their own ("March", "Police", "South").
const std::unordered_set<std::string_view>& not_alone() {
  static const std::unordered_set<std::string_view> kList = {
      "january",   "february",   "march",    "april",    "may",     "june",         "july",      "august",
      "september", "october",    "november", "december", "monday",  "tuesday",      "wednesday", "thursday",
      "friday",    "saturday",   "sunday",   "north",    "south",   "east",         "west",      "central",
      "centre",    "center",     "northern", "southern", "eastern", "western",      "police",    "university",
      "man",       "god",        "drama",    "pool",     "union",   "independence", "liberty",   "commerce",
      "progress",  "mobile",     "reading",  "bath",     "split",   "nice",         "orange",    "deal",
      "sale",      "university", "college",  "church",   "bank",    "street",       "city",      "state",
      "capital",   "island",     "lake",     "mission"};
  return kList;
}

// Words after a town's name that do not make it a person's first name ("London Mayor").
const std::unordered_set<std::string_view>& titles_after_place() {
  static const std::unordered_set<std::string_view> kList = {
      "mayor",     "governor",  "president", "premier",        "police", "council",
      "officials", "residents", "senator",   "representative", "prime",  "minister",
      "city",      "county",    "province",  "state",          "region"};
  return kList;
}

bool capitalised(std::string_view text) {
  if (text.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(text[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

bool inner_connector(std::string_view text) {
  static const std::unordered_set<std::string_view> kList = {
      ",", ".", "of", "the", "and", "de", "del", "da", "do", "du", "la", "le", "al", "el", "in", "on", "("};
  return kList.contains(text);
}

std::string_view word_text(const Article& a, const Word& w) { return w.span.of(a.text); }

bool is_case_word(std::string_view lemma) {
  return lemma == "in" || lemma == "at" || lemma == "near" || lemma == "outside" || lemma == "inside";
}

}  // namespace

const char* place_feature_name(PlaceFeature f) {
  switch (f) {
    case PlaceFeature::kCountry:
      return "country";
    case PlaceFeature::kContinent:
      return "continent";
    case PlaceFeature::kAdmin1:
      return "admin1";
    case PlaceFeature::kCapital:
      return "capital";
    case PlaceFeature::kSeat:
      return "seat";
    case PlaceFeature::kCity:
      return "city";
  }
  return "city";
}

std::string fold_place_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  size_t i = 0;
  while (i < name.size()) {
    const unsigned char b = static_cast<unsigned char>(name[i]);
    if (b < 0x80) {
      ++i;
      if (b >= 'A' && b <= 'Z')
        out.push_back(static_cast<char>(b - 'A' + 'a'));
      else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))
        out.push_back(static_cast<char>(b));
      continue;
    }
    const size_t start = i;
    const char32_t cp = utf8::next(name, i);
    if (cp >= 0x300 && cp < 0x370) continue;  // combining marks
    if (cp >= 0xC0 && cp < 0x180) {
      const char c = kLatinFold[cp - 0xC0];
      if (c != '_') out.push_back(c);
      continue;
    }
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x2013 || cp == 0x2014 || cp == 0xA0) continue;  // ’ ‘ – —
    out.append(name.substr(start, i - start));
  }
  return out;
}

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

uint32_t Gazetteer::add(Place place, const std::vector<std::string>& other_names) {
  const auto index = static_cast<uint32_t>(places_.size());
  std::vector<std::string> keys;
  auto key_of = [&](std::string_view n) {
    std::string k = fold_place_name(n);
    if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
  };
  key_of(place.name);
  for (const std::string& n : other_names) key_of(n);
  for (std::string& k : keys) index_[std::move(k)].push_back(index);
  places_.push_back(std::move(place));
  return index;
}

const std::vector<uint32_t>& Gazetteer::lookup(std::string_view name) const {
  const auto it = index_.find(fold_place_name(name));
  return it == index_.end() ? kNone : it->second;
}

Gazetteer Gazetteer::load(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot open the gazetteer");
  Gazetteer g;
  std::string line;
  uint64_t line_no = 0;
  bool header = true;
  auto fail = [&](const std::string& why) {
    throw std::runtime_error(path.string() + ":" + std::to_string(line_no) + ": " + why);
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    const std::vector<std::string> col = split(line, '\t');
    if (col.size() != 10) fail("expected 10 tab-separated columns, found " + std::to_string(col.size()));
    Place p;
    bool ok = true;
    p.feature = parse_feature(col[9], ok);
    if (!ok) fail("unknown feature '" + col[9] + "'");
    try {
      p.geonameid = std::stoll(col[0]);
      p.population = std::stoll(col[8]);
      if (!col[6].empty() && !col[7].empty()) {
        p.lat = std::stod(col[6]);
        p.lon = std::stod(col[7]);
        p.has_coordinates = true;
      }
    } catch (const std::exception&) {
      fail("bad number");
    }
    p.name = col[1];
    p.country = col[4];
    p.admin1 = col[5];
    std::vector<std::string> names;
    if (col[2] != col[1]) names.push_back(col[2]);
    if (!col[3].empty())
      for (std::string& n : split(col[3], '|')) names.push_back(std::move(n));
    g.add(std::move(p), names);
  }
  if (g.size() == 0) throw std::runtime_error(path.string() + ": no places");
  return g;
}

Gazetteer Gazetteer::load_default() {
  std::string looked;
  const std::filesystem::path path = find_data_file("gazetteer/places.tsv", &looked);
  if (path.empty()) throw std::runtime_error("cannot find gazetteer/places.tsv; looked in:\n" + looked);
  return load(path);
}

bool is_demonym(std::string_view word) {
  std::string w = ascii_lower(word);
  if (demonyms().contains(w)) return true;
  if (w.size() > 1 && w.back() == 's' && demonyms().contains(std::string_view(w).substr(0, w.size() - 1)))
    return true;
  for (std::string_view suffix : {"ians", "eans", "ese", "ish"})
    if (w.size() > suffix.size() + 2 && w.ends_with(suffix)) return true;
  return false;
}

std::vector<std::string> actor_countries(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (const Event& e : events)
    for (const EventActor* a : {&e.source, &e.target}) {
      const std::string c = dict::split_actor_country(a->code).country;
      if (c.size() == 3 && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
  return out;
}

namespace {

struct RawMatch {
  uint32_t sentence, first, end;
  std::string key;
};

// The best place for `candidates` given the context countries.
uint32_t resolve(const Gazetteer& g, const std::vector<uint32_t>& candidates,
                 const std::set<std::string>& context) {
  uint32_t best = candidates.front();
  double best_score = -1;
  for (uint32_t c : candidates) {
    const Place& p = g.place(c);
    const double score = (context.contains(p.country) ? 500.0 : 0.0) + feature_score(p.feature) +
                         20.0 * std::log10(double(std::max<int64_t>(p.population, 0)) + 1.0);
    if (score > best_score) {
      best = c;
      best_score = score;
    }
  }
  return best;
}

}  // namespace

std::vector<PlaceMention> find_places(const Article& article, const Gazetteer& gazetteer,
                                      const std::vector<std::string>& countries) {
  constexpr uint32_t kMaxWords = 8;
  std::vector<RawMatch> raw;
  std::unordered_set<std::string> surnames;
  for (uint32_t s = 0; s < article.sentences.size(); ++s) {
    const std::vector<Word>& words = article.sentences[s].words;
    std::vector<bool> covered(words.size(), false);
    std::vector<RawMatch> here;
    for (uint32_t i = 0; i < words.size();) {
      const std::string_view first = word_text(article, words[i]);
      if (!capitalised(first)) {
        ++i;
        continue;
      }
      std::string key;
      uint32_t best_end = 0;
      std::string best_key;
      for (uint32_t j = i; j < words.size() && j < i + kMaxWords; ++j) {
        const std::string_view t = word_text(article, words[j]);
        if (j > i && !capitalised(t) && !inner_connector(t)) break;
        key += fold_place_name(t);
        if (!capitalised(t) || key.empty()) continue;
        if (!gazetteer.lookup(key).empty()) {
          best_end = j + 1;
          best_key = key;
        }
      }
      if (best_end == 0) {
        ++i;
        continue;
      }
      // "Washington (D.C.)": the closing parenthesis too.
      if (best_end < words.size() && word_text(article, words[best_end]) == ")")
        for (uint32_t k = i; k < best_end; ++k)
          if (word_text(article, words[k]) == "(") {
            ++best_end;
            break;
          }
      here.push_back({s, i, best_end, best_key});
      for (uint32_t k = i; k < best_end; ++k) covered[k] = true;
      i = best_end;
    }
    for (const RawMatch& m : here) {
      const Word& head = words[m.first];
      const bool one_word = m.end == m.first + 1;
      const std::string_view text = word_text(article, head);
      // Adjectives and demonyms.
      if (one_word && (head.upos == "ADJ" || is_demonym(text))) continue;
      // Inside an organisation's or a building's name.
      if (m.end < words.size() && capitalised(word_text(article, words[m.end])) &&
          name_heads().contains(ascii_lower(word_text(article, words[m.end]))))
        continue;
      if (m.first >= 2) {
        uint32_t k = m.first - 1;
        if (ascii_lower(word_text(article, words[k])) == "the" && k >= 2) --k;
        if (ascii_lower(word_text(article, words[k])) == "of" &&
            capitalised(word_text(article, words[k - 1])) &&
            name_heads_before_of().contains(ascii_lower(word_text(article, words[k - 1]))))
          continue;
      }
      // After a capitalised proper noun: a person's name ("Denzel Washington").
      if (m.first > 0) {
        const Word& prev = words[m.first - 1];
        if (prev.upos == "PROPN" && capitalised(word_text(article, prev)) && !covered[m.first - 1] &&
            prev.span.end < head.span.begin && word_text(article, prev).find('.') == std::string_view::npos) {
          if (one_word) surnames.insert(m.key);
          continue;
        }
      }
      const auto& cands = gazetteer.lookup(m.key);
      const bool only_towns = std::all_of(cands.begin(), cands.end(), [&](uint32_t c) {
        const PlaceFeature f = gazetteer.place(c).feature;
        return f != PlaceFeature::kCountry && f != PlaceFeature::kAdmin1 && f != PlaceFeature::kContinent;
      });
      const bool no_country = std::all_of(cands.begin(), cands.end(), [&](uint32_t c) {
        const PlaceFeature f = gazetteer.place(c).feature;
        return f != PlaceFeature::kCountry && f != PlaceFeature::kContinent;
      });
      if (one_word && no_country && not_alone().contains(m.key)) continue;
      // Half of a dashed compound ("Iran–Iraq War").
      if (one_word && (text.ends_with("-") || text.ends_with("\u2013") || text.ends_with("\u2014"))) continue;
      // A town's name before a capitalised proper noun: a first name ("Ron Weasley"),
      // unless that is a title ("London Mayor"); and before "of" + a name ("University of").
      if (one_word && only_towns && m.end < words.size()) {
        const Word& next = words[m.end];
        const std::string_view nt = word_text(article, next);
        if (next.upos == "PROPN" && capitalised(nt) && !covered[m.end] &&
            !titles_after_place().contains(ascii_lower(nt))) {
          surnames.insert(m.key);
          continue;
        }
        if (nt == "of" && m.end + 1 < words.size() && capitalised(word_text(article, words[m.end + 1])))
          continue;
      }
      // A one-word city must be tagged a proper noun.
      if (one_word && head.upos != "PROPN") {
        bool higher = false;
        for (uint32_t c : gazetteer.lookup(m.key)) {
          const PlaceFeature f = gazetteer.place(c).feature;
          higher = higher || f == PlaceFeature::kCountry || f == PlaceFeature::kAdmin1;
        }
        if (!higher) continue;
      }
      raw.push_back(m);
    }
  }
  std::erase_if(raw, [&](const RawMatch& m) { return m.end == m.first + 1 && surnames.contains(m.key); });

  // Context: the actors' countries, then those of unambiguous mentions.
  std::set<std::string> context(countries.begin(), countries.end());
  for (const RawMatch& m : raw) {
    const std::vector<uint32_t>& c = gazetteer.lookup(m.key);
    const uint32_t best = resolve(gazetteer, c, context);
    const Place& p = gazetteer.place(best);
    if ((c.size() == 1 || p.feature == PlaceFeature::kCountry) && !p.country.empty())
      context.insert(p.country);
  }
  std::vector<PlaceMention> out;
  out.reserve(raw.size());
  for (const RawMatch& m : raw) {
    const std::vector<Word>& words = article.sentences[m.sentence].words;
    PlaceMention pm;
    pm.sentence = m.sentence;
    pm.first_word = m.first;
    pm.end_word = m.end;
    pm.span = {words[m.first].span.begin, words[m.end - 1].span.end};
    pm.place = resolve(gazetteer, gazetteer.lookup(m.key), context);
    out.push_back(pm);
  }
  return out;
}

namespace {

// The place mention chosen for an event, and whether the sentence puts the event there
// with a preposition ("in", "at", "near", ...) rather than only naming the place.
struct PlaceChoice {
  const PlaceMention* mention = nullptr;
  bool locative = false;
};

PlaceChoice choose_event_place(const Article& article, const Event& event,
                               const std::vector<PlaceMention>& mentions, const Gazetteer& gazetteer) {
  if (event.sentence_index >= article.sentences.size()) return {};
  const std::vector<Word>& words = article.sentences[event.sentence_index].words;
  // The word that carries each mention in the tree: the one whose head is outside it.
  auto mention_head = [&](const PlaceMention& m) {
    for (uint32_t w = m.first_word; w < m.end_word; ++w) {
      const int h = words[w].head;
      if (h < int(m.first_word) || h >= int(m.end_word)) return w;
    }
    return m.first_word;
  };
  auto has_case = [&](uint32_t w) {
    for (uint32_t k = 0; k < words.size(); ++k)
      if (words[k].head == int(w) && words[k].deprel == "case" && is_case_word(ascii_lower(words[k].lemma)))
        return true;
    return false;
  };
  // The mention's head, or the head of the name it is an appositive or conjunct of
  // ("Wuhan, China": China hangs on Wuhan), or the common noun it is "of" ("in the
  // centre of Minsk", "on the outskirts of Kabul": the event is in Minsk, in Kabul).
  auto of_phrase = [&](uint32_t w) {
    if (words[w].deprel != "nmod" || words[w].head < 0 || words[uint32_t(words[w].head)].upos != "NOUN")
      return false;
    for (uint32_t k = 0; k < words.size(); ++k)
      if (words[k].head == int(w) && words[k].deprel == "case" && ascii_lower(words[k].lemma) == "of")
        return true;
    return false;
  };
  auto attach = [&](uint32_t w) {
    while (words[w].head >= 0) {
      const uint32_t h = uint32_t(words[w].head);
      if (of_phrase(w)) {
        w = h;
        continue;
      }
      if (words[w].deprel != "appos" && words[w].deprel != "conj" && words[w].deprel != "flat" &&
          words[w].deprel != "compound")
        break;
      if (words[h].upos != "PROPN") break;
      w = h;
    }
    return w;
  };
  const PlaceMention* direct = nullptr;
  const PlaceMention* anywhere = nullptr;
  const PlaceMention* fallback = nullptr;
  auto is_actor_word = [&](uint32_t w) {
    for (const EventActor* a : {&event.source, &event.target})
      if (std::find(a->words.begin(), a->words.end(), w) != a->words.end()) return true;
    return false;
  };
  for (const PlaceMention& m : mentions) {
    if (m.sentence != event.sentence_index) continue;
    if (gazetteer.place(m.place).feature == PlaceFeature::kContinent) continue;
    const uint32_t h = attach(mention_head(m));
    const bool cased = has_case(h);
    const bool obl = words[h].deprel.starts_with("obl") || words[h].deprel.starts_with("nmod");
    if (cased && obl && words[h].head == int(event.verb)) {
      if (direct == nullptr) direct = &m;
    } else if (cased && obl) {
      if (anywhere == nullptr) anywhere = &m;
    } else if (fallback == nullptr && !is_actor_word(m.first_word)) {
      fallback = &m;
    }
  }
  if (direct || anywhere) return {direct ? direct : anywhere, true};
  return {fallback, false};
}

}  // namespace

std::optional<Place> event_place(const Article& article, const Event& event,
                                 const std::vector<PlaceMention>& mentions, const Gazetteer& gazetteer) {
  const PlaceChoice chosen = choose_event_place(article, event, mentions, gazetteer);
  if (chosen.mention == nullptr) return std::nullopt;
  return gazetteer.place(chosen.mention->place);
}

EventPlace to_event_place(const Place& place) {
  EventPlace out;
  out.name = place.name;
  out.country = place.country;
  out.admin1 = place.admin1;
  out.lat = place.lat;
  out.lon = place.lon;
  out.has_coordinates = place.has_coordinates;
  out.geonameid = place.geonameid;
  out.feature = place_feature_name(place.feature);
  return out;
}

void resolve_event_places(const Article& article, std::vector<Event>& events, const Gazetteer& gazetteer) {
  if (events.empty()) return;  // finding places is the costly part, and nothing would use them
  const std::vector<PlaceMention> mentions = find_places(article, gazetteer, actor_countries(events));
  for (Event& event : events) {
    const PlaceChoice chosen = choose_event_place(article, event, mentions, gazetteer);
    event.place = chosen.mention ? to_event_place(gazetteer.place(chosen.mention->place)) : EventPlace{};
    event.place.locative = chosen.mention && chosen.locative;
  }
}

}  // namespace dyad::doc
