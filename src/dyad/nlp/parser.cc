#include "dyad/nlp/parser.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <random>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#endif
#include <cstdlib>
#include <cstring>
#include <new>

#include "dyad/nlp/flat_map.h"
#include "dyad/nlp/parser_eval.h"
#include "dyad/nlp/parser_transition.h"

namespace dyad::nlp {

// ---------------------------------------------------------------------------------
// Hashed weights
// ---------------------------------------------------------------------------------
namespace parser_detail {

namespace {

// Large read-only tables live on 2 MB pages where the kernel allows it (THP "madvise"):
// the parser's lookups are random, and with 4 KB pages most of them miss the TLB.
template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  explicit HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n) {
    constexpr size_t kHuge = size_t{1} << 21;
    const size_t bytes = n * sizeof(T);
    void* p = nullptr;
    if (bytes >= kHuge) {
      const size_t rounded = (bytes + kHuge - 1) & ~(kHuge - 1);
      p = std::aligned_alloc(kHuge, rounded);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
      if (p) ::madvise(p, rounded, MADV_HUGEPAGE);
#endif
    } else {
      p = std::malloc(bytes ? bytes : 1);
    }
    if (!p) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t) { std::free(p); }
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};
template <class T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

inline uint64_t mix(uint64_t h, uint64_t v) {
  h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
  return h ^ (h >> 31);
}

inline uint64_t finish_key(uint64_t h) {
  h ^= h >> 29;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 32;
  return h ? h : 1;
}

inline size_t slot_of(uint64_t key, size_t mask) { return static_cast<size_t>(key) & mask; }

size_t capacity_for(size_t n) {
  size_t cap = 16;
  while (cap < 2 * n + 2) cap <<= 1;
  return cap;
}

}  // namespace

// Averaged weights of one table: rows of `classes` floats.
struct Rows {
  int classes = 1;
  std::vector<uint64_t> keys;
  std::vector<float> weights;
};

// The move table the parser runs on. Scores only decide an argmax, so each row is
// stored relative to its SHIFT weight (3 numbers instead of 4) as int16 with one scale
// for the table, beside a 16-bit fingerprint of the key: 8-byte slots, 8 to a cache
// line, load <= 0.6. The slot index uses the key's low bits and the fingerprint its top
// 16, so an absent feature matches a stored one with probability ~2^-16 per probe.
// A beam model's table is "absolute" (all 4 weights, 10-byte slots): the beam adds
// scores of different states, where the per-state SHIFT offset does not cancel.
class MoveTable {
 public:
  MoveTable() { index(); }

  size_t rows() const { return keys_.size(); }
  size_t bytes() const { return slots_.size() * sizeof(Slot) + slots4_.size() * sizeof(Slot4); }
  size_t fingerprint_clashes() const { return clashes_; }

  // Absolute tables keep all 4 scores of a row (the beam compares sums of scores
  // across states, which SHIFT-relative rows cannot give).
  bool absolute() const { return absolute_; }

  void score(const uint64_t* keys, int n, std::array<float, kMoveCount>& out) const {
    MoveSum acc{};
    accumulate(keys, n, acc);
    scores_of(acc, out);
  }

  // Integer sums of rows: the stored weights of a set of features added up. Integer
  // addition does not depend on order, so sums of parts of a state's features can be
  // cached and combined (parser decoding does) with the very result score() gives.
  using MoveSum = std::array<int32_t, kMoveCount>;

  // acc += the rows of those of keys[0, n) that are in the table.
  void accumulate(const uint64_t* keys, int n, MoveSum& acc) const {
    if (absolute_) {
      for (int i = 0; i < n; ++i) __builtin_prefetch(&slots4_[slot_of(keys[i], mask_)]);
      for (int i = 0; i < n; ++i)
        if (const int16_t* q = find_absolute(keys[i]))
          for (size_t k = 0; k < 4; ++k) acc[k] += q[k];
      return;
    }
    for (int i = 0; i < n; ++i) __builtin_prefetch(&slots_[slot_of(keys[i], mask_)]);
    for (int i = 0; i < n; ++i)
      if (const int16_t* q = find_relative(keys[i]))
        for (size_t k = 0; k < 3; ++k) acc[k] += q[k];
  }

  void prefetch(uint64_t key) const {
    if (absolute_)
      __builtin_prefetch(&slots4_[slot_of(key, mask_)]);
    else
      __builtin_prefetch(&slots_[slot_of(key, mask_)]);
  }

  // The move scores of a sum.
  void scores_of(const MoveSum& acc, std::array<float, kMoveCount>& out) const {
    if (absolute_) {
      for (size_t k = 0; k < kMoveCount; ++k) out[k] = static_cast<float>(acc[k]) * scale_;
      return;
    }
    out[0] = 0;
    for (size_t k = 1; k < kMoveCount; ++k) out[k] = static_cast<float>(acc[k - 1]) * scale_;
  }

  static MoveTable build(const Rows& rows, bool absolute) {
    if (rows.classes != kMoveCount) throw ModelFormatError("parser: move table needs 4 classes");
    if (absolute) return build_absolute(rows);
    const size_t n = rows.keys.size();
    float mx = 0;
    for (size_t r = 0; r < n; ++r)
      for (size_t k = 1; k < kMoveCount; ++k)
        mx = std::max(mx, std::fabs(rows.weights[r * kMoveCount + k] - rows.weights[r * kMoveCount]));
    MoveTable t;
    t.scale_ = mx > 0 ? mx / 32767.0f : 1.0f;
    t.keys_ = rows.keys;
    t.q_.resize(n * 3);
    for (size_t r = 0; r < n; ++r)
      for (size_t k = 1; k < kMoveCount; ++k)
        t.q_[r * 3 + k - 1] = static_cast<int16_t>(
            std::lround((rows.weights[r * kMoveCount + k] - rows.weights[r * kMoveCount]) / t.scale_));
    t.index();
    return t;
  }

  void write(BinaryWriter& w) const {
    w.put<float>(scale_);
    w.put_array(keys_);
    w.put_array(q_);
  }
  static MoveTable read(BinaryReader& r, bool absolute) {
    MoveTable t;
    t.absolute_ = absolute;
    t.scale_ = r.get<float>();
    if (!std::isfinite(t.scale_) || t.scale_ <= 0) throw ModelFormatError("parser: bad move table scale");
    t.keys_ = r.get_array<uint64_t>();
    t.q_ = r.get_array<int16_t>();
    if (t.q_.size() != t.keys_.size() * t.stride())
      throw ModelFormatError("parser: move table has " + std::to_string(t.q_.size()) + " weights for " +
                             std::to_string(t.keys_.size()) + " rows");
    t.index();
    return t;
  }

 private:
  struct Slot {
    uint16_t fp;
    int16_t q[3];
  };
  struct Slot4 {
    uint16_t fp;
    int16_t q[4];
  };
  static uint16_t fingerprint(uint64_t key) {
    const auto fp = static_cast<uint16_t>(key >> 48);
    return fp ? fp : 1;
  }
  size_t stride() const { return absolute_ ? 4 : 3; }

  const int16_t* find_absolute(uint64_t key) const {
    const uint16_t fp = fingerprint(key);
    for (size_t j = slot_of(key, mask_);; j = (j + 1) & mask_) {
      const Slot4& s = slots4_[j];
      if (s.fp == fp) return s.q;
      if (s.fp == 0) return nullptr;
    }
  }
  const int16_t* find_relative(uint64_t key) const {
    const uint16_t fp = fingerprint(key);
    for (size_t j = slot_of(key, mask_);; j = (j + 1) & mask_) {
      const Slot& s = slots_[j];
      if (s.fp == fp) return s.q;
      if (s.fp == 0) return nullptr;
    }
  }

  static MoveTable build_absolute(const Rows& rows) {
    const size_t n = rows.keys.size();
    float mx = 0;
    for (float w : rows.weights) mx = std::max(mx, std::fabs(w));
    MoveTable t;
    t.absolute_ = true;
    t.scale_ = mx > 0 ? mx / 32767.0f : 1.0f;
    t.keys_ = rows.keys;
    t.q_.resize(n * 4);
    for (size_t i = 0; i < n * 4; ++i)
      t.q_[i] = static_cast<int16_t>(std::lround(rows.weights[i] / t.scale_));
    t.index();
    return t;
  }

  void index() {
    size_t cap = 16;
    while (cap * 3 < keys_.size() * 5 + 5) cap <<= 1;
    mask_ = cap - 1;
    clashes_ = 0;
    if (absolute_) {
      slots_.clear();
      slots4_.assign(cap, Slot4{0, {0, 0, 0, 0}});
      for (size_t r = 0; r < keys_.size(); ++r) {
        const uint64_t key = keys_[r];
        if (key == 0) throw ModelFormatError("parser: zero key in move table");
        const uint16_t fp = fingerprint(key);
        size_t i = slot_of(key, mask_);
        bool clash = false;
        while (slots4_[i].fp != 0) {
          if (slots4_[i].fp == fp) clash = true;
          i = (i + 1) & mask_;
        }
        if (clash) {
          ++clashes_;
          continue;
        }
        slots4_[i].fp = fp;
        std::copy_n(&q_[r * 4], 4, slots4_[i].q);
      }
      return;
    }
    slots4_.clear();
    slots_.assign(cap, Slot{0, {0, 0, 0}});
    mask_ = cap - 1;
    clashes_ = 0;
    for (size_t r = 0; r < keys_.size(); ++r) {
      const uint64_t key = keys_[r];
      if (key == 0) throw ModelFormatError("parser: zero key in move table");
      const uint16_t fp = fingerprint(key);
      size_t i = slot_of(key, mask_);
      bool clash = false;
      while (slots_[i].fp != 0) {
        if (slots_[i].fp == fp) clash = true;
        i = (i + 1) & mask_;
      }
      if (clash) {  // unreachable behind an equal fingerprint: leave it out
        ++clashes_;
        continue;
      }
      slots_[i].fp = fp;
      std::copy_n(&q_[r * 3], 3, slots_[i].q);
    }
  }

  bool absolute_ = false;
  float scale_ = 1.0f;
  size_t mask_ = 0;
  size_t clashes_ = 0;
  HugeVector<Slot> slots_;
  HugeVector<Slot4> slots4_;
  std::vector<uint64_t> keys_;  // for writing
  std::vector<int16_t> q_;      // for writing
};

// The label table: slots {32-bit key fingerprint, row} (load <= 1/2) and rows of int8 weights with a
// float scale per row, padded so a row of up to 60 labels is one 64-byte line.
class LabelTable {
 public:
  explicit LabelTable(int classes = 1) : classes_(classes) { index(); }

  int classes() const { return classes_; }
  size_t rows() const { return keys_.size(); }
  size_t bytes() const { return slots_.size() * sizeof(Slot) + data_.size(); }
  // Row bytes: classes int8 weights, then padding, then the float scale in the last 4.
  size_t row_bytes() const { return (static_cast<size_t>(classes_) + 4 + 15) & ~size_t{15}; }

