#pragma once

// FlatMap: an open-addressing hash map from non-zero 64-bit keys to small trivially
// copyable values, for per-sentence caches on hot paths (parser.cc). One flat array of
// slots, linear probing, power-of-two capacity kept at most half full, key 0 marks an
// empty slot. clear() keeps the memory, so a cache reused sentence after sentence stops
// allocating once it has reached the size of the longest sentence, and clearing costs
// what was inserted, not the capacity.
//
//   FlatMap<uint32_t> index;
//   if (const uint32_t* i = index.find(key)) ... else index.insert(key, value);
//
// Keys are expected to be well mixed in their low bits (the slot is key & mask); callers
// with structured keys pass them through FlatMap<>::mix_key first.

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace dyad::nlp {

template <class Value>
class FlatMap {
  static_assert(std::is_trivially_copyable_v<Value>);

 public:
  explicit FlatMap(size_t expected = 8) { rehash(capacity_for(expected)); }

  size_t size() const { return used_.size(); }
  bool empty() const { return used_.empty(); }
  size_t capacity() const { return slots_.size(); }

  // The value stored under `key` (non-zero), or nullptr.
  const Value* find(uint64_t key) const {
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s.value;
      if (s.key == 0) return nullptr;
    }
  }
  Value* find(uint64_t key) { return const_cast<Value*>(static_cast<const FlatMap&>(*this).find(key)); }

  // Stores `value` under `key` (non-zero), replacing any value there; returns it.
  Value& insert(uint64_t key, const Value& value) {
    if (2 * (used_.size() + 1) > slots_.size()) rehash(slots_.size() * 2);
    size_t i = key & mask_;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
    if (slots_[i].key == 0) used_.push_back(static_cast<uint32_t>(i));
    slots_[i].key = key;
    slots_[i].value = value;
    return slots_[i].value;
  }

  // Removes every entry, in time proportional to their number (the slots used are
  // remembered); the capacity stays.
  void clear() {
    for (uint32_t i : used_) slots_[i].key = 0;
    used_.clear();
  }

  // A bijective mix of a structured key (e.g. two packed indices) into one whose low
  // bits are spread; never 0 for a non-zero input.
  static uint64_t mix_key(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb93fe53e4ec9ULL;
    x ^= x >> 33;
    return x;
  }

 private:
  struct Slot {
    uint64_t key;
    Value value;
  };

  static size_t capacity_for(size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    return cap;
  }

  void rehash(size_t capacity) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(capacity, Slot{0, Value{}});
    mask_ = capacity - 1;
    used_.clear();
    for (const Slot& s : old)
      if (s.key != 0) insert(s.key, s.value);
  }

  std::vector<Slot> slots_;
  std::vector<uint32_t> used_;  // indices of the slots in use
  size_t mask_ = 0;
};

}  // namespace dyad::nlp
