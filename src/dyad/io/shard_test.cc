#include "dyad/io/shard.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad::io {
namespace {

TEST(Shard, Parses) {
  Shard s;
  ASSERT_TRUE(parse_shard("3/8", s));
  EXPECT_EQ(s.index, 3u);
  EXPECT_EQ(s.count, 8u);
  ASSERT_TRUE(parse_shard("1/1", s));
  for (const char* bad : {"0/2", "3/2", "1", "/2", "1/", "a/b", "1/2/3", "-1/2", "1/2000000"})
    EXPECT_FALSE(parse_shard(bad, s)) << bad;
}

TEST(Shard, EveryArticleIsInExactlyOneShardAndTheSplitIsEven) {
  for (uint32_t n : {1u, 2u, 3u, 7u}) {
    std::vector<int> sizes(n);
    for (int a = 0; a < 2000; ++a) {
      const std::string id = "article-" + std::to_string(a);
      int found = 0;
      for (uint32_t i = 1; i <= n; ++i)
        if (in_shard(id, {i, n})) {
          ++found;
          ++sizes[i - 1];
        }
      EXPECT_EQ(found, 1) << id << " in " << n << " shards";
    }
    for (int size : sizes) EXPECT_NEAR(size, 2000.0 / n, 2000.0 / n * 0.15) << n << " shards";
  }
}

TEST(Shard, DependsOnTheIdAlone) {
  // Fixed: the same id is in the same shard on every run and machine.
  EXPECT_EQ(in_shard("wire-1", {1, 2}), in_shard(std::string("wire-") + "1", {1, 2}));
  EXPECT_NE(in_shard("wire-1", {1, 2}), in_shard("wire-1", {2, 2}));
}

}  // namespace
}  // namespace dyad::io