  // out[k] for k < classes (entries up to row_bytes() are scratch).
  template <size_t N>
  void score(const uint64_t* keys, int n, std::array<float, N>& out) const {
    static_assert(N % 16 == 0);
    std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(row_bytes()), 0.0f);
    std::array<const int8_t*, 128> rows;
    const size_t m = find_rows(keys, n, rows.data());
    add_rows(rows.data(), m, out.data());
  }

  // The rows of those of keys[0, n) that are in the table, in key order, into `rows`
  // (room for n); returns how many. The rows' bytes are prefetched.
  size_t find_rows(const uint64_t* keys, int n, const int8_t** rows) const {
    for (int i = 0; i < n; ++i) prefetch(keys[i]);
    size_t m = 0;
    for (int i = 0; i < n; ++i)
      if (const int8_t* row = find_row(keys[i])) rows[m++] = row;
    return m;
  }

  void prefetch(uint64_t key) const { __builtin_prefetch(&slots_[slot_of(key, mask_)]); }

  // The row of `key` (prefetched), or nullptr.
  const int8_t* find_row(uint64_t key) const {
    const uint32_t fp = fingerprint(key);
    for (size_t j = slot_of(key, mask_);; j = (j + 1) & mask_) {
      const Slot& s = slots_[j];
      if (s.fp == fp) {
        const size_t rb = row_bytes();
        const int8_t* row = &data_[static_cast<size_t>(s.row) * rb];
        for (size_t k = 0; k < rb; k += 64) __builtin_prefetch(row + k);
        return row;
      }
      if (s.fp == 0) return nullptr;
    }
  }

  // out[k] += scale * row[k] for each row in turn (out has row_bytes() floats). The
  // order of the rows fixes the float rounding: callers that cache partial sums keep it.
  void add_rows(const int8_t* const* rows, size_t m, float* o) const {
    const size_t rb = row_bytes();
    for (size_t j = 0; j < m; ++j) {
      const int8_t* row = rows[j];
      float scale;
      std::memcpy(&scale, row + rb - 4, sizeof scale);
#if defined(__SSE2__)
      const __m128 sc = _mm_set1_ps(scale);
      for (size_t k = 0; k < rb; k += 16) {
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + k));
        const __m128i lo = _mm_srai_epi16(_mm_unpacklo_epi8(b, b), 8);
        const __m128i hi = _mm_srai_epi16(_mm_unpackhi_epi8(b, b), 8);
        const __m128i v[4] = {
            _mm_srai_epi32(_mm_unpacklo_epi16(lo, lo), 16), _mm_srai_epi32(_mm_unpackhi_epi16(lo, lo), 16),
            _mm_srai_epi32(_mm_unpacklo_epi16(hi, hi), 16), _mm_srai_epi32(_mm_unpackhi_epi16(hi, hi), 16)};
        for (size_t g = 0; g < 4; ++g) {
          float* p = o + k + 4 * g;
          _mm_storeu_ps(p, _mm_add_ps(_mm_loadu_ps(p), _mm_mul_ps(_mm_cvtepi32_ps(v[g]), sc)));
        }
      }
#else
      for (size_t k = 0; k < static_cast<size_t>(classes_); ++k) o[k] += scale * static_cast<float>(row[k]);
#endif
    }
  }

  static LabelTable build(const Rows& rows) {
    LabelTable t(rows.classes);
    const size_t c = static_cast<size_t>(rows.classes);
    t.keys_ = rows.keys;
    t.q_.resize(rows.weights.size());
    t.scales_.resize(rows.keys.size());
    for (size_t r = 0; r < rows.keys.size(); ++r) {
      float mx = 0;
      for (size_t k = 0; k < c; ++k) mx = std::max(mx, std::fabs(rows.weights[r * c + k]));
      const float scale = mx > 0 ? mx / 127.0f : 1.0f;
      t.scales_[r] = scale;
      for (size_t k = 0; k < c; ++k)
        t.q_[r * c + k] = static_cast<int8_t>(std::lround(rows.weights[r * c + k] / scale));
    }
    t.index();
    return t;
  }

  void write(BinaryWriter& w) const {
    w.put<uint32_t>(static_cast<uint32_t>(classes_));
    w.put_array(keys_);
    w.put_array(scales_);
    w.put_array(q_);
  }
  static LabelTable read(BinaryReader& r) {
    const uint32_t classes = r.get<uint32_t>();
    if (classes == 0 || classes > 240) throw ModelFormatError("parser: bad label table class count");
    LabelTable t(static_cast<int>(classes));
    t.keys_ = r.get_array<uint64_t>();
    t.scales_ = r.get_array<float>();
    t.q_ = r.get_array<int8_t>();
    if (t.scales_.size() != t.keys_.size() || t.q_.size() != t.keys_.size() * classes)
      throw ModelFormatError("parser: label table sizes do not match");
    for (float s : t.scales_)
      if (!std::isfinite(s) || s <= 0) throw ModelFormatError("parser: bad label table scale");
    t.index();
    return t;
  }

 private:
  struct Slot {
    uint32_t fp;
    uint32_t row;
  };
  static uint32_t fingerprint(uint64_t key) {
    const auto fp = static_cast<uint32_t>(key >> 32);
    return fp ? fp : 1;
  }
  void index() {
    const size_t cap = capacity_for(keys_.size());
    slots_.assign(cap, Slot{0, 0});
    mask_ = cap - 1;
    const size_t rb = row_bytes(), c = static_cast<size_t>(classes_);
    data_.assign(keys_.size() * rb, 0);
    for (size_t r = 0; r < keys_.size(); ++r) {
      const uint64_t key = keys_[r];
      if (key == 0) throw ModelFormatError("parser: zero key in label table");
      const uint32_t fp = fingerprint(key);
      size_t i = slot_of(key, mask_);
      bool clash = false;
      while (slots_[i].fp != 0) {
        if (slots_[i].fp == fp) clash = true;
        i = (i + 1) & mask_;
      }
      std::copy_n(&q_[r * c], c, &data_[r * rb]);
      std::memcpy(&data_[r * rb + rb - 4], &scales_[r], sizeof(float));
      if (!clash) slots_[i] = Slot{fp, static_cast<uint32_t>(r)};
    }
  }

  int classes_;
  size_t mask_ = 0;
  HugeVector<Slot> slots_;
  HugeVector<int8_t> data_;
  std::vector<uint64_t> keys_;  // for writing
  std::vector<float> scales_;
  std::vector<int8_t> q_;
};

// Feature key -> row of `classes` floats. Open addressing, linear probing; key 0 = empty.
class WeightTable {
 public:
  explicit WeightTable(int classes = 1) : classes_(classes) { rebuild_index(16); }

  int classes() const { return classes_; }
  size_t rows() const { return row_keys_.size(); }

  const float* find(uint64_t key) const {
    for (size_t i = slot_of(key, mask_);; i = (i + 1) & mask_) {
      const uint64_t k = keys_[i];
      if (k == key) return &weights_[static_cast<size_t>(index_[i]) * static_cast<size_t>(classes_)];
      if (k == 0) return nullptr;
    }
  }

  // Training: the row of `key`, created (zeroed) when absent.
  float* row(uint64_t key) {
    size_t i = slot_of(key, mask_);
    for (;; i = (i + 1) & mask_) {
      if (keys_[i] == key) return &weights_[static_cast<size_t>(index_[i]) * static_cast<size_t>(classes_)];
      if (keys_[i] == 0) break;
    }
    if (2 * (row_keys_.size() + 1) > keys_.size()) {
      rebuild_index(keys_.size() * 2);
      return row(key);
    }
    keys_[i] = key;
    index_[i] = static_cast<uint32_t>(row_keys_.size());
    row_keys_.push_back(key);
    weights_.resize(weights_.size() + static_cast<size_t>(classes_), 0.0f);
    if (track_sums_) sums_.resize(weights_.size(), 0.0f);
    return &weights_[weights_.size() - static_cast<size_t>(classes_)];
  }

  // Averaged perceptron (lazy): w += d, u += t*d; the average at time T is w - u/T.
  void enable_averaging() {
    track_sums_ = true;
    sums_.assign(weights_.size(), 0.0f);
  }
  void update(uint64_t key, int cls, float delta, double time) {
    float* r = row(key);
    const size_t off = static_cast<size_t>(r - weights_.data()) + static_cast<size_t>(cls);
    weights_[off] += delta;
    sums_[off] += static_cast<float>(time * delta);
  }

  // The averaged table at time T with rows whose weights are all below `prune` dropped.
  Rows averaged(double time, float prune) const;

 private:
  void rebuild_index(size_t cap) {
    keys_.assign(cap, 0);
    index_.assign(cap, 0);
    mask_ = cap - 1;
    for (size_t r = 0; r < row_keys_.size(); ++r) {
      const uint64_t key = row_keys_[r];
      if (key == 0) continue;
      size_t i = slot_of(key, mask_);
      while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask_;
      if (keys_[i] == key) continue;
      keys_[i] = key;
      index_[i] = static_cast<uint32_t>(r);
    }
  }

  int classes_;
  size_t mask_ = 0;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> index_;
  std::vector<uint64_t> row_keys_;
  std::vector<float> weights_;
  bool track_sums_ = false;
  std::vector<float> sums_;
};

inline Rows WeightTable::averaged(double time, float prune) const {
  const size_t c = static_cast<size_t>(classes_);
  Rows out;
  out.classes = classes_;
  std::vector<float> avg(c);
  for (size_t r = 0; r < row_keys_.size(); ++r) {
    float mx = 0;
    for (size_t k = 0; k < c; ++k) {
      avg[k] = static_cast<float>(weights_[r * c + k] - sums_[r * c + k] / time);
      mx = std::max(mx, std::fabs(avg[k]));
    }
    if (mx < prune) continue;
    out.keys.push_back(row_keys_[r]);
    out.weights.insert(out.weights.end(), avg.begin(), avg.end());
  }
  return out;
}

using Lexicon = std::unordered_map<uint64_t, uint64_t>;

struct Model {
  std::vector<std::string> labels;
  int root_label = 0;
  bool use_vocab = false;  // words outside the lexicon share one value
  std::vector<uint64_t> vocab_list, ambiguity_list;
  Lexicon lexicon;  // word -> its ambiguity class (the XPOS tags it had in training)
  int beam = 0;     // beam width the model was trained for (<= 1: greedy)
  MoveTable moves;
  LabelTable arcs{1};
  // Built on load (build_decode_tables): per LabelRole and label value (0 = none, l + 1
  // = label l), the summed move rows of that role's label template.
  std::vector<MoveTable::MoveSum> label_sums;
};

struct TrainModel {
  std::vector<std::string> labels;
  int root_label = 0;
  bool use_vocab = false;
  std::vector<uint64_t> vocab_list, ambiguity_list;
  WeightTable moves{kMoveCount};
  WeightTable arcs{1};
};

}  // namespace parser_detail

