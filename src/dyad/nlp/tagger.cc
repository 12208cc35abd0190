#include "dyad/nlp/tagger.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "dyad/nlp/binary_io.h"

namespace dyad::nlp {
namespace {

constexpr char kMagic[] = "DYTG";
constexpr uint32_t kSectionVersion = 3;        // 2: WordNet lexicon, two-pass models; 3: closed classes
constexpr uint32_t kVersionWithoutClosed = 2;  // still read: no closed-class check

// ---------------------------------------------------------------------------
// Hashing. Every feature is one 64-bit hash of (template id, value hashes); word
// strings are hashed once per word, never rebuilt per feature.

inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb93fe53e4ec9ULL;
  x ^= x >> 33;
  return x;
}

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

inline uint64_t fnv_step(uint64_t h, unsigned char c) { return (h ^ c) * kFnvPrime; }

uint64_t hash_string(std::string_view s) {
  uint64_t h = kFnvOffset;
  for (unsigned char c : s) h = fnv_step(h, c);
  return mix64(h);
}

inline uint64_t feature(uint32_t tmpl, uint64_t a, uint64_t b = 0) {
  return mix64((a + uint64_t(tmpl) * 0xC2B2AE3D27D4EB4FULL) * 0x9E3779B97F4A7C15ULL + b);
}

enum Template : uint32_t {
  kBias = 1,
  kForm,
  kLower,
  kPrefix1,                 // .. kPrefix1 + 3
  kSuffix1 = kPrefix1 + 4,  // .. kSuffix1 + 3
  kShape = kSuffix1 + 4,
  kFlags,
  kPrevWord,
  kPrevSuffix3,
  kPrev2Word,
  kNextWord,
  kNextSuffix3,
  kNext2Word,
  kPrevWordWord,
  kWordNextWord,
  kNextShape,
  kPrevShape,
  kPrevNextWord,
  kNextSuffix1,
  kLexicon,  // WordNet parts of speech of the word and of its likely base forms
  kLexiconCase,
  kNextLexicon,
  kPrevTag,  // dynamic templates from here
  kPrev2Tag,
  kPrevTwoTags,
  kPrevTagWord,
  kPrevTagSuffix3,
  kPrevTagNextWord,
  kFirstTag,  // two-pass model: tags of the first pass
  kFirstNextTag,
  kFirstNext2Tag,
  kPrevTagFirstNextTag,
  kFirstNextTagWord,
  kPrevTagLexicon,
  kNameCase,  // two-pass model: WordNet's capitalisation of the word (WordInfo::name_case)
  kNameCaseFirstTag,
};
constexpr int kStaticFeatures = 28;
constexpr int kDynamicFeatures = 14;
constexpr int kMaxFeatures = kStaticFeatures + kDynamicFeatures;

enum Flag : uint32_t {
  kHasDigit = 1,
  kHasHyphen = 2,
  kHasUpper = 4,
  kAllUpper = 8,
  kFirst = 16,
  kHasLetter = 32,
  kInitialUpper = 64,
};

struct WordInfo {
  uint64_t form = 0, lower = 0, norm = 0, shape = 0;
  uint64_t prefix[4] = {0, 0, 0, 0}, suffix[4] = {0, 0, 0, 0};
  uint64_t base[2] = {0, 0};  // hashes of likely base forms ("forces" -> "forc", "force")
  uint32_t lexicon = 0;       // WordNet parts of speech (TaggerModel::fill_lexicon)
  // How WordNet writes the word (its data files keep names capitalised, "Paris",
  // "Microsoft"): bit 0 capitalised, bit 1 in lower case; 0 when it is not there.
  uint32_t name_case = 0;
  uint32_t flags = 0;
};

inline bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
inline unsigned char ascii_lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

void analyse(std::string_view form, bool first, WordInfo& w) {
  const auto* s = reinterpret_cast<const unsigned char*>(form.data());
  const size_t n = form.size();
  uint64_t hf = kFnvOffset, hl = kFnvOffset, hs = kFnvOffset;
  uint32_t flags = first ? uint32_t(kFirst) : 0u;
  bool all_upper = true;
  int cps = 0;
  unsigned char last1 = 0, last2 = 0;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = s[i];
    hf = fnv_step(hf, c);
    hl = fnv_step(hl, ascii_lower(c));
    unsigned char sc = 0;
    if (c >= 'A' && c <= 'Z') {
      sc = 'X';
      flags |= kHasUpper | kHasLetter;
      if (i == 0) flags |= kInitialUpper;
    } else if (c >= 'a' && c <= 'z') {
      sc = 'x';
      flags |= kHasLetter;
      all_upper = false;
    } else if (c >= '0' && c <= '9') {
      sc = 'd';
      flags |= kHasDigit;
    } else if (c < 0x80) {
      sc = c;
      if (c == '-') flags |= kHasHyphen;
    } else if (!is_continuation(c)) {
      sc = 'u';
    }
    if (sc && !(sc == last1 && sc == last2)) hs = fnv_step(hs, sc);
    if (sc) last2 = last1, last1 = sc;
    if (i + 1 == n || !is_continuation(s[i + 1])) {
      if (cps < 4) w.prefix[cps] = hl;
      ++cps;
    }
  }
  for (int k = cps; k < 4; ++k) w.prefix[k] = hl;
  // Suffixes: hash the lower-cased bytes backwards, recording each code-point boundary.
  uint64_t hb = kFnvOffset;
  int back = 0;
  for (size_t i = n; i-- > 0 && back < 4;) {
    hb = fnv_step(hb, ascii_lower(s[i]));
    if (!is_continuation(s[i])) w.suffix[back++] = mix64(hb);
  }
  for (int k = back; k < 4; ++k) w.suffix[k] = back ? w.suffix[back - 1] : 0;
  for (int k = 0; k < 4; ++k) w.prefix[k] = mix64(w.prefix[k]);
  if (all_upper && (flags & kHasLetter)) flags |= kAllUpper;
  // Likely base forms of an inflected word, hashed like `lower`.
  auto prefix = [&](size_t len) {
    uint64_t h = kFnvOffset;
    for (size_t i = 0; i < len; ++i) h = fnv_step(h, ascii_lower(s[i]));
    return h;
  };
  auto ends = [&](std::string_view suffix) {
    if (n < suffix.size() + 2) return false;
    for (size_t i = 0; i < suffix.size(); ++i)
      if (ascii_lower(s[n - suffix.size() + i]) != suffix[i]) return false;
    return true;
  };
  w.base[0] = w.base[1] = 0;
  if (ends("ies") || ends("ied")) {
    w.base[0] = mix64(fnv_step(prefix(n - 3), 'y'));
  } else if (ends("es") || ends("ed") || ends("er")) {
    w.base[0] = mix64(prefix(n - 2));
    w.base[1] = mix64(prefix(n - 1));
  } else if (ends("s") && !ends("ss")) {
    w.base[0] = mix64(prefix(n - 1));
  } else if (ends("ing")) {
    const uint64_t h = prefix(n - 3);
    w.base[0] = mix64(h);
    w.base[1] = mix64(fnv_step(h, 'e'));
  } else if (ends("est")) {
    w.base[0] = mix64(prefix(n - 3));
    w.base[1] = mix64(prefix(n - 2));
  } else if (ends("ly")) {
    w.base[0] = mix64(prefix(n - 2));
  }
  w.lexicon = 0;
  w.form = mix64(hf);
  w.lower = mix64(hl);
  w.shape = mix64(hs);
  // Context words are generalised: numbers become their shape.
  w.norm = ((flags & kHasDigit) && !(flags & kHasLetter)) ? w.shape : w.lower;
  w.flags = flags;
}

