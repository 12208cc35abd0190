#include "dyad/nlp/lemmatizer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "dyad/nlp/binary_io.h"

namespace dyad::nlp {
namespace {

constexpr char kMagic[] = "DYLM";
constexpr uint32_t kSectionVersion = 1;

inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb93fe53e4ec9ULL;
  x ^= x >> 33;
  return x;
}

// Key of (namespace, tag, string): 'L' lexicon (xpos, lower form), 'E' WordNet
// exception (pos letter, lower form), 'K' known lemma (pos letter, lemma).
uint64_t key_hash(char ns, std::string_view tag, std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto step = [&](unsigned char c) { h = (h ^ c) * 0x100000001b3ULL; };
  step(static_cast<unsigned char>(ns));
  for (unsigned char c : tag) step(c);
  step(0xff);
  for (unsigned char c : s) step(c);
  return mix64(h) | 1;
}

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

void lower_into(std::string_view s, std::string& out) {
  out.resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) out[i] = ascii_lower(s[i]);
}

bool has_letter(std::string_view s) {
  for (unsigned char c : s)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) return true;
  return false;
}

bool all_caps(std::string_view s) {
  int upper = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper >= 2;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool is_consonant(char c) { return c >= 'a' && c <= 'z' && !is_vowel(c); }

// "stopp" -> "stop" (doubled final consonant other than l, s, z, f).
bool doubled(std::string_view stem) {
  const size_t n = stem.size();
  return n >= 3 && stem[n - 1] == stem[n - 2] && is_consonant(stem[n - 1]) &&
         std::string_view("lszf").find(stem[n - 1]) == std::string_view::npos;
}

// Ends in a single consonant after a single vowel ("hop", "star"): a stem that would
// double before -ed/-ing, so "hoped" more likely comes from "hope".
bool cvc(std::string_view stem) {
  const size_t n = stem.size();
  return n >= 2 && is_consonant(stem[n - 1]) &&
         std::string_view("wxy").find(stem[n - 1]) == std::string_view::npos && is_vowel(stem[n - 2]) &&
         (n == 2 || !is_vowel(stem[n - 3]));
}

// Part-of-speech letter of an inflected XPOS, or 0.
char inflected_pos(std::string_view xpos) {
  if (xpos == "NNS") return 'n';
  if (xpos == "VBD" || xpos == "VBN" || xpos == "VBG" || xpos == "VBZ") return 'v';
  if (xpos == "JJR" || xpos == "JJS") return 'a';
  if (xpos == "RBR" || xpos == "RBS") return 'r';
  return 0;
}

char pos_letter(std::string_view xpos) {
  if (xpos.starts_with("NN")) return 'n';
  if (xpos.starts_with("VB") || xpos == "MD") return 'v';
  if (xpos.starts_with("JJ")) return 'a';
  if (xpos.starts_with("RB")) return 'r';
  return 0;
}

uint32_t capacity_for(size_t n) {
  uint32_t cap = 16;
  while (cap < n * 2 + 1) cap *= 2;
  return cap;
}

// Suffix-rule candidates for an inflected lower-cased word, most likely first.
void candidates(char pos, std::string_view xpos, const std::string& w, std::vector<std::string>& out) {
  out.clear();
  auto strip = [&](std::string_view suffix, std::string_view add) {
    if (w.size() > suffix.size() + 1 && ends_with(w, suffix))
      out.push_back(w.substr(0, w.size() - suffix.size()) + std::string(add));
  };
  if (pos == 'n' || xpos == "VBZ") {
    strip("ies", "y");
    if (pos == 'n') {
      strip("men", "man");
      strip("ses", "s");
      strip("xes", "x");
      strip("zes", "z");
      strip("ches", "ch");
      strip("shes", "sh");
    }
    strip("s", "");
    strip("es", "");
    return;
  }
  std::string_view suffix;
  if (xpos == "VBD" || xpos == "VBN") suffix = "ed";
  if (xpos == "VBG") suffix = "ing";
  if (xpos == "JJR" || xpos == "RBR") suffix = "er";
  if (xpos == "JJS" || xpos == "RBS") suffix = "est";
  if (suffix.empty() || !ends_with(w, suffix) || w.size() < suffix.size() + 2) return;
  const std::string stem = w.substr(0, w.size() - suffix.size());
  if (suffix == "ing" && ends_with(stem, "y") && stem.size() >= 2 && is_consonant(stem[stem.size() - 2]) &&
      stem.size() <= 3)
    out.push_back(stem.substr(0, stem.size() - 1) + "ie");  // dying -> die
  if (suffix != "ing" && ends_with(stem, "i")) out.push_back(stem.substr(0, stem.size() - 1) + "y");
  if (doubled(stem)) out.push_back(stem.substr(0, stem.size() - 1));
  if (cvc(stem)) {
    out.push_back(stem + "e");
    out.push_back(stem);
  } else {
    out.push_back(stem);
    out.push_back(stem + "e");
  }
}

// A best guess when no candidate is a known lemma.
std::string guess(char pos, std::string_view xpos, const std::string& w) {
  if (pos == 'n' || xpos == "VBZ") {
    if (w.size() > 4 && ends_with(w, "ies")) return w.substr(0, w.size() - 3) + "y";
    for (std::string_view s : {"sses", "xes", "zes", "ches", "shes"})
      if (ends_with(w, s)) return w.substr(0, w.size() - 2);
    if (ends_with(w, "ss") || ends_with(w, "us") || ends_with(w, "is") || w.size() <= 3) return w;
    if (ends_with(w, "s")) return w.substr(0, w.size() - 1);
    return w;
  }
  std::string_view suffix;
  if (xpos == "VBD" || xpos == "VBN") suffix = "ed";
  if (xpos == "VBG") suffix = "ing";
  if (xpos == "JJR" || xpos == "RBR") suffix = "er";
  if (xpos == "JJS" || xpos == "RBS") suffix = "est";
  if (suffix.empty() || !ends_with(w, suffix) || w.size() < suffix.size() + 2) return w;
  std::string stem = w.substr(0, w.size() - suffix.size());
  if (suffix != "ing" && ends_with(stem, "i")) return stem.substr(0, stem.size() - 1) + "y";
  if (doubled(stem)) return stem.substr(0, stem.size() - 1);
  if (pos == 'v') {
    for (std::string_view e : {"v", "z", "at", "iz", "yz", "bl", "pl", "dl", "tl", "uc", "ur", "rg", "ng"})
      if (ends_with(stem, e) && !(e == "ng" && suffix == "ing")) return stem + "e";
    if (ends_with(stem, "c") || (ends_with(stem, "s") && !ends_with(stem, "ss"))) return stem + "e";
  }
  return stem;
}

}  // namespace