namespace {

using parser_detail::LabelTable;
using parser_detail::Lexicon;
using parser_detail::mix;
using parser_detail::Model;
using parser_detail::MoveTable;
using parser_detail::Rows;
using parser_detail::TrainModel;
using parser_detail::WeightTable;

// Version 2 adds the beam width (and absolute move rows when it is > 1); version 1
// (greedy) sections are still read.
constexpr uint32_t kSectionVersion = 2;
constexpr int kMaxBeam = 256;
constexpr char kMagic[] = "DYPARSE1";

// ---------------------------------------------------------------------------------
// Per-sentence word values (hashes computed once per sentence)
// ---------------------------------------------------------------------------------
struct WordValues {
  uint64_t w = 0;    // lower-cased form
  uint64_t p = 0;    // xpos
  uint64_t u = 0;    // upos
  uint64_t suf = 0;  // last 3 bytes of the lower-cased form
  uint64_t shape = 0;
  uint64_t amb = 0;  // ambiguity class
};

inline uint64_t hash_bytes(std::string_view s, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

inline unsigned char lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c;
}

// Lower-cased form hash of a word as stored in the vocabulary.
uint64_t form_hash(std::string_view form) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : form) h = (h ^ lower(c)) * 0x100000001b3ULL;
  return h;
}

constexpr uint64_t kRareWord = 0x2545f4914f6cdd1dULL;

constexpr uint64_t kUnknownAmbiguity = 0x6a09e667f3bcc909ULL;

WordValues word_values(const Word& word, const Lexicon& lexicon, bool use_vocab) {
  WordValues v;
  uint64_t h = 0xcbf29ce484222325ULL;  // form_hash(), computed with the shape
  bool upper_first = false, all_upper = true, digit = false, hyphen = false, alpha = false;
  for (size_t i = 0; i < word.form.size(); ++i) {
    const auto c = static_cast<unsigned char>(word.form[i]);
    h = (h ^ lower(c)) * 0x100000001b3ULL;
    if (c >= 'A' && c <= 'Z') {
      alpha = true;
      if (i == 0) upper_first = true;
    } else if (c >= 'a' && c <= 'z') {
      alpha = true;
      all_upper = false;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '-') {
      hyphen = true;
    }
  }
  const auto it = lexicon.find(h);
  v.w = use_vocab && it == lexicon.end() ? kRareWord : h;
  v.amb = it == lexicon.end() ? kUnknownAmbiguity : it->second;
  uint64_t s = 0x84222325cbf29ce4ULL;
  const size_t from = word.form.size() > 3 ? word.form.size() - 3 : 0;
  for (size_t i = from; i < word.form.size(); ++i)
    s = (s ^ lower(static_cast<unsigned char>(word.form[i]))) * 0x100000001b3ULL;
  v.suf = s;
  v.shape = 1 + (upper_first ? 1 : 0) + (alpha && all_upper ? 2 : 0) + (digit ? 4 : 0) + (hyphen ? 8 : 0) +
            (std::min<size_t>(word.form.size(), 4) << 4);
  v.p = hash_bytes(word.xpos, 0x1234567);
  v.u = hash_bytes(word.upos, 0x7654321);
  return v;
}

constexpr uint64_t kNone = 0x5bd1e9955bd1e995ULL;  // value of an absent position
constexpr uint64_t kNoLabel = 0x3c6ef372fe94f82bULL;

inline uint64_t dist_bucket(int d) {
  if (d < 0) d = -d;
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 10) return 6;
  return 7;
}
inline uint64_t cap(int v, int c) { return static_cast<uint64_t>(v < c ? v : c); }

// Feature keys of one decision.
struct Features {
  std::array<uint64_t, 128> keys{};
  int n = 0;
  void add(uint64_t k) { keys[static_cast<size_t>(n++)] = parser_detail::finish_key(k); }
};

inline uint64_t T(uint64_t id) { return (id + 1) * 0x9E3779B97F4A7C15ULL; }
inline uint64_t F(uint64_t id, uint64_t a) { return mix(T(id), a); }
inline uint64_t F(uint64_t id, uint64_t a, uint64_t b) { return mix(mix(T(id), a), b); }
inline uint64_t F(uint64_t id, uint64_t a, uint64_t b, uint64_t c) { return mix(mix(mix(T(id), a), b), c); }
inline uint64_t F(uint64_t id, uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  return mix(mix(mix(mix(T(id), a), b), c), d);
}

struct Context {
  const std::vector<WordValues>& v;
  const ArcEagerState& st;
  uint64_t w(int i) const { return i < 0 ? kNone : v[static_cast<size_t>(i)].w; }
  uint64_t p(int i) const { return i < 0 ? kNone : v[static_cast<size_t>(i)].p; }
  uint64_t u(int i) const { return i < 0 ? kNone : v[static_cast<size_t>(i)].u; }
  uint64_t suf(int i) const { return i < 0 ? kNone : v[static_cast<size_t>(i)].suf; }
  uint64_t shape(int i) const { return i < 0 ? kNone : v[static_cast<size_t>(i)].shape; }
  uint64_t amb(int i) const { return i < 0 ? kNone : v[static_cast<size_t>(i)].amb; }
  uint64_t lab(int i) const {
    return i < 0 || !st.has_head(i) ? kNoLabel : static_cast<uint64_t>(st.label(i)) + 1;
  }
  int hd(int i) const { return i < 0 || !st.has_head(i) ? -1 : st.head(i); }
  int l1(int i) const { return i < 0 ? -1 : st.left1(i); }
  int l2(int i) const { return i < 0 ? -1 : st.left2(i); }
  int r1(int i) const { return i < 0 ? -1 : st.right1(i); }
  int r2(int i) const { return i < 0 ? -1 : st.right2(i); }
  uint64_t vl(int i) const { return i < 0 ? kNone : cap(st.left_count(i), 8); }
  uint64_t vr(int i) const { return i < 0 ? kNone : cap(st.right_count(i), 8); }
  uint64_t sl(int i) const { return i < 0 ? kNone : st.left_labels(i); }
  uint64_t sr(int i) const { return i < 0 ? kNone : st.right_labels(i); }
};

// Zhang & Nivre (2011) templates for arc-eager, plus a few extras (s1, b3, suffixes,
// whether s0 has a head, the word before b0).
void move_features(const Context& c, Features& f) {
  f.n = 0;
  const ArcEagerState& st = c.st;
  const int s0 = st.s(0), s1 = st.s(1), b0 = st.b(0), b1 = st.b(1), b2 = st.b(2), b3 = st.b(3);
  const int s0h = c.hd(s0), s0h2 = c.hd(s0h);
  const int s0l = c.l1(s0), s0l2 = c.l2(s0), s0r = c.r1(s0), s0r2 = c.r2(s0);
  const int b0l = c.l1(b0), b0l2 = c.l2(b0);
  const uint64_t s0w = c.w(s0), s0p = c.p(s0), b0w = c.w(b0), b0p = c.p(b0);
  const uint64_t b1w = c.w(b1), b1p = c.p(b1), b2w = c.w(b2), b2p = c.p(b2);
  const uint64_t d = s0 >= 0 && b0 >= 0 ? dist_bucket(b0 - s0) : kNone;
  uint64_t id = 0;
  // single words
  f.add(F(++id, s0w, s0p));
  f.add(F(++id, s0w));
  f.add(F(++id, s0p));
  f.add(F(++id, b0w, b0p));
  f.add(F(++id, b0w));
  f.add(F(++id, b0p));
  f.add(F(++id, b1w, b1p));
  f.add(F(++id, b1w));
  f.add(F(++id, b1p));
  f.add(F(++id, b2w, b2p));
  f.add(F(++id, b2w));
  f.add(F(++id, b2p));
  // pairs
  f.add(F(++id, s0w, s0p, b0w, b0p));
  f.add(F(++id, s0w, s0p, b0w));
  f.add(F(++id, s0w, b0w, b0p));
  f.add(F(++id, s0w, s0p, b0p));
  f.add(F(++id, s0p, b0w, b0p));
  f.add(F(++id, s0w, b0w));
  f.add(F(++id, s0p, b0p));
  f.add(F(++id, b0p, b1p));
  // triples
  f.add(F(++id, b0p, b1p, b2p));
  f.add(F(++id, s0p, b0p, b1p));
  f.add(F(++id, c.p(s0h), s0p, b0p));
  f.add(F(++id, s0p, c.p(s0l), b0p));
  f.add(F(++id, s0p, c.p(s0r), b0p));
  f.add(F(++id, s0p, b0p, c.p(b0l)));
  // distance
  f.add(F(++id, s0w, d));
  f.add(F(++id, s0p, d));
  f.add(F(++id, b0w, d));
  f.add(F(++id, b0p, d));
  f.add(F(++id, s0w, b0w, d));
  f.add(F(++id, s0p, b0p, d));
  // valency
  f.add(F(++id, s0p, c.vr(s0)));
  f.add(F(++id, s0p, c.vl(s0)));
  f.add(F(++id, b0p, c.vl(b0)));
  // unigrams of heads and children
  f.add(F(++id, c.w(s0h)));
  f.add(F(++id, c.p(s0h)));
  f.add(F(++id, c.lab(s0)));
  f.add(F(++id, c.w(s0l)));
  f.add(F(++id, c.p(s0l)));
  f.add(F(++id, c.lab(s0l)));
  f.add(F(++id, c.w(s0r)));
  f.add(F(++id, c.p(s0r)));
  f.add(F(++id, c.lab(s0r)));
  f.add(F(++id, c.w(b0l)));
  f.add(F(++id, c.p(b0l)));
  f.add(F(++id, c.lab(b0l)));
  // third order
  f.add(F(++id, c.p(s0h2)));
  f.add(F(++id, c.lab(s0h)));
  f.add(F(++id, c.p(s0l2)));
  f.add(F(++id, c.lab(s0l2)));
  f.add(F(++id, c.p(s0r2)));
  f.add(F(++id, c.lab(s0r2)));
  f.add(F(++id, c.p(b0l2)));
  f.add(F(++id, c.lab(b0l2)));
  f.add(F(++id, s0p, c.p(s0l), c.p(s0l2)));
  f.add(F(++id, s0p, c.p(s0r), c.p(s0r2)));
  f.add(F(++id, s0p, c.p(s0h), c.p(s0h2)));
  f.add(F(++id, b0p, c.p(b0l), c.p(b0l2)));
  // label sets
  f.add(F(++id, s0p, c.sr(s0)));
  f.add(F(++id, s0p, c.sl(s0)));
  f.add(F(++id, b0p, c.sl(b0)));
  // extras
  const uint64_t s0hh = s0 >= 0 ? (st.has_head(s0) ? 2 : 1) : 0;
  f.add(F(++id, s0hh, s0p, b0p));
  f.add(F(++id, s0hh, c.lab(s0), b0p));
  f.add(F(++id, c.p(s1)));
  f.add(F(++id, c.w(s1), c.p(s1)));
  f.add(F(++id, c.p(s1), s0p, b0p));
  f.add(F(++id, c.p(s1), c.lab(s1), s0p, c.lab(s0)));
  f.add(F(++id, b0p, b1p, b2p, c.p(b3)));
  f.add(F(++id, c.suf(b0), b0p));
  f.add(F(++id, c.suf(s0), s0p));
  f.add(F(++id, c.shape(b0), b0p));
  f.add(F(++id, c.u(s0), c.u(b0)));
  f.add(F(++id, c.u(s0), c.u(b0), c.u(b1)));
  const int before = b0 > 0 ? b0 - 1 : -1;
  f.add(F(++id, c.p(before), b0p, s0p));
  f.add(F(++id, c.w(before), b0p));
  f.add(F(++id, s0p, b0p, cap(static_cast<int>(st.stack().size()), 6)));
  // ambiguity classes (tags the words had in training): robust to tagging errors
  f.add(F(++id, c.amb(s0)));
  f.add(F(++id, c.amb(b0)));
  f.add(F(++id, c.amb(b1)));
  f.add(F(++id, c.amb(s0), c.amb(b0)));
  f.add(F(++id, c.amb(b0), c.amb(b1)));
  f.add(F(++id, c.amb(s0), b0p));
  f.add(F(++id, s0p, c.amb(b0)));
  f.add(F(++id, 1));  // bias
}