WordInfo sentinel(std::string_view name) {
  WordInfo w;
  const uint64_t h = hash_string(name);
  w.form = w.lower = w.norm = w.shape = h;
  for (auto& p : w.prefix) p = h;
  for (auto& p : w.suffix) p = h;
  w.flags = 0;
  return w;
}

const WordInfo& start1() {
  static const WordInfo w = sentinel("-START-");
  return w;
}
const WordInfo& start2() {
  static const WordInfo w = sentinel("-START2-");
  return w;
}
const WordInfo& end1() {
  static const WordInfo w = sentinel("-END-");
  return w;
}
const WordInfo& end2() {
  static const WordInfo w = sentinel("-END2-");
  return w;
}

// Fills `infos` with two sentinels, the words, two sentinels.
template <class FormAt>
void analyse_sentence(size_t n, FormAt form_at, std::vector<WordInfo>& infos) {
  infos.resize(n + 4);
  infos[0] = start2();
  infos[1] = start1();
  for (size_t i = 0; i < n; ++i) analyse(form_at(i), i == 0, infos[i + 2]);
  infos[n + 2] = end1();
  infos[n + 3] = end2();
}

// Features of word i (0-based; `infos` padded). Static ones first, then those that
// depend on the previous predicted tags.
inline int static_features(const std::vector<WordInfo>& infos, size_t i, uint64_t* f) {
  const WordInfo& w = infos[i + 2];
  const WordInfo& p1 = infos[i + 1];
  const WordInfo& p2 = infos[i];
  const WordInfo& n1 = infos[i + 3];
  const WordInfo& n2 = infos[i + 4];
  int k = 0;
  f[k++] = feature(kBias, 0);
  f[k++] = feature(kForm, w.form);
  f[k++] = feature(kLower, w.lower);
  for (uint32_t j = 0; j < 4; ++j) f[k++] = feature(kPrefix1 + j, w.prefix[j]);
  for (uint32_t j = 0; j < 4; ++j) f[k++] = feature(kSuffix1 + j, w.suffix[j]);
  f[k++] = feature(kShape, w.shape);
  f[k++] = feature(kFlags, w.flags);
  f[k++] = feature(kPrevWord, p1.norm);
  f[k++] = feature(kPrevSuffix3, p1.suffix[2]);
  f[k++] = feature(kPrev2Word, p2.norm);
  f[k++] = feature(kNextWord, n1.norm);
  f[k++] = feature(kNextSuffix3, n1.suffix[2]);
  f[k++] = feature(kNext2Word, n2.norm);
  f[k++] = feature(kPrevWordWord, p1.norm, w.lower);
  f[k++] = feature(kWordNextWord, w.lower, n1.norm);
  f[k++] = feature(kNextShape, n1.shape);
  f[k++] = feature(kPrevShape, p1.shape);
  f[k++] = feature(kPrevNextWord, p1.norm, n1.norm);
  f[k++] = feature(kNextSuffix1, n1.suffix[0]);
  f[k++] = feature(kLexicon, w.lexicon);
  f[k++] = feature(kLexiconCase, w.lexicon, w.flags & (kInitialUpper | kAllUpper | kFirst));
  f[k++] = feature(kNextLexicon, n1.lexicon);
  return k;
}

// Features of the first pass's classes `first` (two-pass model; padded with two
// end-of-sentence classes) that do not depend on the previous tags.
// WordNet's capitalisation is seen by the second pass only, so that the first pass, and
// the jackknifed tags the parser is trained on, do not depend on it.
constexpr int kFirstPassFeatures = 6;
inline int first_pass_features(const std::vector<WordInfo>& infos, size_t i, const uint16_t* first,
                               uint64_t* f) {
  const WordInfo& w = infos[i + 2];
  const uint32_t case_flags = w.flags & (kInitialUpper | kAllUpper | kFirst);
  f[0] = feature(kFirstTag, first[i]);
  f[1] = feature(kFirstNextTag, first[i + 1]);
  f[2] = feature(kFirstNext2Tag, first[i + 2]);
  f[3] = feature(kFirstNextTagWord, first[i + 1], w.lower);
  f[4] = feature(kNameCase, w.name_case, case_flags);
  f[5] = feature(kNameCaseFirstTag, w.name_case, uint64_t(first[i]) << 8 | case_flags);
  return kFirstPassFeatures;
}

// Features that depend on the previous predicted tags t1, t2 (and `first`, nullptr for
// a one-pass model).
inline int tag_features(const std::vector<WordInfo>& infos, size_t i, uint32_t t1, uint32_t t2,
                        const uint16_t* first, uint64_t* f) {
  const WordInfo& w = infos[i + 2];
  const WordInfo& n1 = infos[i + 3];
  int k = 0;
  f[k++] = feature(kPrevTag, t1);
  f[k++] = feature(kPrev2Tag, t2);
  f[k++] = feature(kPrevTwoTags, t1, t2);
  f[k++] = feature(kPrevTagWord, t1, w.lower);
  f[k++] = feature(kPrevTagSuffix3, t1, w.suffix[2]);
  f[k++] = feature(kPrevTagNextWord, t1, n1.norm);
  f[k++] = feature(kPrevTagLexicon, t1, w.lexicon);
  if (first) f[k++] = feature(kPrevTagFirstNextTag, t1, first[i + 1]);
  return k;
}

// All features that are not static_features.
inline int dynamic_features(const std::vector<WordInfo>& infos, size_t i, uint32_t t1, uint32_t t2,
                            const uint16_t* first, uint64_t* f) {
  int k = tag_features(infos, i, t1, t2, first, f);
  if (first) k += first_pass_features(infos, i, first, f + k);
  return k;
}