Lemmatizer::Lemmatizer() {
  keys_.assign(16, 0);
  values_.assign(16, 0);
  offsets_.assign(1, 0);
  known_.assign(16, 0);
}

std::string_view Lemmatizer::lookup(uint64_t key) const {
  const uint32_t mask = uint32_t(keys_.size() - 1);
  uint32_t slot = uint32_t(key) & mask;
  while (true) {
    const uint64_t k = keys_[slot];
    if (k == key) {
      const uint32_t v = values_[slot];
      return std::string_view(blob_.data() + offsets_[v], offsets_[v + 1] - offsets_[v]);
    }
    if (k == 0) return std::string_view(nullptr, 0);
    slot = (slot + 1) & mask;
  }
}

bool Lemmatizer::known(char pos, std::string_view lemma) const {
  const uint64_t key = key_hash('K', std::string_view(&pos, 1), lemma);
  const uint32_t mask = uint32_t(known_.size() - 1);
  uint32_t slot = uint32_t(key) & mask;
  while (true) {
    const uint64_t k = known_[slot];
    if (k == key) return true;
    if (k == 0) return false;
    slot = (slot + 1) & mask;
  }
}

std::string Lemmatizer::rules(std::string_view form, std::string_view upos, std::string_view xpos) const {
  if (form.empty()) return std::string();
  if (xpos == "CD" && form.find(',') != std::string_view::npos && !has_letter(form)) {
    std::string number;  // "12,000" -> "12000"
    for (char c : form)
      if (c != ',') number += c;
    return number;
  }
  if (xpos == "NNP" || xpos == "ADD" || upos == "PUNCT" || upos == "SYM" || !has_letter(form))
    return std::string(form);
  if (form.size() == 1 && form[0] >= 'A' && form[0] <= 'Z') return std::string(form);  // "X", "C"
  if (xpos == "NNPS") {
    // Keep the case; drop the plural: "Americans" -> "American", "Rockies" -> "Rocky".
    std::string lower;
    lower_into(form, lower);
    if (form.size() > 4 && ends_with(lower, "ies")) return std::string(form.substr(0, form.size() - 3)) + "y";
    if (form.size() > 3 && ends_with(lower, "s") && !ends_with(lower, "ss"))
      return std::string(form.substr(0, form.size() - 1));
    return std::string(form);
  }
  std::string w;
  lower_into(form, w);
  const char pos = inflected_pos(xpos);
  if (pos == 0) {
    if (all_caps(form) && xpos.starts_with("NN") && !known('n', w)) return std::string(form);  // "EPM"
    return w;
  }
  const char p[1] = {pos};
  if (const std::string_view e = lookup(key_hash('E', std::string_view(p, 1), w)); e.data() != nullptr)
    return std::string(e);
  thread_local std::vector<std::string> cands;
  candidates(pos, xpos, w, cands);
  for (const std::string& c : cands)
    if (known(pos, c)) return c;
  if (pos == 'n' && all_caps(form)) {
    // An acronym plural ("NGOs" is not all caps, but "CDS" may be an acronym): keep it.
    if (!known('n', w)) return std::string(form);
  }
  return guess(pos, xpos, w);
}