// Features for the label of arc head -> dep (made by LEFT or RIGHT in state `st`), in
// five runs: runs that depend on the words h and dep alone (kWords*) alternate with
// runs that depend on the arcs built so far (kState*). The order is that of training
// (float sums) and the decoder's cache of the first run's partial sum relies on it.
enum class LabelRun { kWords1, kState1, kWords2, kState2, kWords3 };

void label_run(const Context& c, int h, int dep, LabelRun run, Features& f) {
  const uint64_t dir = h < dep ? 1 : 2;
  const uint64_t dw = c.w(dep), dp = c.p(dep), hw = c.w(h), hp = c.p(h);
  switch (run) {
    case LabelRun::kWords1: {
      const uint64_t dist = dist_bucket(h - dep);
      f.add(F(201, dw, dir));
      f.add(F(202, dp, dir));
      f.add(F(203, dw, dp));
      f.add(F(204, hw, dir));
      f.add(F(205, hp, dir));
      f.add(F(206, hw, hp));
      f.add(F(207, hp, dp, dir));
      f.add(F(208, hw, dp, dir));
      f.add(F(209, hp, dw, dir));
      f.add(F(210, hw, dw, dir));
      f.add(F(211, hp, dp, dir, dist));
      f.add(F(212, c.u(dep), c.u(h), dir));
      return;
    }
    case LabelRun::kState1:
      f.add(F(213, c.sl(dep), c.sr(dep), dp));
      f.add(F(214, c.sl(dep), dp));
      f.add(F(215, c.sr(dep), dp));
      f.add(F(216, c.sl(h), c.sr(h), hp, dir));
      f.add(F(217, c.lab(h), hp, dp, dir));
      f.add(F(218, c.lab(h), dir));
      return;
    case LabelRun::kWords2:
      f.add(F(219, c.suf(dep), dp));
      f.add(F(220, c.shape(dep), dp));
      f.add(F(221, c.p(dep - 1), dp, c.p(dep + 1 < c.st.size() ? dep + 1 : -1)));
      f.add(F(222, c.p(h - 1), hp, c.p(h + 1 < c.st.size() ? h + 1 : -1)));
      return;
    case LabelRun::kState2:
      f.add(F(223, c.p(c.l1(dep)), c.lab(c.l1(dep)), dp));
      f.add(F(224, c.p(c.r1(dep)), c.lab(c.r1(dep)), dp));
      f.add(F(225, c.w(c.l1(dep)), dp));
      f.add(F(226, c.vl(dep), c.vr(dep), dp, dir));
      f.add(F(227, hp, dp, c.p(c.hd(h)), dir));
      return;
    case LabelRun::kWords3:
      f.add(F(228, c.w(dep + 1 < c.st.size() ? dep + 1 : -1), dp));
      f.add(F(229, c.amb(dep), dir));
      f.add(F(230, c.amb(dep), hp, dir));
      f.add(F(231, c.amb(h), dp, dir));
      f.add(F(232, dir, 1));
      return;
  }
}

void label_features(const Context& c, int h, int dep, Features& f) {
  f.n = 0;
  for (LabelRun run :
       {LabelRun::kWords1, LabelRun::kState1, LabelRun::kWords2, LabelRun::kState2, LabelRun::kWords3})
    label_run(c, h, dep, run, f);
}

template <size_t N>
void score(const WeightTable& t, const Features& f, std::array<float, N>& out) {
  const size_t c = static_cast<size_t>(t.classes());
  std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(c), 0.0f);
  for (int i = 0; i < f.n; ++i) {
    const float* r = t.find(f.keys[static_cast<size_t>(i)]);
    if (!r) continue;
    for (size_t k = 0; k < c; ++k) out[k] += r[k];
  }
}

template <size_t N>
void score(const MoveTable& t, const Features& f, std::array<float, N>& out) {
  t.score(f.keys.data(), f.n, out);
}
template <size_t N>
void score(const LabelTable& t, const Features& f, std::array<float, N>& out) {
  t.score(f.keys.data(), f.n, out);
}

constexpr size_t kMaxLabels = 256;      // score buffer (>= LabelTable::row_bytes())
constexpr size_t kMaxLabelCount = 240;  // labels a model may have

int best_move(const ArcEagerState& st, const std::array<float, kMoveCount>& s) {
  int best = -1;
  for (int m = 0; m < kMoveCount; ++m)
    if (st.valid(static_cast<Move>(m)) &&
        (best < 0 || s[static_cast<size_t>(m)] > s[static_cast<size_t>(best)]))
      best = m;
  return best;
}

int best_label(const std::array<float, kMaxLabels>& s, int count, int root_label) {
  int best = -1;
  for (int l = 0; l < count; ++l)
    if (l != root_label && (best < 0 || s[static_cast<size_t>(l)] > s[static_cast<size_t>(best)])) best = l;
  return best < 0 ? 0 : best;
}

// After finish(): keep one root (the headless word with most children, leftmost on a
// tie) and attach the other headless words to it.
void single_root(const Model& m, const std::vector<WordValues>& values, ArcEagerState& st,
                 std::vector<int>& heads, std::vector<int>& labels) {
  const int n = st.size();
  int root = -1, root_children = -1;
  int roots = 0;
  for (int w = 0; w < n; ++w) {
    if (heads[static_cast<size_t>(w)] != -1) continue;
    ++roots;
    const int children = st.left_count(w) + st.right_count(w);
    if (children > root_children) root = w, root_children = children;
  }
  if (roots <= 1) return;
  Context c{values, st};
  Features f;
  std::array<float, kMaxLabels> s{};
  for (int w = 0; w < n; ++w) {
    if (w == root || heads[static_cast<size_t>(w)] != -1) continue;
    heads[static_cast<size_t>(w)] = root;
    label_features(c, root, w, f);
    score(m.arcs, f, s);
    labels[static_cast<size_t>(w)] = best_label(s, m.arcs.classes(), m.root_label);
  }
}

void check_model(const Model& m) {
  if (m.labels.empty() || m.labels.size() > kMaxLabelCount) throw ModelFormatError("parser: bad label count");
  if (m.arcs.classes() != static_cast<int>(m.labels.size()))
    throw ModelFormatError("parser: label table does not match the label list");
  if (m.root_label < 0 || m.root_label >= static_cast<int>(m.labels.size()))
    throw ModelFormatError("parser: bad root label");
}

void greedy_parse(const Model& m, const std::vector<WordValues>& values, ArcEagerState& st) {
  Context c{values, st};
  Features f;
  std::array<float, kMoveCount> ms{};
  std::array<float, kMaxLabels> ls{};
  const int label_count = m.arcs.classes();
  while (!st.terminal()) {
    move_features(c, f);
    score(m.moves, f, ms);
    const auto mv = static_cast<Move>(best_move(st, ms));
    int label = -1;
    if (mv == Move::kLeft || mv == Move::kRight) {
      const int s0 = st.s(0), b0 = st.b(0);
      const int h = mv == Move::kLeft ? b0 : s0, d = mv == Move::kLeft ? s0 : b0;
      label_features(c, h, d, f);
      score(m.arcs, f, ls);
      label = best_label(ls, label_count, m.root_label);
    }
    st.apply(mv, label);
  }
}

// ---------------------------------------------------------------------------------
// Beam search (Zhang & Clark 2008; Zhang & Nivre 2011): the k best move sequences by
// summed move score. A word's label is chosen greedily by the label classifier when its
// arc is made (labels do not enter the sequence score). Items that reached the end are
// carried to the next step with their score, so all sequences compete until every item
// is done. Ties are broken by item then move order: deterministic.
// ---------------------------------------------------------------------------------
struct BeamNode {
  int parent;  // -1: the start
  int8_t move;
  int16_t label;
};

struct BeamItem {
  ArcEagerState st;
  double score = 0;
  int node = -1;
  int cost = 0;  // training: gold arcs made unreachable so far
};

struct BeamCandidate {
  double score;
  int item;
  int move;  // -1: carry a finished item over
  int cost;
};

// Move sequence (with labels) ending at `node`, first move first.
inline void beam_path(const std::vector<BeamNode>& nodes, int node, std::vector<BeamNode>& out) {
  out.clear();
  for (; node >= 0; node = nodes[static_cast<size_t>(node)].parent)
    out.push_back(nodes[static_cast<size_t>(node)]);
  std::reverse(out.begin(), out.end());
}

// ---------------------------------------------------------------------------------
// Move and label scorers of the beam. PlainScorer computes every feature key of every
// decision and looks each up (training, on WeightTable). CachedScorer (decoding, on the
// quantised tables) gives the very same scores faster: most of a state's features
// depend on one or two words in fixed positions, not on the arcs, and the items of a
// beam keep asking about the same words, so their summed rows are cached per sentence.
// ---------------------------------------------------------------------------------
template <class MoveT, class LabelT>
class PlainScorer {
 public:
  PlainScorer(const MoveT& moves, const LabelT& arcs, int root_label)
      : moves_(moves), arcs_(arcs), root_label_(root_label) {}

  void start(const std::vector<WordValues>&) {}
  void request_moves(size_t, const Context&) {}
  void request_label(const Context&, int, int) {}
  void move_scores(size_t, const Context& c, std::array<float, kMoveCount>& out) {
    move_features(c, f_);
    score(moves_, f_, out);
  }
  int label(const Context& c, int h, int d) {
    label_features(c, h, d, f_);
    score(arcs_, f_, ls_);
    return best_label(ls_, arcs_.classes(), root_label_);
  }

 private:
  const MoveT& moves_;
  const LabelT& arcs_;
  int root_label_;
  Features f_;
  std::array<float, kMaxLabels> ls_{};
};

// move_features() split by what its templates depend on. The template ids are those of
// move_features() and together the parts give exactly its keys (parser_test checks that
// the cached and the plain decoder agree).

// A word in one position, with the templates that look at that word alone. The value
// of a kBuffer word also fixes b1, b2, b3 and the word before b0; the bias is there.
enum TokenRole : uint8_t {
  kBuffer,       // b0
  kStackTop,     // s0
  kHead,         // s0's head
  kLeft,         // s0's leftmost child
  kRight,        // s0's rightmost child
  kBufferLeft,   // b0's leftmost child
  kHead2,        // s0's head's head
  kLeft2,        // s0's second leftmost child
  kRight2,       // s0's second rightmost child
  kBufferLeft2,  // b0's second leftmost child
  kSecond,       // s1
  kTokenRoleCount
};

