#include "dyad/core/parallel.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace dyad {
namespace {

TEST(ParallelFor, VisitsEveryIndexExactlyOnce) {
  for (int threads : {1, 2, 4}) {
    std::vector<std::atomic<int>> seen(1000);
    parallel_for(seen.size(), threads, [&](size_t i) { seen[i].fetch_add(1); });
    for (size_t i = 0; i < seen.size(); ++i) ASSERT_EQ(seen[i].load(), 1) << "index " << i << ", " << threads;
  }
}

TEST(ParallelFor, RethrowsTheWorkersException) {
  EXPECT_THROW(parallel_for(100, 3,
                            [](size_t i) {
                              if (i == 42) throw std::runtime_error("bad item");
                            }),
               std::runtime_error);
}

TEST(ParallelFor, NothingToDoIsFine) {
  int calls = 0;
  parallel_for(0, 4, [&](size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace dyad
