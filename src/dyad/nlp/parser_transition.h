#pragma once

// The arc-eager transition system behind the dependency parser (parser.h), with its
// dynamic oracle (Goldberg & Nivre 2012, 2013) and pseudo-projective lifting.
//
// Words are 0..n-1. The root is not on the stack: parsing ends when the buffer is
// empty, and every word still without a head then becomes a root child (this is the
// "root at the end of the buffer" variant of Ballesteros & Nivre 2013, whose last
// moves are forced). A gold head of -1 means the root.
//
// Moves (preconditions):
//   SHIFT  push b0                                  (buffer not empty)
//   REDUCE pop s0                                   (s0 has a head)
//   LEFT   s0 <- b0 (s0 gets head b0), pop s0       (s0 has no head, buffer not empty)
//   RIGHT  s0 -> b0 (b0 gets head s0), push b0      (stack and buffer not empty)

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace dyad::nlp {

enum class Move : uint8_t { kShift = 0, kReduce = 1, kLeft = 2, kRight = 3 };
inline constexpr int kMoveCount = 4;

// The parser's beam copies states at every step, so a state is two flat arrays (the
// stack and one record per word): copying one is two memcpy.
class ArcEagerState {
 public:
  explicit ArcEagerState(int n = 0) { reset(n); }
  void reset(int n);

  int size() const { return n_; }
  bool terminal() const { return b0_ >= n_; }
  bool valid(Move m) const;
  // Applies a valid move; `label` is stored for the arc LEFT/RIGHT make (ignored otherwise).
  void apply(Move m, int label);
  // At the end: every word without a head gets head -1 and `root_label`.
  void finish(int root_label);

  // Stack from the bottom; s(0) is the top, -1 when absent.
  const std::vector<int>& stack() const { return stack_; }
  int s(int i) const {
    return i < static_cast<int>(stack_.size()) ? stack_[stack_.size() - 1 - static_cast<size_t>(i)] : -1;
  }
  int b(int i) const { return b0_ + i < n_ ? b0_ + i : -1; }
  int buffer_front() const { return b0_; }
  bool in_stack(int w) const { return word(w).in_stack != 0; }

  int head(int w) const { return word(w).head; }
  int label(int w) const { return word(w).label; }
  bool has_head(int w) const { return word(w).head != kNoHead; }
  // Leftmost / second leftmost and rightmost / second rightmost children (-1 if none).
  int left1(int w) const { return word(w).lc1; }
  int left2(int w) const { return word(w).lc2; }
  int right1(int w) const { return word(w).rc1; }
  int right2(int w) const { return word(w).rc2; }
  int left_count(int w) const { return word(w).nleft; }
  int right_count(int w) const { return word(w).nright; }
  // Bit (label & 63) set for each left / right child's label.
  uint64_t left_labels(int w) const { return word(w).lset; }
  uint64_t right_labels(int w) const { return word(w).rset; }

  // The heads after finish(); -1 for the root. Before finish(), kNoHead marks "none yet".
  std::vector<int> heads() const;
  std::vector<int> labels() const;

  static constexpr int kNoHead = -2;

 private:
  struct WordState {
    int head = kNoHead, label = -1;
    int lc1 = -1, lc2 = -1, rc1 = -1, rc2 = -1;
    uint16_t nleft = 0, nright = 0;
    uint8_t in_stack = 0;
    uint64_t lset = 0, rset = 0;  // label bits of the left / right children
  };
  const WordState& word(int w) const { return words_[static_cast<size_t>(w)]; }
  void add_arc(int h, int d, int label);

  int n_ = 0;
  int b0_ = 0;
  std::vector<int> stack_;
  std::vector<WordState> words_;
};

// Number of gold arcs each move makes unreachable (Goldberg & Nivre 2012 for the
// arc-eager system; exact for projective gold trees). Invalid moves get a large cost.
// `gold` holds the gold head of each word (-1 = root).
std::array<int, kMoveCount> move_costs(const ArcEagerState& state, const std::vector<int>& gold);
inline constexpr int kInvalidCost = 1 << 20;

// True when no arc crosses another (the root arc counts as coming from position -1).
bool is_projective(const std::vector<int>& heads);
// Pseudo-projective lifting (Nivre & Nilsson 2005, without label encoding): repeatedly
// moves the shortest non-projective arc up to the head's head until the tree is projective.
// Returns the number of lifts.
int projectivize(std::vector<int>& heads);

}  // namespace dyad::nlp