void token_role_features(const Context& c, TokenRole role, int t, Features& f) {
  f.n = 0;
  const uint64_t w = c.w(t), p = c.p(t);
  switch (role) {
    case kBuffer: {
      const int n = c.st.size();
      const int b1 = t + 1 < n ? t + 1 : -1, b2 = t + 2 < n ? t + 2 : -1, b3 = t + 3 < n ? t + 3 : -1;
      const int before = t > 0 ? t - 1 : -1;
      const uint64_t b1w = c.w(b1), b1p = c.p(b1), b2w = c.w(b2), b2p = c.p(b2);
      f.add(F(4, w, p));
      f.add(F(5, w));
      f.add(F(6, p));
      f.add(F(7, b1w, b1p));
      f.add(F(8, b1w));
      f.add(F(9, b1p));
      f.add(F(10, b2w, b2p));
      f.add(F(11, b2w));
      f.add(F(12, b2p));
      f.add(F(20, p, b1p));
      f.add(F(21, p, b1p, b2p));
      f.add(F(69, p, b1p, b2p, c.p(b3)));
      f.add(F(70, c.suf(t), p));
      f.add(F(72, c.shape(t), p));
      f.add(F(76, c.w(before), p));
      f.add(F(79, c.amb(t)));
      f.add(F(80, c.amb(b1)));
      f.add(F(82, c.amb(t), c.amb(b1)));
      f.add(F(85, 1));
      return;
    }
    case kStackTop:
      f.add(F(1, w, p));
      f.add(F(2, w));
      f.add(F(3, p));
      f.add(F(71, c.suf(t), p));
      f.add(F(78, c.amb(t)));
      return;
    case kHead:
      f.add(F(36, w));
      f.add(F(37, p));
      return;
    case kLeft:
      f.add(F(39, w));
      f.add(F(40, p));
      return;
    case kRight:
      f.add(F(42, w));
      f.add(F(43, p));
      return;
    case kBufferLeft:
      f.add(F(45, w));
      f.add(F(46, p));
      return;
    case kHead2:
      f.add(F(48, p));
      return;
    case kLeft2:
      f.add(F(50, p));
      return;
    case kRight2:
      f.add(F(52, p));
      return;
    case kBufferLeft2:
      f.add(F(54, p));
      return;
    case kSecond:
      f.add(F(65, p));
      f.add(F(66, w, p));
      return;
    case kTokenRoleCount:
      return;
  }
}

// The templates of the pair s0, b0 (b1 and the word before b0 follow from b0).
void top_pair_features(const Context& c, int s0, int b0, Features& f) {
  f.n = 0;
  const int n = c.st.size();
  const int b1 = b0 + 1 < n ? b0 + 1 : -1;
  const int before = b0 > 0 ? b0 - 1 : -1;
  const uint64_t s0w = c.w(s0), s0p = c.p(s0), b0w = c.w(b0), b0p = c.p(b0);
  const uint64_t d = s0 >= 0 && b0 >= 0 ? dist_bucket(b0 - s0) : kNone;
  f.add(F(13, s0w, s0p, b0w, b0p));
  f.add(F(14, s0w, s0p, b0w));
  f.add(F(15, s0w, b0w, b0p));
  f.add(F(16, s0w, s0p, b0p));
  f.add(F(17, s0p, b0w, b0p));
  f.add(F(18, s0w, b0w));
  f.add(F(19, s0p, b0p));
  f.add(F(22, s0p, b0p, c.p(b1)));
  f.add(F(27, s0w, d));
  f.add(F(28, s0p, d));
  f.add(F(29, b0w, d));
  f.add(F(30, b0p, d));
  f.add(F(31, s0w, b0w, d));
  f.add(F(32, s0p, b0p, d));
  f.add(F(73, c.u(s0), c.u(b0)));
  f.add(F(74, c.u(s0), c.u(b0), c.u(b1)));
  f.add(F(75, c.p(before), b0p, s0p));
  f.add(F(81, c.amb(s0), c.amb(b0)));
  f.add(F(83, c.amb(s0), b0p));
  f.add(F(84, s0p, c.amb(b0)));
}

// The label (Context::lab) of the word in one position: its templates see nothing else,
// so their rows are summed per label value once per model.
enum LabelRole : uint8_t {
  kLabelTop,          // s0
  kLabelLeft,         // s0's leftmost child
  kLabelRight,        // s0's rightmost child
  kLabelBufferLeft,   // b0's leftmost child
  kLabelHead,         // s0's head
  kLabelLeft2,        // s0's second leftmost child
  kLabelRight2,       // s0's second rightmost child
  kLabelBufferLeft2,  // b0's second leftmost child
  kLabelRoleCount
};
constexpr uint64_t kLabelRoleTemplate[kLabelRoleCount] = {38, 41, 44, 47, 49, 51, 53, 55};

// The templates that combine positions with the arcs built so far.
void state_features(const Context& c, Features& f) {
  f.n = 0;
  const ArcEagerState& st = c.st;
  const int s0 = st.s(0), s1 = st.s(1), b0 = st.b(0);
  const int s0h = c.hd(s0), s0h2 = c.hd(s0h);
  const int s0l = c.l1(s0), s0l2 = c.l2(s0), s0r = c.r1(s0), s0r2 = c.r2(s0);
  const int b0l = c.l1(b0), b0l2 = c.l2(b0);
  const uint64_t s0p = c.p(s0), b0p = c.p(b0);
  f.add(F(23, c.p(s0h), s0p, b0p));
  f.add(F(24, s0p, c.p(s0l), b0p));
  f.add(F(25, s0p, c.p(s0r), b0p));
  f.add(F(26, s0p, b0p, c.p(b0l)));
  f.add(F(33, s0p, c.vr(s0)));
  f.add(F(34, s0p, c.vl(s0)));
  f.add(F(35, b0p, c.vl(b0)));
  f.add(F(56, s0p, c.p(s0l), c.p(s0l2)));
  f.add(F(57, s0p, c.p(s0r), c.p(s0r2)));
  f.add(F(58, s0p, c.p(s0h), c.p(s0h2)));
  f.add(F(59, b0p, c.p(b0l), c.p(b0l2)));
  f.add(F(60, s0p, c.sr(s0)));
  f.add(F(61, s0p, c.sl(s0)));
  f.add(F(62, b0p, c.sl(b0)));
  const uint64_t s0hh = s0 >= 0 ? (st.has_head(s0) ? 2 : 1) : 0;
  f.add(F(63, s0hh, s0p, b0p));
  f.add(F(64, s0hh, c.lab(s0), b0p));
  f.add(F(67, c.p(s1), s0p, b0p));
  f.add(F(68, c.p(s1), c.lab(s1), s0p, c.lab(s0)));
  f.add(F(77, s0p, b0p, cap(static_cast<int>(st.stack().size()), 6)));
}

using MoveSum = MoveTable::MoveSum;

inline void add_to(MoveSum& acc, const MoveSum& x) {
  for (size_t k = 0; k < kMoveCount; ++k) acc[k] += x[k];
}

// Index of a label value (Context::lab) in Model::label_sums: 0 for "none", l + 1 for
// label l (the decoder's labels come from best_label(), so l < the label count).
inline size_t label_value_index(uint64_t lab) { return lab == kNoLabel ? 0 : static_cast<size_t>(lab); }

// Per model: for each LabelRole and label value, the summed move rows of its template.
void build_decode_tables(Model& m) {
  const size_t values = m.labels.size() + 1;
  m.label_sums.assign(kLabelRoleCount * values, MoveSum{});
  for (size_t r = 0; r < kLabelRoleCount; ++r)
    for (size_t v = 0; v < values; ++v) {
      const uint64_t lab = v == 0 ? kNoLabel : static_cast<uint64_t>(v);
      const uint64_t key = parser_detail::finish_key(F(kLabelRoleTemplate[r], lab));
      m.moves.accumulate(&key, 1, m.label_sums[r * values + v]);
    }
}

class CachedScorer {
 public:
  // The model to score with (kept by reference); call before start().
  void use(const Model& m) {
    m_ = &m;
    label_values_ = m.labels.size() + 1;
  }

  void start(const std::vector<WordValues>& values) {
    const size_t n = values.size();
    token_sums_.resize((n + 1) * kTokenRoleCount);
    token_known_.assign((n + 1) * kTokenRoleCount, 0);
    pair_index_.clear();
    pair_sums_.clear();
    arc_index_.clear();
    arc_words_.clear();
    arc_prefix_.clear();
    label_memo_index_.clear();
    label_memo_.clear();
  }

  // Scoring a beam step is mostly waiting for table rows, so it has two phases:
  // request_moves() for every item of the step starts the memory reads its scores will
  // need (the rows of its state features, and those of its words' sums when they are
  // not cached yet), then move_scores() adds up, with the reads of all items in flight
  // together.
  void request_moves(size_t item, const Context& c) {
    if (pending_.size() <= item) pending_.resize(item + 1);
    Features& state = pending_[item];
    state_features(c, state);
    for (int i = 0; i < state.n; ++i) m_->moves.prefetch(state.keys[static_cast<size_t>(i)]);
    const Positions at(c);
    for (size_t r = 0; r < kTokenRoleCount; ++r) {
      const int t = at.token[r];
      if (!token_known_[token_index(static_cast<TokenRole>(r), t)]) {
        token_role_features(c, static_cast<TokenRole>(r), t, g_);
        for (int i = 0; i < g_.n; ++i) m_->moves.prefetch(g_.keys[static_cast<size_t>(i)]);
      }
    }
    if (!pair_index_.find(pair_key(at.token[kStackTop], at.token[kBuffer]))) {
      top_pair_features(c, at.token[kStackTop], at.token[kBuffer], g_);
      for (int i = 0; i < g_.n; ++i) m_->moves.prefetch(g_.keys[static_cast<size_t>(i)]);
    }
  }

  // The move scores of the state of `item` (request_moves() first).
  void move_scores(size_t item, const Context& c, std::array<float, kMoveCount>& out) {
    const Features& state = pending_[item];
    MoveSum acc{};
    const Positions at(c);
    for (size_t r = 0; r < kTokenRoleCount; ++r)
      add_to(acc, token_sum(c, static_cast<TokenRole>(r), at.token[r]));
    add_to(acc, pair_sum(c, at.token[kStackTop], at.token[kBuffer]));
    for (size_t r = 0; r < kLabelRoleCount; ++r)
      add_to(acc, m_->label_sums[r * label_values_ + label_value_index(c.lab(at.labelled[r]))]);
    m_->moves.accumulate(state.keys.data(), state.n, acc);
    m_->moves.scores_of(acc, out);
  }

  // Before label() for the arcs a beam step makes: starts the memory reads of the
  // rows of the runs that depend on the arcs, so that those of all arcs overlap.
  void request_label(const Context& c, int h, int d) {
    g_.n = 0;
    label_run(c, h, d, LabelRun::kState1, g_);
    label_run(c, h, d, LabelRun::kState2, g_);
    for (int i = 0; i < g_.n; ++i) m_->arcs.prefetch(g_.keys[static_cast<size_t>(i)]);
  }