std::string Lemmatizer::lemma(std::string_view form, std::string_view upos, std::string_view xpos) const {
  thread_local std::string lower;
  lower_into(form, lower);
  if (const std::string_view l = lookup(key_hash('L', xpos, lower)); l.data() != nullptr)
    return std::string(l);
  return rules(form, upos, xpos);
}

void Lemmatizer::lemmatize(Sentence& sentence) const {
  for (Word& w : sentence.words) w.lemma = lemma(w.form, w.upos, w.xpos);
}

size_t Lemmatizer::lexicon_size() const {
  return size_t(std::count_if(keys_.begin(), keys_.end(), [](uint64_t k) { return k != 0; }));
}
size_t Lemmatizer::known_lemma_count() const {
  return size_t(std::count_if(known_.begin(), known_.end(), [](uint64_t k) { return k != 0; }));
}

std::string Lemmatizer::serialize() const {
  BinaryWriter w;
  w.put_raw(std::string_view(kMagic, 4));
  w.put<uint32_t>(kSectionVersion);
  w.put_array(keys_);
  w.put_array(values_);
  w.put_array(offsets_);
  w.put_array(blob_);
  w.put_array(known_);
  return w.take();
}

Lemmatizer Lemmatizer::deserialize(std::string_view bytes, const std::string& what) {
  BinaryReader r(bytes, what);
  auto bad = [&](const std::string& why) { return ModelFormatError(what + ": " + why); };
  read_section_header(r, std::string_view(kMagic, 4), kSectionVersion, "lemmatizer", what);
  Lemmatizer l;
  l.keys_ = r.get_array<uint64_t>();
  l.values_ = r.get_array<uint32_t>();
  l.offsets_ = r.get_array<uint32_t>();
  l.blob_ = r.get_array<char>();
  l.known_ = r.get_array<uint64_t>();
  if (!r.done()) throw bad("trailing bytes after the lemmatizer data");
  auto pow2_with_free_slot = [](const std::vector<uint64_t>& t) {
    return !t.empty() && (t.size() & (t.size() - 1)) == 0 && std::find(t.begin(), t.end(), 0u) != t.end();
  };
  if (!pow2_with_free_slot(l.keys_) || l.values_.size() != l.keys_.size() || !pow2_with_free_slot(l.known_))
    throw bad("inconsistent table sizes");
  if (l.offsets_.empty() || l.offsets_.front() != 0 || l.offsets_.back() != l.blob_.size() ||
      !std::is_sorted(l.offsets_.begin(), l.offsets_.end()))
    throw bad("inconsistent lemma strings");
  const uint32_t lemmas = uint32_t(l.offsets_.size() - 1);
  for (size_t s = 0; s < l.keys_.size(); ++s)
    if (l.keys_[s] != 0 && l.values_[s] >= lemmas)
      throw bad("lexicon entry names a lemma that does not exist");
  return l;
}

