#include "dyad/nlp/parser_transition.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace dyad::nlp {
namespace {

// Hand-written gold trees (head per word, -1 = root), all projective.
const std::vector<std::vector<int>> kProjectiveTrees = {
    {-1},                                     // "Hello"
    {1, -1},                                  // "Russia protested"
    {1, -1, 1, 1},                            // "Lavrov criticized Washington ."
    {1, 2, -1, 4, 2, 2},                      // "The minister met the envoy ."
    {2, 2, -1, 4, 2, 7, 7, 2, 2},             // "He has visited Paris and met the president ."
    {-1, 0, 3, 0, 5, 3, 0},                   // root first, right-branching
    {3, 3, 3, -1, 6, 6, 3, 8, 6, 3},          // several left dependents of the root
    {1, 4, 3, 4, -1, 4, 7, 5, 4},             // nested
    {2, 2, 5, 5, 5, -1, 7, 5, 10, 10, 7, 5},  // long-distance right arcs
};

// Follows zero-cost moves only, preferring moves in `order`; returns the heads.
std::vector<int> follow_oracle(const std::vector<int>& gold, const std::array<Move, 4>& order) {
  ArcEagerState st(static_cast<int>(gold.size()));
  while (!st.terminal()) {
    const auto costs = move_costs(st, gold);
    bool moved = false;
    for (Move m : order) {
      if (costs[static_cast<size_t>(m)] == 0) {
        EXPECT_TRUE(st.valid(m));
        st.apply(m, 7);
        moved = true;
        break;
      }
    }
    if (!moved) {
      ADD_FAILURE() << "no zero-cost move";
      break;
    }
  }
  st.finish(0);
  return st.heads();
}

TEST(TransitionOracle, ReproducesEveryProjectiveGoldTree) {
  std::array<Move, 4> order{Move::kShift, Move::kReduce, Move::kLeft, Move::kRight};
  std::sort(order.begin(), order.end());
  do {
    for (const auto& gold : kProjectiveTrees) {
      ASSERT_TRUE(is_projective(gold));
      EXPECT_EQ(follow_oracle(gold, order), gold);
    }
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST(TransitionSystem, PreconditionsAndChildren) {
  ArcEagerState st(3);
  EXPECT_FALSE(st.valid(Move::kReduce));
  EXPECT_FALSE(st.valid(Move::kLeft));
  EXPECT_FALSE(st.valid(Move::kRight));
  EXPECT_TRUE(st.valid(Move::kShift));
  st.apply(Move::kShift, -1);  // stack [0]
  st.apply(Move::kLeft, 4);    // 0 <- 1
  EXPECT_EQ(st.head(0), 1);
  EXPECT_EQ(st.label(0), 4);
  EXPECT_EQ(st.left1(1), 0);
  EXPECT_EQ(st.left_labels(1), uint64_t{1} << 4);
  st.apply(Move::kShift, -1);  // stack [1]
  st.apply(Move::kRight, 5);   // 1 -> 2
  EXPECT_EQ(st.right1(1), 2);
  EXPECT_EQ(st.right_count(1), 1);
  EXPECT_TRUE(st.terminal());
  st.finish(9);
  EXPECT_EQ(st.heads(), (std::vector<int>{1, -1, 1}));
  EXPECT_EQ(st.labels(), (std::vector<int>{4, 9, 5}));
}

TEST(DynamicOracle, CostsOnCraftedConfigurations) {
  // Gold: 0 <- 1 -> 3, 2 <- 3; 1 is the root.  "He said they left"
  const std::vector<int> gold = {1, -1, 3, 1};
  ArcEagerState st(4);
  // Initial: only SHIFT is valid; it costs nothing.
  auto c = move_costs(st, gold);
  EXPECT_EQ(c[0], 0);
  EXPECT_EQ(c[1], kInvalidCost);
  EXPECT_EQ(c[2], kInvalidCost);
  EXPECT_EQ(c[3], kInvalidCost);
  st.apply(Move::kShift, 0);  // stack [0], buffer [1 2 3]
  c = move_costs(st, gold);
  EXPECT_EQ(c[static_cast<size_t>(Move::kLeft)], 0);   // 0 <- 1 is gold
  EXPECT_EQ(c[static_cast<size_t>(Move::kRight)], 2);  // 1 loses its root arc, 0 its head 1
  EXPECT_EQ(c[static_cast<size_t>(Move::kShift)], 1);  // 0 can no longer get head 1
  EXPECT_EQ(c[static_cast<size_t>(Move::kReduce)], kInvalidCost);

  // Wrong move: SHIFT 1 on top of 0. Now 0's head is lost for good.
  st.apply(Move::kShift, 0);  // stack [0 1], buffer [2 3]
  c = move_costs(st, gold);
  EXPECT_EQ(c[static_cast<size_t>(Move::kShift)], 0);  // 2's head 3 is still ahead
  EXPECT_EQ(c[static_cast<size_t>(Move::kRight)], 1);  // 1 -> 2 is wrong (2's head is 3)
  EXPECT_EQ(c[static_cast<size_t>(Move::kLeft)], 2);   // 1 <- 2 loses 1's root arc and 1 -> 3
  st.apply(Move::kShift, 0);                           // stack [0 1 2], buffer [3]
  c = move_costs(st, gold);
  EXPECT_EQ(c[static_cast<size_t>(Move::kLeft)], 0);   // 2 <- 3
  EXPECT_EQ(c[static_cast<size_t>(Move::kRight)], 2);  // 2 -> 3 wrong; 2 then cannot take 3 as head
  EXPECT_EQ(c[static_cast<size_t>(Move::kShift)], 2);  // 3's head 1 is in the stack; 2's head 3 lost
  st.apply(Move::kLeft, 0);                            // stack [0 1], buffer [3]
  c = move_costs(st, gold);
  EXPECT_EQ(c[static_cast<size_t>(Move::kRight)], 0);  // 1 -> 3
  EXPECT_EQ(c[static_cast<size_t>(Move::kShift)], 1);  // loses 1 -> 3
  EXPECT_EQ(c[static_cast<size_t>(Move::kLeft)], 2);   // 1 <- 3: loses 1's root arc and 1 -> 3
}

// Exhaustive check on small trees: the cost of a move is exactly how much the best
// reachable loss grows when taking it, from any reachable configuration.
int best_loss(const ArcEagerState& st, const std::vector<int>& gold) {
  if (st.terminal()) {
    ArcEagerState done = st;
    done.finish(0);
    int loss = 0;
    for (size_t i = 0; i < gold.size(); ++i) loss += done.heads()[i] != gold[i];
    return loss;
  }
  int best = 1 << 30;
  for (int m = 0; m < kMoveCount; ++m) {
    if (!st.valid(static_cast<Move>(m))) continue;
    ArcEagerState next = st;
    next.apply(static_cast<Move>(m), 0);
    best = std::min(best, best_loss(next, gold));
  }
  return best;
}

// Random projective tree over n words (attach each word to an earlier-placed node so that
// arcs do not cross: build by recursive splitting).
void random_projective(std::mt19937_64& rng, int lo, int hi, int head, std::vector<int>& heads) {
  if (lo >= hi) return;
  const int r = lo + static_cast<int>(rng() % static_cast<uint64_t>(hi - lo));
  heads[static_cast<size_t>(r)] = head;
  random_projective(rng, lo, r, r, heads);
  random_projective(rng, r + 1, hi, r, heads);
}

TEST(DynamicOracle, CostsMatchExhaustiveSearch) {
  std::mt19937_64 rng(7);
  int checked = 0;
  for (int trial = 0; trial < 150; ++trial) {
    const int n = 2 + static_cast<int>(rng() % 4);
    std::vector<int> gold(static_cast<size_t>(n), -1);
    random_projective(rng, 0, n, -1, gold);
    ASSERT_TRUE(is_projective(gold));
    ArcEagerState st(n);
    while (!st.terminal()) {
      const int now = best_loss(st, gold);
      const auto costs = move_costs(st, gold);
      int min_cost = kInvalidCost;
      for (int m = 0; m < kMoveCount; ++m) {
        const auto mv = static_cast<Move>(m);
        if (!st.valid(mv)) {
          EXPECT_EQ(costs[static_cast<size_t>(m)], kInvalidCost);
          continue;
        }
        ArcEagerState next = st;
        next.apply(mv, 0);
        EXPECT_EQ(costs[static_cast<size_t>(m)], best_loss(next, gold) - now) << "move " << m << " n " << n;
        min_cost = std::min(min_cost, costs[static_cast<size_t>(m)]);
        ++checked;
      }
      EXPECT_EQ(min_cost, 0);
      // Random (possibly wrong) move to explore other configurations.
      Move mv;
      do mv = static_cast<Move>(rng() % kMoveCount);
      while (!st.valid(mv));
      st.apply(mv, 0);
    }
  }
  EXPECT_GT(checked, 500);
}

TEST(Projectivity, DetectsAndLiftsCrossingArcs) {
  // "A hearing is scheduled on the issue today": 1 -> 4 crosses 3 -> 2 / root arc.
  std::vector<int> heads = {1, 3, 3, -1, 6, 6, 1, 3};
  EXPECT_FALSE(is_projective(heads));
  const int lifts = projectivize(heads);
  EXPECT_GE(lifts, 1);
  EXPECT_TRUE(is_projective(heads));
  EXPECT_EQ(heads[6], 3);  // "issue" lifted from "hearing" to "scheduled"
  std::vector<int> proj = {1, -1, 1};
  EXPECT_EQ(projectivize(proj), 0);
  EXPECT_EQ(proj, (std::vector<int>{1, -1, 1}));
}

}  // namespace
}  // namespace dyad::nlp