  // label_features() scored in its order: the rows of the runs that depend on the words
  // alone are found once per (h, d), and the first run's partial sum is kept (it starts
  // the float sum, so continuing from it rounds as the full sum does).
  //
  // The items of a beam often make the same arc in the same surroundings: a label is
  // remembered with the arc and the keys of the runs that depend on the arcs (the
  // others follow from h and d), and equal keys give the same rows, so the same label.
  int label(const Context& c, int h, int d) {
    const LabelTable& arcs = m_->arcs;
    const size_t rb = arcs.row_bytes();
    f_.n = 0;
    label_run(c, h, d, LabelRun::kState1, f_);
    const int state1 = f_.n;
    label_run(c, h, d, LabelRun::kState2, f_);
    LabelMemo memo{h, d, 0, {}};
    std::copy_n(f_.keys.data(), kLabelStateKeys, memo.keys.data());
    uint64_t memo_key =
        FlatMap<uint32_t>::mix_key(((static_cast<uint64_t>(h) << 32) | static_cast<uint32_t>(d)) + 1);
    for (uint64_t k : memo.keys) memo_key = mix(memo_key, k);
    memo_key |= 1;
    if (const uint32_t* i = label_memo_index_.find(memo_key)) {
      const LabelMemo& seen = label_memo_[*i];
      if (seen.h == h && seen.d == d && seen.keys == memo.keys) return seen.label;
    }
    const ArcWords& words = arc_words(c, h, d);
    std::array<const int8_t*, 32> rows;
    size_t m = arcs.find_rows(f_.keys.data(), state1, rows.data());
    m += copy_rows(words.rows2, words.n2, rows.data() + m);
    m += arcs.find_rows(f_.keys.data() + state1, f_.n - state1, rows.data() + m);
    m += copy_rows(words.rows3, words.n3, rows.data() + m);
    std::copy_n(arc_prefix_.data() + words.prefix * rb, rb, ls_.data());
    arcs.add_rows(rows.data(), m, ls_.data());
    memo.label = best_label(ls_, arcs.classes(), m_->root_label);
    label_memo_index_.insert(memo_key, static_cast<uint32_t>(label_memo_.size()));
    label_memo_.push_back(memo);
    return memo.label;
  }

 private:
  // What the label of arc h -> d needs from the words alone.
  struct ArcWords {
    size_t prefix;  // arc_prefix_[prefix * row_bytes, ...): the kWords1 run summed
    std::array<const int8_t*, 4> rows2;
    std::array<const int8_t*, 5> rows3;
    uint8_t n2, n3;
  };

  static constexpr size_t kLabelStateKeys = 11;  // keys of the kState1 and kState2 runs
  struct LabelMemo {
    int h, d, label;
    std::array<uint64_t, kLabelStateKeys> keys;
  };

  template <size_t N>
  static size_t copy_rows(const std::array<const int8_t*, N>& from, size_t n, const int8_t** to) {
    std::copy_n(from.data(), n, to);
    return n;
  }

  // The words in each TokenRole (and whose label each LabelRole sees) in a state.
  struct Positions {
    std::array<int, kTokenRoleCount> token;
    std::array<int, kLabelRoleCount> labelled;
    explicit Positions(const Context& c) {
      const ArcEagerState& st = c.st;
      const int s0 = st.s(0), b0 = st.b(0);
      const int s0h = c.hd(s0), s0l = c.l1(s0), s0r = c.r1(s0), b0l = c.l1(b0);
      const int s0h2 = c.hd(s0h), s0l2 = c.l2(s0), s0r2 = c.r2(s0), b0l2 = c.l2(b0);
      token = {b0, s0, s0h, s0l, s0r, b0l, s0h2, s0l2, s0r2, b0l2, st.s(1)};
      labelled = {s0, s0l, s0r, b0l, s0h, s0l2, s0r2, b0l2};
    }
  };

  static size_t token_index(TokenRole role, int t) {
    return static_cast<size_t>(t + 1) * kTokenRoleCount + role;
  }
  static uint64_t pair_key(int s0, int b0) {
    return FlatMap<uint32_t>::mix_key(((static_cast<uint64_t>(s0 + 1) << 32) | static_cast<uint32_t>(b0)) +
                                      1);
  }

  const MoveSum& token_sum(const Context& c, TokenRole role, int t) {
    const size_t i = token_index(role, t);
    MoveSum& sum = token_sums_[i];
    if (!token_known_[i]) {
      token_role_features(c, role, t, g_);
      sum = MoveSum{};
      m_->moves.accumulate(g_.keys.data(), g_.n, sum);
      token_known_[i] = 1;
    }
    return sum;
  }

  const MoveSum& pair_sum(const Context& c, int s0, int b0) {
    const uint64_t key = pair_key(s0, b0);
    if (const uint32_t* i = pair_index_.find(key)) return pair_sums_[*i];
    top_pair_features(c, s0, b0, g_);
    MoveSum sum{};
    m_->moves.accumulate(g_.keys.data(), g_.n, sum);
    pair_index_.insert(key, static_cast<uint32_t>(pair_sums_.size()));
    pair_sums_.push_back(sum);
    return pair_sums_.back();
  }

  const ArcWords& arc_words(const Context& c, int h, int d) {
    const uint64_t key =
        FlatMap<uint32_t>::mix_key(((static_cast<uint64_t>(h) << 32) | static_cast<uint32_t>(d)) + 1);
    if (const uint32_t* i = arc_index_.find(key)) return arc_words_[*i];
    const LabelTable& arcs = m_->arcs;
    const size_t rb = arcs.row_bytes();
    ArcWords w{};
    w.prefix = arc_words_.size();
    arc_prefix_.resize(arc_prefix_.size() + rb, 0.0f);
    std::array<const int8_t*, 16> rows;
    g_.n = 0;
    label_run(c, h, d, LabelRun::kWords1, g_);
    const size_t m = arcs.find_rows(g_.keys.data(), g_.n, rows.data());
    arcs.add_rows(rows.data(), m, arc_prefix_.data() + w.prefix * rb);
    g_.n = 0;
    label_run(c, h, d, LabelRun::kWords2, g_);
    w.n2 = static_cast<uint8_t>(arcs.find_rows(g_.keys.data(), g_.n, w.rows2.data()));
    g_.n = 0;
    label_run(c, h, d, LabelRun::kWords3, g_);
    w.n3 = static_cast<uint8_t>(arcs.find_rows(g_.keys.data(), g_.n, w.rows3.data()));
    arc_index_.insert(key, static_cast<uint32_t>(arc_words_.size()));
    arc_words_.push_back(w);
    return arc_words_.back();
  }

  const Model* m_ = nullptr;
  size_t label_values_ = 1;
  Features f_, g_;
  std::array<float, kMaxLabels> ls_{};
  std::vector<MoveSum> token_sums_;  // [(t + 1) * kTokenRoleCount + role]
  std::vector<uint8_t> token_known_;
  FlatMap<uint32_t> pair_index_;  // (s0, b0) -> pair_sums_
  std::vector<MoveSum> pair_sums_;
  FlatMap<uint32_t> arc_index_;  // (h, d) -> arc_words_
  std::vector<ArcWords> arc_words_;
  std::vector<float> arc_prefix_;
  std::vector<Features> pending_;       // per item of the beam step: its state features
  FlatMap<uint32_t> label_memo_index_;  // hash of a LabelMemo's h, d and keys -> label_memo_
  std::vector<LabelMemo> label_memo_;
};

// `Scorer` gives the move scores of a state (request_moves() for every item of a step,
// then move_scores()) and the label of an arc (PlainScorer, CachedScorer).
template <class Scorer>
class BeamSearch {
 public:
  BeamSearch(Scorer& scorer, int width) : scorer_(scorer), width_(std::max(width, 1)) {}
  void set_width(int width) { width_ = std::max(width, 1); }

  // Starts on a sentence; `gold` (heads) makes candidates carry their cost (training).
  void start(const std::vector<WordValues>& values, const std::vector<int>* gold) {
    values_ = &values;
    gold_ = gold;
    scorer_.start(values);
    nodes_.clear();
    cur_.resize(1);
    cur_[0].st.reset(static_cast<int>(values.size()));
    cur_[0].score = 0;
    cur_[0].node = -1;
    cur_[0].cost = 0;
  }

  bool done() const {
    for (const auto& it : cur_)
      if (!it.st.terminal()) return false;
    return true;
  }

  // One step: expands every item and keeps the best `width` candidates. Returns the
  // candidates (all of them, best first) for the trainer.
  const std::vector<BeamCandidate>& step() {
    cands_.clear();
    std::array<float, kMoveCount> ms{};
    for (size_t i = 0; i < cur_.size(); ++i)
      if (!cur_[i].st.terminal()) scorer_.request_moves(i, Context{*values_, cur_[i].st});
    for (size_t i = 0; i < cur_.size(); ++i) {
      const BeamItem& it = cur_[i];
      if (it.st.terminal()) {
        cands_.push_back({it.score, static_cast<int>(i), -1, it.cost});
        continue;
      }
      scorer_.move_scores(i, Context{*values_, it.st}, ms);
      std::array<int, kMoveCount> costs{};
      if (gold_) costs = move_costs(it.st, *gold_);
      for (int m = 0; m < kMoveCount; ++m) {
        if (!it.st.valid(static_cast<Move>(m))) continue;
        cands_.push_back({it.score + static_cast<double>(ms[static_cast<size_t>(m)]), static_cast<int>(i), m,
                          it.cost + (gold_ ? costs[static_cast<size_t>(m)] : 0)});
      }
    }
    std::sort(cands_.begin(), cands_.end(), [](const BeamCandidate& a, const BeamCandidate& b) {
      if (a.score != b.score) return a.score > b.score;
      if (a.item != b.item) return a.item < b.item;
      return a.move < b.move;
    });
    const size_t keep = std::min(cands_.size(), static_cast<size_t>(width_));
    next_.resize(keep);
    for (size_t j = 0; j < keep; ++j) {
      const BeamCandidate& cd = cands_[j];
      if (cd.move < 0) continue;  // a finished item carried over
      const auto mv = static_cast<Move>(cd.move);
      if (mv == Move::kLeft || mv == Move::kRight) {
        const ArcEagerState& st = cur_[static_cast<size_t>(cd.item)].st;
        const auto [h, d] = arc_of(st, mv);
        scorer_.request_label(Context{*values_, st}, h, d);
      }
    }
    for (size_t j = 0; j < keep; ++j) extend(cur_[static_cast<size_t>(cands_[j].item)], cands_[j], next_[j]);
    std::swap(cur_, next_);
    return cands_;
  }