Lemmatizer Lemmatizer::load(const ModelFile& model, const std::string& path_for_message) {
  return deserialize(model.section(kLemmatizerSection, path_for_message),
                     path_for_message + ": section \"" + kLemmatizerSection + "\"");
}

namespace {

void build_table(const std::vector<std::pair<uint64_t, std::string>>& entries, std::vector<uint64_t>& keys,
                 std::vector<uint32_t>& values, std::vector<uint32_t>& offsets, std::vector<char>& blob) {
  std::map<std::string, uint32_t> ids;
  for (const auto& e : entries) ids.emplace(e.second, 0);
  offsets.assign(1, 0);
  blob.clear();
  uint32_t next = 0;
  for (auto& [s, id] : ids) {
    id = next++;
    blob.insert(blob.end(), s.begin(), s.end());
    offsets.push_back(uint32_t(blob.size()));
  }
  const uint32_t cap = capacity_for(entries.size());
  keys.assign(cap, 0);
  values.assign(cap, 0);
  for (const auto& [k, s] : entries) {
    uint32_t slot = uint32_t(k) & (cap - 1);
    while (keys[slot] != 0 && keys[slot] != k) slot = (slot + 1) & (cap - 1);
    keys[slot] = k;
    values[slot] = ids.at(s);
  }
}

std::vector<uint64_t> build_set(const std::set<uint64_t>& items) {
  const uint32_t cap = capacity_for(items.size());
  std::vector<uint64_t> t(cap, 0);
  for (uint64_t k : items) {
    uint32_t slot = uint32_t(k) & (cap - 1);
    while (t[slot] != 0) slot = (slot + 1) & (cap - 1);
    t[slot] = k;
  }
  return t;
}

}  // namespace