// scores[c] += weights[c] for c < n (signed and unsigned ints may alias).
inline void add_dense(int32_t* scores, const int32_t* weights, size_t n) {
  typedef int32_t v4 __attribute__((vector_size(16)));  // SSE2 on x86-64, plain code elsewhere
  size_t c = 0;
  for (; c + 4 <= n; c += 4) {
    v4 a, w;
    std::memcpy(&a, scores + c, sizeof a);
    std::memcpy(&w, weights + c, sizeof w);
    a += w;
    std::memcpy(scores + c, &a, sizeof a);
  }
  for (; c < n; ++c) scores[c] += weights[c];
}

uint32_t table_capacity(size_t n) {
  uint32_t cap = 16;
  while (cap < n * 2 + 1) cap *= 2;
  return cap;
}

}  // namespace

// ---------------------------------------------------------------------------
// The inference model: an open-addressing table from feature hash to a sparse row of
// (class, weight) entries, plus the tag dictionary. All bulk arrays.
class TaggerModel {
 public:
  std::vector<std::string> upos, xpos;  // per class
  uint32_t mask = 0;                    // slot count - 1 (a power of two minus one)
  // Per slot (and one sentinel after the last): fingerprint (hash >> 32 | 1, 0 = empty)
  // in the high 32 bits, the first entry of its row in the low 32 bits; a row ends
  // where the next slot's begins.
  std::vector<uint64_t> slots;
  // Per entry of a sparse row (fewer entries than classes): a fixed-point weight
  // (weight * scale) in the high 24 bits, the class in the low 8 bits. A dense row
  // has exactly one entry per class, in class order: the plain fixed-point weight.
  std::vector<uint32_t> entries;
  float scale = 1;  // fixed-point units per weight unit
  uint32_t dict_mask = 0;
  std::vector<uint64_t> dict_keys;  // form hash, 0 = empty
  std::vector<uint16_t> dict_classes;
  // A two-pass model: the first-pass model whose tags of the following words are features.
  std::unique_ptr<TaggerModel> first;
  // WordNet lexicon: lower-cased form hash -> parts of speech (bits 0-3: noun, verb,
  // adjective, adverb lemma; bits 4-7: an irregular inflected form of one).
  uint32_t lex_mask = 0;
  std::vector<uint64_t> lex_keys;  // 0 = empty
  std::vector<uint8_t> lex_bits;
  // Closed classes (determiners, prepositions, pronouns, conjunctions, ...): per class,
  // 1 when its XPOS is one, and the (lower-cased form, class) pairs of those classes
  // seen in training. A capitalised word never seen with a closed-class tag does not get
  // one: the closed classes of English are all in the training data, so an unseen name
  // tagged CC or DT (a sentence-initial "Arnor" as CC) is an error.
  std::vector<uint8_t> closed;  // per class; empty: no check
  uint32_t closed_mask = 0;
  std::vector<uint64_t> closed_keys;  // closed_key(), 0 = empty

  static uint64_t closed_key(uint64_t lower, uint32_t cls) {
    return (lower ^ (uint64_t(cls) + 1) * 0x9E3779B97F4A7C15ULL) | 1;
  }
  // Whether `cls` may tag a word whose lower-cased form hashes to `lower`.
  inline bool allowed(uint64_t lower, uint32_t cls) const {
    if (closed.empty() || !closed[cls]) return true;
    if (closed_keys.empty()) return false;
    const uint64_t key = closed_key(lower, cls);
    for (uint32_t slot = uint32_t(key) & closed_mask;; slot = (slot + 1) & closed_mask) {
      const uint64_t k = closed_keys[slot];
      if (k == key) return true;
      if (k == 0) return false;
    }
  }
  void build_closed(std::vector<uint8_t> closed_classes, const std::vector<uint64_t>& keys) {
    closed = std::move(closed_classes);
    closed_keys.clear();
    closed_mask = 0;
    if (keys.empty()) return;
    const uint32_t cap = table_capacity(keys.size());
    closed_mask = cap - 1;
    closed_keys.assign(cap, 0);
    for (uint64_t key : keys) {
      uint32_t slot = uint32_t(key) & closed_mask;
      while (closed_keys[slot] != 0 && closed_keys[slot] != key) slot = (slot + 1) & closed_mask;
      closed_keys[slot] = key;
    }
  }

  // The lexicon's key of a word's WordNet capitalisation (a second entry per word).
  static uint64_t name_case_key(uint64_t lower) { return mix64(lower ^ 0x6E616D6563617365ULL) | 1; }

  inline uint32_t lexicon_bits(uint64_t h) const {
    if (lex_keys.empty() || h == 0) return 0;
    const uint64_t key = h | 1;
    uint32_t slot = uint32_t(key) & lex_mask;
    while (true) {
      const uint64_t k = lex_keys[slot];
      if (k == key) return lex_bits[slot];
      if (k == 0) return 0;
      slot = (slot + 1) & lex_mask;
    }
  }
  // Sets WordInfo::lexicon: the word's own bits, and in bits 8-11 those of its base forms.
  void fill_lexicon(std::vector<WordInfo>& infos) const {
    if (lex_keys.empty()) return;
    for (size_t i = 2; i + 2 < infos.size(); ++i) {
      WordInfo& w = infos[i];
      w.lexicon = lexicon_bits(w.lower) | ((lexicon_bits(w.base[0]) | lexicon_bits(w.base[1])) & 0xFu) << 8;
      w.name_case = lexicon_bits(name_case_key(w.lower)) & 3u;
    }
  }
  void build_lexicon(const std::vector<std::pair<uint64_t, uint8_t>>& entries) {
    lex_keys.clear();
    lex_bits.clear();
    lex_mask = 0;
    if (entries.empty()) return;
    const uint32_t cap = table_capacity(entries.size());
    lex_mask = cap - 1;
    lex_keys.assign(cap, 0);
    lex_bits.assign(cap, 0);
    for (const auto& [h, b] : entries) {
      uint32_t slot = uint32_t(h) & lex_mask;
      while (lex_keys[slot] != 0) slot = (slot + 1) & lex_mask;
      lex_keys[slot] = h;
      lex_bits[slot] = b;
    }
  }

  size_t class_count() const { return upos.size(); }

  inline void prefetch(uint64_t h) const { __builtin_prefetch(&slots[uint32_t(h) & mask]); }