  // `to` = `from` after the candidate's move (label chosen by the label classifier).
  void extend(const BeamItem& from, const BeamCandidate& cand, BeamItem& to) {
    to.st = from.st;
    to.score = cand.score;
    to.cost = cand.cost;
    to.node = from.node;
    if (cand.move < 0) return;
    const auto mv = static_cast<Move>(cand.move);
    const int label = choose_label(to.st, mv);
    to.st.apply(mv, label);
    nodes_.push_back({from.node, static_cast<int8_t>(cand.move), static_cast<int16_t>(label)});
    to.node = static_cast<int>(nodes_.size()) - 1;
  }

  int choose_label(const ArcEagerState& st, Move mv) {
    if (mv != Move::kLeft && mv != Move::kRight) return -1;
    const auto [h, d] = arc_of(st, mv);
    return scorer_.label(Context{*values_, st}, h, d);
  }

  // Head and dependent of the arc LEFT or RIGHT makes in `st`.
  static std::pair<int, int> arc_of(const ArcEagerState& st, Move mv) {
    const int s0 = st.s(0), b0 = st.b(0);
    return mv == Move::kLeft ? std::pair{b0, s0} : std::pair{s0, b0};
  }

  // Items, best first (after a step).
  const std::vector<BeamItem>& items() const { return cur_; }
  const std::vector<BeamItem>& previous() const { return next_; }
  const std::vector<BeamNode>& nodes() const { return nodes_; }

 private:
  Scorer& scorer_;
  int width_;
  const std::vector<WordValues>* values_ = nullptr;
  const std::vector<int>* gold_ = nullptr;
  std::vector<BeamNode> nodes_;
  std::vector<BeamItem> cur_, next_;
  std::vector<BeamCandidate> cands_;
};

// The beam decoder's memory, kept per thread so that each sentence reuses the buffers
// (beam states, caches) of the one before.
struct BeamDecoder {
  CachedScorer scorer;
  BeamSearch<CachedScorer> beam{scorer, 1};
};

// `cached`: decode with CachedScorer (same trees as PlainScorer, faster). `width`: the
// beam width to decode with, 0 for the model's own.
void parse_with(const Model& m, Sentence& sentence, int width, bool cached = true) {
  if (width <= 0) width = m.beam;
  const int n = static_cast<int>(sentence.words.size());
  if (n == 0) return;
  std::vector<WordValues> values(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i)
    values[static_cast<size_t>(i)] =
        word_values(sentence.words[static_cast<size_t>(i)], m.lexicon, m.use_vocab);
  ArcEagerState st(n);
  if (width > 1) {
    if (cached) {
      thread_local BeamDecoder decoder;
      decoder.scorer.use(m);
      decoder.beam.set_width(width);
      decoder.beam.start(values, nullptr);
      while (!decoder.beam.done()) decoder.beam.step();
      st = decoder.beam.items().front().st;
    } else {
      PlainScorer<MoveTable, LabelTable> scorer(m.moves, m.arcs, m.root_label);
      BeamSearch<PlainScorer<MoveTable, LabelTable>> beam(scorer, width);
      beam.start(values, nullptr);
      while (!beam.done()) beam.step();
      st = beam.items().front().st;
    }
  } else {
    greedy_parse(m, values, st);
  }
  st.finish(m.root_label);
  std::vector<int> heads = st.heads(), labels = st.labels();
  single_root(m, values, st, heads, labels);
  for (int i = 0; i < n; ++i) {
    Word& w = sentence.words[static_cast<size_t>(i)];
    w.head = heads[static_cast<size_t>(i)];
    w.deprel = m.labels[static_cast<size_t>(labels[static_cast<size_t>(i)])];
  }
}

}  // namespace

// ---------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------
Parser::Parser() = default;
Parser::~Parser() = default;
Parser::Parser(Parser&&) noexcept = default;
Parser& Parser::operator=(Parser&&) noexcept = default;
Parser::Parser(std::unique_ptr<parser_detail::Model> model) : model_(std::move(model)) {}

bool Parser::empty() const { return !model_; }

const std::vector<std::string>& Parser::labels() const {
  static const std::vector<std::string> none;
  return model_ ? model_->labels : none;
}

void Parser::set_beam_width(int width) {
  const bool greedy_model = model_ && model_->beam <= 1;
  decode_width_ = width < 0 || greedy_model ? 0 : width;
}

int Parser::beam_width() const {
  if (!model_) return 0;
  return decode_width_ > 0 ? decode_width_ : std::max(model_->beam, 1);
}

size_t Parser::feature_count() const { return model_ ? model_->moves.rows() + model_->arcs.rows() : 0; }

void Parser::parse(Sentence& sentence) const {
  if (!model_) throw std::logic_error("Parser::parse: no model loaded");
  parse_with(*model_, sentence, decode_width_);
}

void Parser::parse_uncached(Sentence& sentence) const {
  if (!model_) throw std::logic_error("Parser::parse_uncached: no model loaded");
  parse_with(*model_, sentence, decode_width_, false);
}

void Parser::write(BinaryWriter& out) const {
  if (!model_) throw std::logic_error("Parser::write: no model");
  out.put_raw(std::string_view(kMagic, 8));
  out.put<uint32_t>(kSectionVersion);
  out.put<uint32_t>(static_cast<uint32_t>(model_->labels.size()));
  for (const auto& l : model_->labels) out.put_string(l);
  out.put<uint32_t>(static_cast<uint32_t>(model_->root_label));
  out.put<uint8_t>(model_->use_vocab ? 1 : 0);
  out.put_array(model_->vocab_list);
  out.put_array(model_->ambiguity_list);
  out.put<uint32_t>(static_cast<uint32_t>(model_->beam));
  model_->moves.write(out);
  model_->arcs.write(out);
}

Parser Parser::read(BinaryReader& in) {
  if (in.get_bytes(8) != std::string_view(kMagic, 8)) throw ModelFormatError("parser: not a parser section");
  const uint32_t version = in.get<uint32_t>();
  if (version != 1 && version != kSectionVersion)
    throw ModelFormatError("parser: section version " + std::to_string(version) + ", expected " +
                           std::to_string(kSectionVersion));
  auto m = std::make_unique<Model>();
  const uint32_t labels = in.get<uint32_t>();
  if (labels == 0 || labels > kMaxLabelCount) throw ModelFormatError("parser: bad label count");
  for (uint32_t i = 0; i < labels; ++i) m->labels.push_back(in.get_string());
  m->root_label = static_cast<int>(in.get<uint32_t>());
  m->use_vocab = in.get<uint8_t>() != 0;
  m->vocab_list = in.get_array<uint64_t>();
  m->ambiguity_list = in.get_array<uint64_t>();
  if (m->ambiguity_list.size() != m->vocab_list.size())
    throw ModelFormatError("parser: lexicon sizes differ");
  for (size_t i = 0; i < m->vocab_list.size(); ++i)
    m->lexicon.emplace(m->vocab_list[i], m->ambiguity_list[i]);
  if (version >= 2) {
    const uint32_t beam = in.get<uint32_t>();
    if (beam > kMaxBeam) throw ModelFormatError("parser: bad beam width " + std::to_string(beam));
    m->beam = static_cast<int>(beam);
  }
  m->moves = MoveTable::read(in, m->beam > 1);
  m->arcs = LabelTable::read(in);
  check_model(*m);
  build_decode_tables(*m);
  return Parser(std::move(m));
}

void Parser::save(ModelFile& model, const std::string& section) const {
  BinaryWriter w;
  write(w);
  model.sections[section] = w.take();
}

Parser Parser::load(const ModelFile& model, const std::string& path, const std::string& section) {
  const std::string& bytes = model.section(section, path);
  BinaryReader r(bytes, path + ": section " + section);
  try {
    Parser p = read(r);
    if (!r.done()) throw ModelFormatError("parser: trailing bytes");
    return p;
  } catch (const ModelFormatError& e) {
    const std::string what = e.what();
    if (what.rfind(path, 0) == 0) throw;
    throw ModelFormatError(path + ": " + what);
  }
}

Parser Parser::load(const std::string& model_path) { return load(ModelFile::read(model_path), model_path); }

// ---------------------------------------------------------------------------------
// Training
// ---------------------------------------------------------------------------------
namespace {

struct TrainSentence {
  const Sentence* sentence;
  std::vector<WordValues> values;
  std::vector<int> gold;         // heads, projectivised
  std::vector<int> gold_labels;  // label ids
};

struct Trainer {
  TrainModel model;  // current (non-averaged) weights
  double move_time = 0, label_time = 0;
  std::mt19937_64 rng;
  size_t moves_seen = 0, moves_right = 0;
  int beam = 0;

  void train_sentence(const TrainSentence& ts, bool explore, double explore_p) {
    const int n = static_cast<int>(ts.gold.size());
    if (n == 0) return;
    ArcEagerState st(n);
    Context c{ts.values, st};
    Features f, lf;
    std::array<float, kMoveCount> ms{};
    std::array<float, kMaxLabels> ls{};
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    const int label_count = model.arcs.classes();
    while (!st.terminal()) {
      move_features(c, f);
      score(model.moves, f, ms);
      const auto costs = move_costs(st, ts.gold);
      const int pred = best_move(st, ms);
      int min_cost = kInvalidCost;
      for (int k : costs) min_cost = std::min(min_cost, k);
      int gold = -1;
      for (int m = 0; m < kMoveCount; ++m)
        if (costs[static_cast<size_t>(m)] == min_cost &&
            (gold < 0 || ms[static_cast<size_t>(m)] > ms[static_cast<size_t>(gold)]))
          gold = m;
      move_time += 1;
      ++moves_seen;
      if (costs[static_cast<size_t>(pred)] == min_cost) {
        ++moves_right;
      } else {
        for (int i = 0; i < f.n; ++i) {
          model.moves.update(f.keys[static_cast<size_t>(i)], gold, 1.0f, move_time);
          model.moves.update(f.keys[static_cast<size_t>(i)], pred, -1.0f, move_time);
        }
      }
      int next = gold;
      if (costs[static_cast<size_t>(pred)] == min_cost || (explore && coin(rng) < explore_p)) next = pred;
      const auto mv = static_cast<Move>(next);
      int label = -1;
      if (mv == Move::kLeft || mv == Move::kRight) {
        const int s0 = st.s(0), b0 = st.b(0);
        const int h = mv == Move::kLeft ? b0 : s0, d = mv == Move::kLeft ? s0 : b0;
        label_features(c, h, d, lf);
        score(model.arcs, lf, ls);
        const int pl = best_label(ls, label_count, model.root_label);
        label = pl;
        if (ts.gold[static_cast<size_t>(d)] == h) {
          const int gl = ts.gold_labels[static_cast<size_t>(d)];
          label_time += 1;
          if (pl != gl) {
            for (int i = 0; i < lf.n; ++i) {
              model.arcs.update(lf.keys[static_cast<size_t>(i)], gl, 1.0f, label_time);
              model.arcs.update(lf.keys[static_cast<size_t>(i)], pl, -1.0f, label_time);
            }
          }
          if (!explore) label = gl;
        }
      }
      st.apply(mv, label);
    }
  }