Lemmatizer train_lemmatizer(const std::vector<io::ConlluSentence>& train, const LemmatizerOptions& options) {
  std::vector<std::pair<uint64_t, std::string>> entries;  // 'E' then 'L'
  std::set<uint64_t> known;
  std::set<uint64_t> seen_keys;

  // WordNet: exception lists and the lemma index of each part of speech.
  const std::filesystem::path dir(options.wordnet_dir);
  const std::pair<const char*, char> files[] = {{"noun", 'n'}, {"verb", 'v'}, {"adj", 'a'}, {"adv", 'r'}};
  bool found_wordnet = true;
  for (const auto& [name, pos] : files) {
    const std::string p(1, pos);
    std::ifstream exc(dir / (std::string(name) + ".exc"));
    std::ifstream index(dir / (std::string("index.") + name));
    if (!exc || !index) {
      found_wordnet = false;
      continue;
    }
    std::string line;
    while (std::getline(exc, line)) {
      const size_t a = line.find(' ');
      if (a == std::string::npos) continue;
      const size_t b = line.find(' ', a + 1);
      const std::string form = line.substr(0, a);
      const std::string lemma = line.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
      if (form.find('_') != std::string::npos || lemma.empty()) continue;
      const uint64_t k = key_hash('E', p, form);
      if (seen_keys.insert(k).second) entries.emplace_back(k, lemma);
    }
    while (std::getline(index, line)) {
      if (line.empty() || line[0] == ' ') continue;  // licence header
      const std::string lemma = line.substr(0, line.find(' '));
      if (lemma.find('_') == std::string::npos) known.insert(key_hash('K', p, lemma));
    }
  }
  if (!found_wordnet && options.require_wordnet)
    throw std::runtime_error("train_lemmatizer: WordNet not found in " + options.wordnet_dir +
                             " (install the Debian package wordnet-base, e.g. with scripts/setup)");

  // Training lemmas of content words are known lemmas too.
  std::string lower;
  for (const auto& s : train)
    for (const auto& w : s.words) {
      const char pos = pos_letter(w.xpos);
      if (pos == 0 || w.lemma.empty() || w.lemma == "_") continue;
      lower_into(w.lemma, lower);
      known.insert(key_hash('K', std::string_view(&pos, 1), lower));
    }

  Lemmatizer l;
  build_table(entries, l.keys_, l.values_, l.offsets_, l.blob_);
  l.known_ = build_set(known);

  // The lexicon: for each (lower form, XPOS), the most frequent lemma, kept only where
  // it is right more often than the rules.
  struct Counts {
    std::map<std::string, uint32_t> lemmas;
    uint32_t rule_right = 0;
  };
  std::unordered_map<std::string, Counts> lexicon;
  for (const auto& s : train)
    for (const auto& w : s.words) {
      if (w.lemma.empty() || w.lemma == "_" || w.form.empty()) continue;
      lower_into(w.form, lower);
      Counts& c = lexicon[w.xpos + '\t' + lower];
      ++c.lemmas[w.lemma];
      c.rule_right += l.rules(w.form, w.upos, w.xpos) == w.lemma;
    }
  std::vector<std::string> keys_sorted;
  for (const auto& [k, c] : lexicon) keys_sorted.push_back(k);
  std::sort(keys_sorted.begin(), keys_sorted.end());
  for (const std::string& k : keys_sorted) {
    const Counts& c = lexicon.at(k);
    const auto best = std::max_element(c.lemmas.begin(), c.lemmas.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best->second <= c.rule_right) continue;
    const size_t tab = k.find('\t');
    const uint64_t key =
        key_hash('L', std::string_view(k).substr(0, tab), std::string_view(k).substr(tab + 1));
    if (seen_keys.insert(key).second) entries.emplace_back(key, best->first);
  }
  build_table(entries, l.keys_, l.values_, l.offsets_, l.blob_);
  return l;
}

void tag_and_lemmatize(const Tagger& tagger, const Lemmatizer& lemmatizer, Sentence& sentence) {
  tagger.tag(sentence);
  lemmatizer.lemmatize(sentence);
}

LemmaAccuracy evaluate_lemmatizer(const Lemmatizer& lemmatizer, const std::vector<io::ConlluSentence>& gold,
                                  const Tagger* tagger) {
  LemmaAccuracy acc;
  std::vector<std::string_view> forms;
  std::vector<uint16_t> classes;
  for (const auto& s : gold) {
    if (tagger) {
      forms.clear();
      for (const auto& w : s.words) forms.push_back(w.form);
      tagger->tag(forms, classes);
    }
    for (size_t i = 0; i < s.words.size(); ++i) {
      const auto& w = s.words[i];
      const std::string lemma =
          tagger ? lemmatizer.lemma(w.form, tagger->class_upos(classes[i]), tagger->class_xpos(classes[i]))
                 : lemmatizer.lemma(w.form, w.upos, w.xpos);
      ++acc.words;
      acc.correct += lemma == w.lemma;
    }
  }
  return acc;
}

}  // namespace dyad::nlp