  // The entries [b, e) of feature h's row; b == e when it has none.
  inline void row(uint64_t h, uint32_t& b, uint32_t& e) const {
    const uint32_t fp = uint32_t(h >> 32) | 1u;
    uint32_t slot = uint32_t(h) & mask;
    while (true) {
      const uint64_t v = slots[slot];
      const uint32_t k = uint32_t(v >> 32);
      if (k == fp) break;
      if (k == 0) {
        b = e = 0;
        return;
      }
      slot = (slot + 1) & mask;
    }
    b = uint32_t(slots[slot]);
    e = uint32_t(slots[slot + 1]);
  }
  // Adds the row of feature h (if any) to the fixed-point scores.
  inline void add(uint64_t h, int32_t* scores) const {
    uint32_t b, e;
    row(h, b, e);
    add_row(b, e, scores);
  }
  inline void add_row(uint32_t b, uint32_t e, int32_t* scores) const {
    const uint32_t* x = entries.data() + b;
    if (e - b == upos.size()) {
      // Dense row: one weight per class, in class order.
      add_dense(scores, reinterpret_cast<const int32_t*>(x), e - b);
      return;
    }
    for (uint32_t j = 0; j < e - b; ++j) scores[x[j] & 0xFF] += static_cast<int32_t>(x[j]) >> 8;
  }
  inline int dict_lookup(uint64_t form_hash) const {
    if (dict_keys.empty()) return -1;
    uint32_t slot = uint32_t(form_hash) & dict_mask;
    while (true) {
      const uint64_t k = dict_keys[slot];
      if (k == form_hash) return dict_classes[slot];
      if (k == 0) return -1;
      slot = (slot + 1) & dict_mask;
    }
  }

  // Builds the table from (feature hash -> sparse row of (class, weight)).
  void build(const std::vector<std::pair<uint64_t, std::vector<std::pair<uint8_t, float>>>>& rows) {
    const uint32_t cap = table_capacity(rows.size());
    mask = cap - 1;
    std::vector<uint32_t> keys(cap, 0);
    std::vector<int32_t> row_of(cap, -1);
    float max_abs = 0;
    for (size_t r = 0; r < rows.size(); ++r) {
      const uint64_t h = rows[r].first;
      uint32_t slot = uint32_t(h) & mask;
      while (keys[slot] != 0) slot = (slot + 1) & mask;
      keys[slot] = uint32_t(h >> 32) | 1u;
      row_of[slot] = int32_t(r);
      for (const auto& cw : rows[r].second) max_abs = std::max(max_abs, std::fabs(cw.second));
    }
    // 24-bit signed fixed point; with at most kMaxFeatures rows summed the int32
    // scores cannot overflow.
    scale = max_abs > 0 ? float((1 << 23) - 1) / max_abs : 1.0f;
    slots.assign(cap + 1, 0);
    entries.clear();
    for (uint32_t s = 0; s < cap; ++s) {
      slots[s] = (uint64_t(keys[s]) << 32) | entries.size();
      if (row_of[s] < 0) continue;
      const auto& row = rows[row_of[s]].second;
      if (row.size() * 3 >= class_count()) {
        // Dense: every class, plain fixed-point weights.
        const size_t first = entries.size();
        entries.resize(first + class_count(), 0);
        for (const auto& [c, w] : row)
          entries[first + c] = static_cast<uint32_t>(int32_t(std::lround(w * scale)));
        continue;
      }
      for (const auto& [c, w] : row) {
        const int32_t q = int32_t(std::lround(w * scale));
        if (q != 0) entries.push_back((static_cast<uint32_t>(q) << 8) | c);
      }
    }
    slots[cap] = entries.size();
  }

  void build_dictionary(const std::vector<std::pair<uint64_t, uint16_t>>& dict) {
    dict_keys.clear();
    dict_classes.clear();
    dict_mask = 0;
    if (dict.empty()) return;
    const uint32_t cap = table_capacity(dict.size());
    dict_mask = cap - 1;
    dict_keys.assign(cap, 0);
    dict_classes.assign(cap, 0);
    for (const auto& [h, c] : dict) {
      uint32_t slot = uint32_t(h) & dict_mask;
      while (dict_keys[slot] != 0) slot = (slot + 1) & dict_mask;
      dict_keys[slot] = h;
      dict_classes[slot] = c;
    }
  }
};