  // Global training of the beam (Huang, Fayong & Guo 2012): a structured perceptron
  // update at the step of maximum violation between the beam's best item and the gold
  // sequence. The gold sequence is latent (Goldberg & Nivre's dynamic oracle: any
  // sequence that keeps the whole gold tree reachable); it is the best zero-cost item
  // in the beam while there is one, then follows the best-scoring zero-cost move.
  void train_sentence_beam(const TrainSentence& ts, int width) {
    const int n = static_cast<int>(ts.gold.size());
    if (n == 0) return;
    PlainScorer<WeightTable, WeightTable> scorer(model.moves, model.arcs, model.root_label);
    BeamSearch<PlainScorer<WeightTable, WeightTable>> beam(scorer, width);
    beam.start(ts.values, &ts.gold);
    int gi = 0;  // gold item in the beam while !own_active
    bool own_active = false;
    BeamItem own, tmp;
    double max_v = -1;
    int v_best = -1, v_gold = -1;
    bool v_found = false;
    std::array<float, kMoveCount> ms{};
    Features f;
    while (!beam.done() || (own_active && !own.st.terminal())) {
      const auto& cands = beam.step();
      const auto& items = beam.items();
      if (!own_active) {
        int g = -1;
        for (size_t j = 0; j < items.size() && g < 0; ++j)
          if (items[j].cost == 0) g = static_cast<int>(j);
        if (g >= 0) {
          gi = g;
        } else {  // the gold fell off the beam: continue it outside
          const BeamItem& prev = beam.previous()[static_cast<size_t>(gi)];
          const BeamCandidate* pick = nullptr;
          for (const auto& cd : cands)
            if (cd.item == gi && (pick == nullptr || (pick->cost != 0 && cd.cost < pick->cost))) pick = &cd;
          beam.extend(prev, *pick, own);
          own_active = true;
        }
      } else if (!own.st.terminal()) {
        Context c{ts.values, own.st};
        move_features(c, f);
        score(model.moves, f, ms);
        const auto costs = move_costs(own.st, ts.gold);
        int best = -1;
        for (int m = 0; m < kMoveCount; ++m) {
          const auto um = static_cast<size_t>(m);
          if (costs[um] >= kInvalidCost) continue;
          if (best < 0 || costs[um] < costs[static_cast<size_t>(best)] ||
              (costs[um] == costs[static_cast<size_t>(best)] && ms[um] > ms[static_cast<size_t>(best)]))
            best = m;
        }
        const auto ub = static_cast<size_t>(best);
        const BeamCandidate cd{own.score + static_cast<double>(ms[ub]), 0, best, own.cost + costs[ub]};
        beam.extend(own, cd, tmp);
        std::swap(own, tmp);
      }
      const BeamItem& gold = own_active ? own : items[static_cast<size_t>(gi)];
      const BeamItem& top = items.front();
      if (top.cost != 0) {
        const double v = top.score - gold.score;
        if (v >= 0 && v > max_v) max_v = v, v_best = top.node, v_gold = gold.node, v_found = true;
      }
    }
    const BeamItem& gold = own_active ? own : beam.items()[static_cast<size_t>(gi)];
    ++moves_seen;
    if (beam.items().front().cost == 0) ++moves_right;
    move_time += 1;
    if (v_found) {
      std::vector<BeamNode> gp, bp;
      beam_path(beam.nodes(), v_gold, gp);
      beam_path(beam.nodes(), v_best, bp);
      size_t common = 0;
      while (common < gp.size() && common < bp.size() && gp[common].move == bp[common].move &&
             gp[common].label == bp[common].label)
        ++common;
      replay_update(ts, gp, common, 1.0f);
      replay_update(ts, bp, common, -1.0f);
    }
    // Labels: trained on the gold sequence's arcs.
    std::vector<BeamNode> path;
    beam_path(beam.nodes(), gold.node, path);
    ArcEagerState st(n);
    Context c{ts.values, st};
    std::array<float, kMaxLabels> ls{};
    for (const auto& nd : path) {
      const auto mv = static_cast<Move>(nd.move);
      if (mv == Move::kLeft || mv == Move::kRight) {
        const int s0 = st.s(0), b0 = st.b(0);
        const int h = mv == Move::kLeft ? b0 : s0, d = mv == Move::kLeft ? s0 : b0;
        if (ts.gold[static_cast<size_t>(d)] == h) {
          label_features(c, h, d, f);
          score(model.arcs, f, ls);
          const int pl = best_label(ls, model.arcs.classes(), model.root_label);
          const int gl = ts.gold_labels[static_cast<size_t>(d)];
          label_time += 1;
          if (pl != gl) {
            for (int i = 0; i < f.n; ++i) {
              model.arcs.update(f.keys[static_cast<size_t>(i)], gl, 1.0f, label_time);
              model.arcs.update(f.keys[static_cast<size_t>(i)], pl, -1.0f, label_time);
            }
          }
        }
      }
      st.apply(mv, nd.label);
    }
  }

  // Adds `delta` to the weights of each move of `path` from position `from` on.
  void replay_update(const TrainSentence& ts, const std::vector<BeamNode>& path, size_t from, float delta) {
    ArcEagerState st(static_cast<int>(ts.gold.size()));
    Context c{ts.values, st};
    Features f;
    for (size_t i = 0; i < path.size(); ++i) {
      if (i >= from) {
        move_features(c, f);
        for (int k = 0; k < f.n; ++k)
          model.moves.update(f.keys[static_cast<size_t>(k)], path[i].move, delta, move_time);
      }
      st.apply(static_cast<Move>(path[i].move), path[i].label);
    }
  }

  std::unique_ptr<Model> averaged(float prune) const {
    auto m = std::make_unique<Model>();
    m->labels = model.labels;
    m->root_label = model.root_label;
    m->use_vocab = model.use_vocab;
    m->vocab_list = model.vocab_list;
    m->ambiguity_list = model.ambiguity_list;
    for (size_t i = 0; i < m->vocab_list.size(); ++i)
      m->lexicon.emplace(m->vocab_list[i], m->ambiguity_list[i]);
    m->beam = beam;
    m->moves = MoveTable::build(model.moves.averaged(std::max(move_time, 1.0), prune), beam > 1);
    m->arcs = LabelTable::build(model.arcs.averaged(std::max(label_time, 1.0), prune));
    build_decode_tables(*m);
    return m;
  }
};

}  // namespace

Parser train_parser(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                    const ParserTrainOptions& options, const ParserProgress& progress,
                    ParserTrainStats* stats) {
  ParserTrainStats local;
  ParserTrainStats& s = stats ? *stats : local;
  s = ParserTrainStats{};
  // Labels: sorted for determinism; "root" always present.
  std::map<std::string, int> label_ids;
  label_ids["root"] = 0;
  for (const auto& sent : train)
    for (const auto& w : sent.words)
      if (w.head >= 0 && !w.deprel.empty()) label_ids[w.deprel] = 0;
  if (label_ids.size() > kMaxLabelCount) throw std::invalid_argument("train_parser: too many labels");
  Trainer tr;
  for (auto& [name, id] : label_ids) {
    id = static_cast<int>(tr.model.labels.size());
    tr.model.labels.push_back(name);
  }
  tr.model.root_label = label_ids["root"];
  tr.model.arcs = WeightTable(static_cast<int>(tr.model.labels.size()));
  tr.model.moves.enable_averaging();
  tr.model.arcs.enable_averaging();
  tr.rng.seed(options.seed);
  if (options.beam < 0 || options.beam > kMaxBeam)
    throw std::invalid_argument("train_parser: bad beam width");
  tr.beam = options.beam;

  // Lexicon: lower-cased forms seen at least min_word_count times, each with its
  // ambiguity class (the XPOS tags given to at least 5% of its occurrences).
  Lexicon lexicon;
  {
    std::map<uint64_t, std::map<std::string, int>> tag_counts;
    for (const auto& sent : train)
      for (const auto& w : sent.words) ++tag_counts[form_hash(w.form)][w.xpos];
    for (const auto& [h, tags] : tag_counts) {
      int count = 0;
      for (const auto& [tag, k] : tags) count += k;
      if (count < std::max(1, options.min_word_count)) continue;
      uint64_t amb = 0x9ae16a3b2f90404fULL;
      for (const auto& [tag, k] : tags)
        if (20 * k >= count) amb = mix(amb, hash_bytes(tag, 0x1234567));
      tr.model.vocab_list.push_back(h);
      tr.model.ambiguity_list.push_back(amb);
      lexicon.emplace(h, amb);
    }
    tr.model.use_vocab = options.min_word_count > 1;
  }

  std::vector<TrainSentence> data;
  data.reserve(train.size());
  for (const auto& sent : train) {
    TrainSentence ts;
    ts.sentence = &sent;
    bool ok = !sent.words.empty();
    const int n = static_cast<int>(sent.words.size());
    int roots = 0;
    for (const auto& w : sent.words) {
      if (w.head < -1 || w.head >= n) ok = false;
      roots += w.head == -1;
      ts.gold.push_back(w.head);
      auto it = label_ids.find(w.deprel);
      ts.gold_labels.push_back(w.head == -1 ? tr.model.root_label : it == label_ids.end() ? 0 : it->second);
    }
    if (!ok || roots != 1) continue;
    if (!is_projective(ts.gold)) {
      ++s.nonprojective_sentences;
      if (!options.projectivize) {
        ++s.skipped_nonprojective;
        continue;
      }
      s.lifted_arcs += static_cast<size_t>(projectivize(ts.gold));
    }
    for (const auto& w : sent.words) ts.values.push_back(word_values(w, lexicon, tr.model.use_vocab));
    data.push_back(std::move(ts));
  }
  s.sentences = data.size();

  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::unique_ptr<Model> best;
  double best_las = -1;
  int since_best = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto t0 = std::chrono::steady_clock::now();
    std::shuffle(order.begin(), order.end(), tr.rng);
    tr.moves_seen = tr.moves_right = 0;
    const bool explore = epoch >= options.explore_from_epoch;
    for (size_t i : order) {
      if (tr.beam > 1)
        tr.train_sentence_beam(data[i], tr.beam);
      else
        tr.train_sentence(data[i], explore, options.explore_probability);
    }
    ParserEpochReport rep;
    rep.epoch = epoch;
    rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    rep.train_move_accuracy =
        tr.moves_seen ? 100.0 * static_cast<double>(tr.moves_right) / static_cast<double>(tr.moves_seen) : 0;
    auto avg = tr.averaged(options.prune_below);
    rep.features = avg->moves.rows() + avg->arcs.rows();
    rep.label_features = avg->arcs.rows();
    double las = static_cast<double>(epoch);  // without dev: keep the last epoch
    if (!dev.empty()) {
      ParseScores sc;
      for (const auto& g : dev) {
        Sentence p = g;
        parse_with(*avg, p, 0);
        sc += score_parse(g, p);
      }
      rep.dev_uas = sc.uas();
      rep.dev_las = sc.las();
      las = sc.las();
    }
    if (las > best_las) {
      best_las = las;
      best = std::move(avg);
      rep.best = true;
      since_best = 0;
    } else {
      ++since_best;
    }
    if (progress) progress(rep);
    if (options.patience > 0 && since_best >= options.patience) break;
  }
  if (!best) best = tr.averaged(options.prune_below);
  return Parser(std::move(best));
}

}  // namespace dyad::nlp
