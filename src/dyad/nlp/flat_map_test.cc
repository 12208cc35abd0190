#include "dyad/nlp/flat_map.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <unordered_map>

namespace dyad::nlp {
namespace {

TEST(FlatMap, InsertFindReplace) {
  FlatMap<uint32_t> m;
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(m.find(42), nullptr);
  m.insert(42, 7);
  ASSERT_NE(m.find(42), nullptr);
  EXPECT_EQ(*m.find(42), 7u);
  m.insert(42, 9);  // replaces
  EXPECT_EQ(*m.find(42), 9u);
  EXPECT_EQ(m.size(), 1u);
  EXPECT_EQ(m.find(43), nullptr);
}

TEST(FlatMap, CollidingKeysProbeOnward) {
  FlatMap<int> m(4);
  const size_t cap = m.capacity();
  // Same low bits: all start probing at one slot, including the wrap-around at the end.
  const uint64_t base = cap - 1;
  for (uint64_t k = 0; k < 5; ++k) m.insert(base + k * cap, static_cast<int>(k));
  ASSERT_EQ(m.capacity(), cap);  // 5 entries fit under half of 16
  for (uint64_t k = 0; k < 5; ++k) {
    ASSERT_NE(m.find(base + k * cap), nullptr) << k;
    EXPECT_EQ(*m.find(base + k * cap), static_cast<int>(k));
  }
  EXPECT_EQ(m.find(base + 5 * cap), nullptr);
}

TEST(FlatMap, GrowsAndKeepsEverything) {
  FlatMap<uint64_t> m(1);
  std::unordered_map<uint64_t, uint64_t> reference;
  std::mt19937_64 rng(3);
  for (int i = 0; i < 5000; ++i) {
    const uint64_t key = rng() | 1;
    m.insert(key, key * 3);
    reference[key] = key * 3;
    EXPECT_LE(2 * m.size(), m.capacity());
  }
  EXPECT_EQ(m.size(), reference.size());
  for (const auto& [key, value] : reference) {
    ASSERT_NE(m.find(key), nullptr);
    EXPECT_EQ(*m.find(key), value);
  }
}

TEST(FlatMap, ClearKeepsCapacity) {
  FlatMap<uint32_t> m;
  for (uint64_t k = 1; k <= 100; ++k) m.insert(FlatMap<uint32_t>::mix_key(k), static_cast<uint32_t>(k));
  const size_t cap = m.capacity();
  m.clear();
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(m.capacity(), cap);
  for (uint64_t k = 1; k <= 100; ++k) EXPECT_EQ(m.find(FlatMap<uint32_t>::mix_key(k)), nullptr);
  m.insert(FlatMap<uint32_t>::mix_key(5), 5);
  EXPECT_EQ(*m.find(FlatMap<uint32_t>::mix_key(5)), 5u);
}

TEST(FlatMap, ClearAfterGrowthForgetsEverything) {
  FlatMap<uint32_t> m(2);
  for (uint64_t k = 1; k <= 1000; ++k) m.insert(FlatMap<uint32_t>::mix_key(k), 1);  // several rehashes
  m.clear();
  EXPECT_TRUE(m.empty());
  for (uint64_t k = 1; k <= 1000; ++k) ASSERT_EQ(m.find(FlatMap<uint32_t>::mix_key(k)), nullptr) << k;
  m.insert(FlatMap<uint32_t>::mix_key(2), 2);
  EXPECT_EQ(m.size(), 1u);
  EXPECT_EQ(*m.find(FlatMap<uint32_t>::mix_key(2)), 2u);
}

TEST(FlatMap, MixKeyIsNonZeroAndSpreads) {
  EXPECT_EQ(FlatMap<int>::mix_key(0), 0u);
  for (uint64_t k = 1; k < 1000; ++k) EXPECT_NE(FlatMap<int>::mix_key(k), 0u);
  // Packed index pairs differing in one index land on different slots of a small table.
  std::unordered_map<uint64_t, int> low_bits;
  for (uint64_t a = 0; a < 32; ++a) ++low_bits[FlatMap<int>::mix_key((a << 32) | 7) & 1023];
  EXPECT_GT(low_bits.size(), 28u);
}

}  // namespace
}  // namespace dyad::nlp