namespace {

struct Scratch {
  std::vector<WordInfo> infos;
  std::vector<int32_t> scores;
  std::vector<uint64_t> features;      // static features, kStaticFeatures per word
  std::vector<uint16_t> first;         // first-pass classes
  std::vector<int> dict;               // per word: class from the tag dictionary, or -1
  std::vector<uint32_t> rows;          // located rows of a block's static features
  std::vector<int32_t> static_scores;  // per word: scores of its static features
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// Greedy decoding of one analysed sentence with one model. The static features do
// not depend on the tags, so their scores are computed first, a block of words at a
// time: all table slots of the block are prefetched, then all rows located (and their
// entries prefetched), then added up, so that the memory accesses of many features
// overlap. The greedy left-to-right pass then adds only the tag-dependent features.
void decode_pass(const TaggerModel& m, bool use_dict, size_t n, Scratch& sc, const uint16_t* first,
                 uint16_t* out) {
  constexpr size_t kBlock = 16;
  const size_t nc = m.class_count();
  const int per_word = kStaticFeatures + (first ? kFirstPassFeatures : 0);  // scored up front
  sc.dict.resize(n);
  sc.features.resize(n * size_t(per_word));
  sc.rows.resize(kBlock * size_t(per_word) * 2);
  sc.static_scores.resize(n * nc);
  sc.scores.resize(nc);
  uint64_t* fs = sc.features.data();
  uint32_t* rows = sc.rows.data();
  for (size_t start = 0; start < n; start += kBlock) {
    const size_t end = std::min(n, start + kBlock);
    for (size_t i = start; i < end; ++i) {
      sc.dict[i] = use_dict ? m.dict_lookup(sc.infos[i + 2].form | 1) : -1;
      if (sc.dict[i] >= 0) continue;
      uint64_t* f = fs + i * size_t(per_word);
      static_features(sc.infos, i, f);
      if (first) first_pass_features(sc.infos, i, first, f + kStaticFeatures);
      for (int j = 0; j < per_word; ++j) m.prefetch(f[j]);
    }
    for (size_t i = start; i < end; ++i) {
      if (sc.dict[i] >= 0) continue;
      const uint64_t* f = fs + i * size_t(per_word);
      uint32_t* r = rows + (i - start) * size_t(per_word) * 2;
      for (int j = 0; j < per_word; ++j) {
        m.row(f[j], r[2 * j], r[2 * j + 1]);
        __builtin_prefetch(m.entries.data() + r[2 * j]);
      }
    }
    for (size_t i = start; i < end; ++i) {
      if (sc.dict[i] >= 0) continue;
      int32_t* scores = sc.static_scores.data() + i * nc;
      std::fill(scores, scores + nc, 0);
      const uint32_t* r = rows + (i - start) * size_t(per_word) * 2;
      for (int j = 0; j < per_word; ++j) m.add_row(r[2 * j], r[2 * j + 1], scores);
    }
  }
  int32_t* scores = sc.scores.data();
  uint64_t dyn[kDynamicFeatures];
  uint32_t t1 = uint32_t(nc), t2 = uint32_t(nc) + 1;  // start-of-sentence tags
  for (size_t i = 0; i < n; ++i) {
    int cls = sc.dict[i];
    if (cls < 0) {
      const int k = tag_features(sc.infos, i, t1, t2, first, dyn);
      std::copy_n(sc.static_scores.data() + i * nc, nc, scores);
      for (int j = 0; j < k; ++j) m.add(dyn[j], scores);
      cls = int(std::max_element(scores, scores + nc) - scores);
      // Only capitalised words: lower-case web spellings ("cuz", "u") do take closed
      // classes unseen (on EWT dev, checking every word loses 0.02 XPOS points).
      const uint64_t lower = sc.infos[i + 2].lower;
      if ((sc.infos[i + 2].flags & kInitialUpper) && !m.allowed(lower, uint32_t(cls))) {
        cls = -1;
        for (size_t c = 0; c < nc; ++c)
          if (m.allowed(lower, uint32_t(c)) && (cls < 0 || scores[c] > scores[size_t(cls)])) cls = int(c);
      }
    }
    out[i] = uint16_t(cls);
    t2 = t1;
    t1 = uint32_t(cls);
  }
}

// Runs the first pass (if any) into sc.first, padded with two end classes.
void first_pass(const TaggerModel& m, bool use_dict, size_t n, Scratch& sc) {
  const uint16_t nc = uint16_t(m.class_count());
  sc.first.resize(n + 2);
  decode_pass(*m.first, use_dict, n, sc, nullptr, sc.first.data());
  sc.first[n] = nc;
  sc.first[n + 1] = uint16_t(nc + 1);
}

template <class FormAt>
void decode(const TaggerModel& m, bool use_dict, bool first_pass_only, size_t n, FormAt form_at,
            uint16_t* out) {
  Scratch& sc = scratch();
  analyse_sentence(n, form_at, sc.infos);
  m.fill_lexicon(sc.infos);
  if (m.first && first_pass_only) {
    decode_pass(*m.first, use_dict, n, sc, nullptr, out);
  } else if (m.first) {
    first_pass(m, use_dict, n, sc);
    decode_pass(m, use_dict, n, sc, sc.first.data(), out);
  } else {
    decode_pass(m, use_dict, n, sc, nullptr, out);
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Tagger

Tagger::Tagger() : model_(std::make_unique<TaggerModel>()) {
  model_->upos = {"X"};
  model_->xpos = {"_"};
  model_->build_dictionary({});
  model_->build({});
}
Tagger::Tagger(std::unique_ptr<TaggerModel> model) : model_(std::move(model)) {}
Tagger::~Tagger() = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;

bool Tagger::two_pass() const { return model_->first != nullptr; }

size_t Tagger::class_count() const { return model_->class_count(); }
const std::string& Tagger::class_upos(uint16_t cls) const { return model_->upos.at(cls); }
const std::string& Tagger::class_xpos(uint16_t cls) const { return model_->xpos.at(cls); }
size_t Tagger::feature_count() const {
  return size_t(std::count_if(model_->slots.begin(), model_->slots.end() - 1,
                              [](uint64_t v) { return (v >> 32) != 0; }));
}

void Tagger::tag(const std::vector<std::string_view>& forms, std::vector<uint16_t>& classes) const {
  classes.resize(forms.size());
  if (forms.empty()) return;
  decode(
      *model_, use_tag_dictionary_, first_pass_only_, forms.size(), [&](size_t i) { return forms[i]; },
      classes.data());
}

void Tagger::tag(Sentence& sentence) const {
  const size_t n = sentence.words.size();
  if (n == 0) return;
  thread_local std::vector<uint16_t> classes;
  classes.resize(n);
  decode(
      *model_, use_tag_dictionary_, first_pass_only_, n,
      [&](size_t i) { return std::string_view(sentence.words[i].form); }, classes.data());
  for (size_t i = 0; i < n; ++i) {
    sentence.words[i].upos = model_->upos[classes[i]];
    sentence.words[i].xpos = model_->xpos[classes[i]];
  }
}

namespace {

void write_model(BinaryWriter& w, const TaggerModel& m) {
  w.put<uint32_t>(uint32_t(m.class_count()));
  for (size_t c = 0; c < m.class_count(); ++c) {
    w.put_string(m.upos[c]);
    w.put_string(m.xpos[c]);
  }
  w.put<uint32_t>(m.mask);
  w.put<float>(m.scale);
  w.put_array(m.slots);
  w.put_array(m.entries);
  w.put<uint32_t>(m.dict_mask);
  w.put_array(m.dict_keys);
  w.put_array(m.dict_classes);
  w.put<uint32_t>(m.lex_mask);
  w.put_array(m.lex_keys);
  w.put_array(m.lex_bits);
  w.put_array(m.closed);
  w.put<uint32_t>(m.closed_mask);
  w.put_array(m.closed_keys);
}

template <class Bad>
std::unique_ptr<TaggerModel> read_model(BinaryReader& r, uint32_t version, const Bad& bad) {
  auto m = std::make_unique<TaggerModel>();
  const uint32_t nc = r.get<uint32_t>();
  if (nc == 0 || nc > 255) throw bad("bad class count " + std::to_string(nc));
  for (uint32_t c = 0; c < nc; ++c) {
    m->upos.push_back(r.get_string());
    m->xpos.push_back(r.get_string());
  }
  m->mask = r.get<uint32_t>();
  m->scale = r.get<float>();
  m->slots = r.get_array<uint64_t>();
  m->entries = r.get_array<uint32_t>();
  m->dict_mask = r.get<uint32_t>();
  m->dict_keys = r.get_array<uint64_t>();
  m->dict_classes = r.get_array<uint16_t>();
  m->lex_mask = r.get<uint32_t>();
  m->lex_keys = r.get_array<uint64_t>();
  m->lex_bits = r.get_array<uint8_t>();
  if (version > kVersionWithoutClosed) {
    m->closed = r.get_array<uint8_t>();
    m->closed_mask = r.get<uint32_t>();
    m->closed_keys = r.get_array<uint64_t>();
    if (!m->closed.empty() && m->closed.size() != nc)
      throw bad("closed-class list does not match the classes");
    if (!m->closed_keys.empty()) {
      const size_t ccap = size_t(m->closed_mask) + 1;
      if ((ccap & m->closed_mask) != 0 || m->closed_keys.size() != ccap ||
          std::find(m->closed_keys.begin(), m->closed_keys.end(), 0u) == m->closed_keys.end())
        throw bad("inconsistent closed-class table sizes");
    }
  }
  if (!m->lex_keys.empty()) {
    const size_t lcap = size_t(m->lex_mask) + 1;
    if ((lcap & m->lex_mask) != 0 || m->lex_keys.size() != lcap || m->lex_bits.size() != lcap ||
        std::find(m->lex_keys.begin(), m->lex_keys.end(), 0u) == m->lex_keys.end())
      throw bad("inconsistent lexicon sizes");
  } else if (!m->lex_bits.empty()) {
    throw bad("inconsistent lexicon sizes");
  }
  const size_t cap = size_t(m->mask) + 1;
  if ((cap & m->mask) != 0 || m->slots.size() != cap + 1) throw bad("inconsistent weight table sizes");
  bool free_slot = false;
  uint32_t previous = 0;
  for (size_t i = 0; i <= cap; ++i) {
    const uint32_t start = uint32_t(m->slots[i]);
    if (start < previous) throw bad("inconsistent weight rows");
    previous = start;
    if (i < cap && (m->slots[i] >> 32) == 0) free_slot = true;
  }
  if (!free_slot) throw bad("weight table has no free slot");
  if (uint32_t(m->slots.front()) != 0 || uint32_t(m->slots.back()) != m->entries.size())
    throw bad("inconsistent weight rows");
  for (size_t i = 0; i < cap; ++i) {
    const uint32_t b = uint32_t(m->slots[i]), e = uint32_t(m->slots[i + 1]);
    if (e - b == nc) continue;  // dense
    for (uint32_t j = b; j < e; ++j)
      if ((m->entries[j] & 0xFF) >= nc) throw bad("weight row names a class that does not exist");
  }
  if (!m->dict_keys.empty()) {
    const size_t dcap = size_t(m->dict_mask) + 1;
    if ((dcap & m->dict_mask) != 0 || m->dict_keys.size() != dcap || m->dict_classes.size() != dcap ||
        std::find(m->dict_keys.begin(), m->dict_keys.end(), 0u) == m->dict_keys.end())
      throw bad("inconsistent tag dictionary sizes");
    if (*std::max_element(m->dict_classes.begin(), m->dict_classes.end()) >= nc)
      throw bad("tag dictionary names a class that does not exist");
  } else if (!m->dict_classes.empty()) {
    throw bad("inconsistent tag dictionary sizes");
  }
  return m;
}

}  // namespace

std::string Tagger::serialize() const {
  BinaryWriter w;
  w.put_raw(std::string_view(kMagic, 4));
  w.put<uint32_t>(kSectionVersion);
  w.put<uint32_t>(model_->first ? 2 : 1);  // passes
  if (model_->first) write_model(w, *model_->first);
  write_model(w, *model_);
  return w.take();
}

Tagger Tagger::deserialize(std::string_view bytes, const std::string& what) {
  BinaryReader r(bytes, what);
  auto bad = [&](const std::string& why) { return ModelFormatError(what + ": " + why); };
  if (r.get_bytes(4) != std::string_view(kMagic, 4)) throw bad("not a tagger section (bad magic)");
  const uint32_t version = r.get<uint32_t>();
  if (version != kSectionVersion && version != kVersionWithoutClosed)
    throw bad("tagger section version " + std::to_string(version) + ", this dyad reads versions " +
              std::to_string(kVersionWithoutClosed) + " and " + std::to_string(kSectionVersion) +
              " (retrain the model)");
  const uint32_t passes = r.get<uint32_t>();
  if (passes != 1 && passes != 2) throw bad("bad pass count " + std::to_string(passes));
  std::unique_ptr<TaggerModel> first;
  if (passes == 2) first = read_model(r, version, bad);
  std::unique_ptr<TaggerModel> m = read_model(r, version, bad);
  if (!r.done()) throw bad("trailing bytes after the tagger data");
  if (first && first->class_count() != m->class_count()) throw bad("the two passes have different classes");
  m->first = std::move(first);
  return Tagger(std::move(m));
}

Tagger Tagger::load(const ModelFile& model, const std::string& path_for_message) {
  return deserialize(model.section(kTaggerSection, path_for_message),
                     path_for_message + ": section \"" + kTaggerSection + "\"");
}

TaggerAccuracy evaluate_tagger(const Tagger& tagger, const std::vector<io::ConlluSentence>& gold) {
  TaggerAccuracy acc;
  std::vector<std::string_view> forms;
  std::vector<uint16_t> classes;
  for (const auto& s : gold) {
    forms.clear();
    for (const auto& w : s.words) forms.push_back(w.form);
    tagger.tag(forms, classes);
    for (size_t i = 0; i < s.words.size(); ++i) {
      const bool u = tagger.class_upos(classes[i]) == s.words[i].upos;
      const bool x = tagger.class_xpos(classes[i]) == s.words[i].xpos;
      ++acc.words;
      acc.upos += u;
      acc.xpos += x;
      acc.joint += u && x;
    }
  }
  return acc;
}

// ---------------------------------------------------------------------------
// Training: an averaged perceptron with lazily averaged sparse weights.

namespace {

struct Param {
  uint8_t cls;
  uint32_t stamp;  // instance count at the last change of `weight`
  float weight;
  double total;  // sum of `weight` over instances up to `stamp`
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(size_t classes) : classes_(classes) {}

  void score(const uint64_t* f, int k, float* scores) const {
    std::fill(scores, scores + classes_, 0.0f);
    for (int j = 0; j < k; ++j) {
      const auto it = index_.find(f[j]);
      if (it == index_.end()) continue;
      for (const Param& p : rows_[it->second]) scores[p.cls] += p.weight;
    }
  }

  void update(const uint64_t* f, int k, uint8_t truth, uint8_t guess) {
    for (int j = 0; j < k; ++j) {
      auto [it, inserted] = index_.try_emplace(f[j], uint32_t(rows_.size()));
      if (inserted) rows_.emplace_back();
      std::vector<Param>& row = rows_[it->second];
      change(row, truth, 1.0f);
      change(row, guess, -1.0f);
    }
  }

  void tick() { ++now_; }

  // The averaged weights with |w| >= threshold, as sparse rows.
  std::vector<std::pair<uint64_t, std::vector<std::pair<uint8_t, float>>>> averaged(float threshold) const {
    std::vector<std::pair<uint64_t, std::vector<std::pair<uint8_t, float>>>> out;
    const double now = std::max<double>(1.0, now_);
    for (const auto& [h, r] : index_) {
      std::vector<std::pair<uint8_t, float>> row;
      for (const Param& p : rows_[r]) {
        const double avg = (p.total + double(now_ - p.stamp) * p.weight) / now;
        if (std::fabs(avg) >= threshold) row.emplace_back(p.cls, float(avg));
      }
      if (!row.empty()) {
        std::sort(row.begin(), row.end());
        out.emplace_back(h, std::move(row));
      }
    }
    // Deterministic table layout regardless of hash-map iteration order.
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
  }

 private:
  void change(std::vector<Param>& row, uint8_t cls, float delta) {
    for (Param& p : row) {
      if (p.cls == cls) {
        p.total += double(now_ - p.stamp) * p.weight;
        p.stamp = now_;
        p.weight += delta;
        return;
      }
    }
    row.push_back(Param{cls, now_, delta, 0.0});
  }

  size_t classes_;
  uint32_t now_ = 0;
  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<std::vector<Param>> rows_;
};

}  // namespace

namespace {

struct PassData {
  std::vector<const io::ConlluSentence*> sentences;
  std::vector<const std::vector<uint8_t>*> gold;
  std::vector<const std::vector<uint16_t>*> first;  // padded first-pass classes (two-pass only)
};

std::unique_ptr<TaggerModel> empty_like(const TaggerModel& base) {
  auto m = std::make_unique<TaggerModel>();
  m->upos = base.upos;
  m->xpos = base.xpos;
  m->dict_mask = base.dict_mask;
  m->dict_keys = base.dict_keys;
  m->dict_classes = base.dict_classes;
  m->lex_mask = base.lex_mask;
  m->lex_keys = base.lex_keys;
  m->lex_bits = base.lex_bits;
  return m;
}

// Tags `s` with one pass of `m` (and the given first-pass classes) into `out`.
void tag_pass(const TaggerModel& m, const io::ConlluSentence& s, const uint16_t* first, Scratch& sc,
              std::vector<uint16_t>& out) {
  const size_t n = s.words.size();
  out.resize(n + 2);
  analyse_sentence(
      n, [&](size_t i) { return std::string_view(s.words[i].form); }, sc.infos);
  m.fill_lexicon(sc.infos);
  decode_pass(m, true, n, sc, first, out.data());
  out[n] = uint16_t(m.class_count());
  out[n + 1] = uint16_t(m.class_count() + 1);
}

// Trains one pass; returns the averaged model of the best epoch on `dev`.
std::unique_ptr<TaggerModel> train_pass(const TaggerModel& base, const PassData& data,
                                        const std::vector<io::ConlluSentence>& dev,
                                        const std::vector<std::vector<uint16_t>>* dev_first,
                                        const TaggerOptions& options, int epochs, uint64_t seed, int pass,
                                        int fold, const std::function<void(const TaggerEpoch&)>& progress) {
  const size_t nc = base.class_count();
  PerceptronTrainer trainer(nc);
  std::vector<size_t> order(data.sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(seed);
  std::vector<WordInfo> infos;
  std::vector<float> scores(nc);
  uint64_t f[kMaxFeatures];
  double best_dev = -1;
  std::unique_ptr<TaggerModel> best;
  Scratch sc;
  std::vector<uint16_t> predicted;

  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct = 0, total = 0;
    for (size_t s : order) {
      const auto& words = data.sentences[s]->words;
      const std::vector<uint8_t>& gold = *data.gold[s];
      const uint16_t* first = data.first.empty() ? nullptr : data.first[s]->data();
      analyse_sentence(
          words.size(), [&](size_t i) { return std::string_view(words[i].form); }, infos);
      base.fill_lexicon(infos);
      uint32_t t1 = uint32_t(nc), t2 = uint32_t(nc) + 1;
      for (size_t i = 0; i < words.size(); ++i) {
        int k = static_features(infos, i, f);
        k += dynamic_features(infos, i, t1, t2, first, f + k);
        trainer.score(f, k, scores.data());
        const uint8_t guess = uint8_t(std::max_element(scores.begin(), scores.end()) - scores.begin());
        const uint8_t truth = gold[i];
        if (guess != truth) trainer.update(f, k, truth, guess);
        trainer.tick();
        correct += guess == truth;
        ++total;
        t2 = t1;
        t1 = guess;
      }
    }

    auto snapshot = empty_like(base);
    auto rows = trainer.averaged(options.prune_threshold);
    snapshot->build(rows);

    TaggerEpoch report;
    report.pass = pass;
    report.fold = fold;
    report.epoch = epoch;
    report.train_accuracy = total ? double(correct) / double(total) : 0;
    report.features = rows.size();
    double score = epoch;  // without dev data the last epoch wins
    if (!dev.empty()) {
      TaggerAccuracy acc;
      for (size_t d = 0; d < dev.size(); ++d) {
        tag_pass(*snapshot, dev[d], dev_first ? (*dev_first)[d].data() : nullptr, sc, predicted);
        for (size_t i = 0; i < dev[d].words.size(); ++i) {
          const bool u = snapshot->upos[predicted[i]] == dev[d].words[i].upos;
          const bool x = snapshot->xpos[predicted[i]] == dev[d].words[i].xpos;
          ++acc.words;
          acc.upos += u;
          acc.xpos += x;
          acc.joint += u && x;
        }
      }
      report.dev_upos = acc.upos_rate();
      report.dev_xpos = acc.xpos_rate();
      report.dev_joint = acc.joint_rate();
      score = report.dev_joint;
    }
    if (score > best_dev) {
      best_dev = score;
      best = std::move(snapshot);
      report.best = true;
    }
    if (progress) progress(report);
  }
  if (!best) {  // zero epochs
    best = empty_like(base);
    best->build(trainer.averaged(options.prune_threshold));
  }
  return best;
}

}  // namespace

Tagger train_tagger(const std::vector<io::ConlluSentence>& train, const std::vector<io::ConlluSentence>& dev,
                    const TaggerOptions& options, const std::function<void(const TaggerEpoch&)>& progress) {
  // Classes: (UPOS, XPOS) pairs in order of first appearance.
  auto base = std::make_unique<TaggerModel>();
  std::map<std::pair<std::string, std::string>, uint16_t> class_of;
  std::vector<std::vector<uint8_t>> gold(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    for (const auto& w : train[s].words) {
      auto [it, inserted] = class_of.try_emplace({w.upos, w.xpos}, uint16_t(class_of.size()));
      if (inserted) {
        if (class_of.size() > 255)
          throw std::runtime_error("train_tagger: more than 255 (UPOS, XPOS) classes");
        base->upos.push_back(w.upos);
        base->xpos.push_back(w.xpos);
      }
      gold[s].push_back(uint8_t(it->second));
    }
  }
  if (class_of.empty()) throw std::runtime_error("train_tagger: the training data has no words");
  const size_t nc = class_of.size();

  // Tag dictionary: frequent words that (nearly) always had one class.
  {
    std::unordered_map<std::string, std::vector<uint32_t>> counts;
    for (size_t s = 0; s < train.size(); ++s)
      for (size_t i = 0; i < train[s].words.size(); ++i) {
        auto& c = counts[train[s].words[i].form];
        if (c.empty()) c.assign(nc, 0);
        ++c[gold[s][i]];
      }
    std::vector<std::pair<uint64_t, uint16_t>> entries;
    for (const auto& [form, c] : counts) {
      const uint32_t total = std::accumulate(c.begin(), c.end(), 0u);
      const auto best = std::max_element(c.begin(), c.end());
      if (total >= uint32_t(options.tag_dictionary_min_count) &&
          double(*best) >= options.tag_dictionary_purity * double(total))
        entries.emplace_back(hash_string(form) | 1, uint16_t(best - c.begin()));
    }
    std::sort(entries.begin(), entries.end());
    base->build_dictionary(entries);
  }

  // Closed-class words seen in training.
  {
    static const std::set<std::string> kClosedXpos = {"CC",   "DT", "EX", "IN",  "MD", "PDT", "POS", "PRP",
                                                      "PRP$", "RP", "TO", "WDT", "WP", "WP$", "WRB"};
    std::vector<uint8_t> closed(nc, 0);
    for (size_t c = 0; c < nc; ++c) closed[c] = kClosedXpos.count(base->xpos[c]) ? 1 : 0;
    std::vector<uint64_t> keys;
    for (size_t s = 0; s < train.size(); ++s)
      for (size_t i = 0; i < train[s].words.size(); ++i)
        if (closed[gold[s][i]]) {
          std::string lower = train[s].words[i].form;
          for (char& ch : lower) ch = char(ascii_lower(static_cast<unsigned char>(ch)));
          keys.push_back(TaggerModel::closed_key(hash_string(lower), gold[s][i]));
        }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    base->build_closed(std::move(closed), keys);
  }

  // WordNet lexicon (optional).
  {
    std::unordered_map<uint64_t, uint8_t> bits;
    const std::pair<const char*, uint8_t> files[] = {{"noun", 1}, {"verb", 2}, {"adj", 4}, {"adv", 8}};
    const std::filesystem::path dir(options.wordnet_dir);
    std::string line;
    for (const auto& [name, bit] : files) {
      std::ifstream index(dir / (std::string("index.") + name));
      while (std::getline(index, line)) {
        if (line.empty() || line[0] == ' ') continue;  // licence header
        const std::string lemma = line.substr(0, line.find(' '));
        if (lemma.find('_') == std::string::npos) bits[hash_string(lemma) | 1] |= bit;
      }
      std::ifstream exc(dir / (std::string(name) + ".exc"));
      while (std::getline(exc, line)) {
        const std::string form = line.substr(0, line.find(' '));
        if (!form.empty() && form.find('_') == std::string::npos)
          bits[hash_string(form) | 1] |= uint8_t(bit << 4);
      }
      // data.*: "offset lex_filenum ss_type w_cnt word lex_id ...", words in their case.
      std::ifstream data(dir / (std::string("data.") + name));
      while (std::getline(data, line)) {
        if (line.empty() || line[0] == ' ') continue;  // licence header
        std::istringstream fields(line);
        std::string offset, file, type, count_hex, word, lex_id;
        fields >> offset >> file >> type >> count_hex;
        const unsigned long count = std::strtoul(count_hex.c_str(), nullptr, 16);
        for (unsigned long k = 0; k < count && fields >> word >> lex_id; ++k) {
          if (const size_t paren = word.find('('); paren != std::string::npos) word.resize(paren);  // "(a)"
          if (word.empty() || word.find('_') != std::string::npos) continue;
          const bool capitalised = word[0] >= 'A' && word[0] <= 'Z';
          for (char& ch : word) ch = char(ascii_lower(static_cast<unsigned char>(ch)));
          bits[TaggerModel::name_case_key(hash_string(word))] |= capitalised ? 1 : 2;
        }
      }
    }
    std::vector<std::pair<uint64_t, uint8_t>> entries(bits.begin(), bits.end());
    std::sort(entries.begin(), entries.end());
    base->build_lexicon(entries);
  }

  PassData all;
  for (size_t s = 0; s < train.size(); ++s) {
    all.sentences.push_back(&train[s]);
    all.gold.push_back(&gold[s]);
  }
  // The closed-class check is a decoding rule on top of the trained weights: epochs are
  // chosen without it, and the kept model gets it.
  const auto with_closed_check = [&](std::unique_ptr<TaggerModel> m) {
    if (options.closed_class_check) {
      m->closed = base->closed;
      m->closed_mask = base->closed_mask;
      m->closed_keys = base->closed_keys;
    }
    return m;
  };
  if (!options.two_pass)
    return Tagger(with_closed_check(
        train_pass(*base, all, dev, nullptr, options, options.epochs, options.seed, 1, -1, progress)));

  // Two passes: the first pass's tags of the following words are features of the
  // second. On the training data they come from models that did not see the sentence
  // (jackknifing over `folds` folds), so the second pass learns how far to trust them.
  const int folds = std::max(2, options.folds);
  std::vector<std::vector<uint16_t>> train_first(train.size());
  Scratch sc;
  for (int fold = 0; fold < folds; ++fold) {
    PassData part;
    for (size_t s = 0; s < train.size(); ++s)
      if (int(s % size_t(folds)) != fold) {
        part.sentences.push_back(&train[s]);
        part.gold.push_back(&gold[s]);
      }
    const auto m = train_pass(*base, part, dev, nullptr, options, options.first_pass_epochs,
                              options.seed + uint64_t(fold) + 1, 1, fold, progress);
    for (size_t s = 0; s < train.size(); ++s)
      if (int(s % size_t(folds)) == fold) tag_pass(*m, train[s], nullptr, sc, train_first[s]);
  }
  auto first =
      train_pass(*base, all, dev, nullptr, options, options.first_pass_epochs, options.seed, 1, -1, progress);
  std::vector<std::vector<uint16_t>> dev_first(dev.size());
  for (size_t d = 0; d < dev.size(); ++d) tag_pass(*first, dev[d], nullptr, sc, dev_first[d]);
  for (size_t s = 0; s < train.size(); ++s) all.first.push_back(&train_first[s]);
  auto second =
      train_pass(*base, all, dev, &dev_first, options, options.epochs, options.seed, 2, -1, progress);
  second->first = with_closed_check(std::move(first));
  return Tagger(with_closed_check(std::move(second)));
}

}  // namespace dyad::nlp
