#include "dyad/nlp/parser_transition.h"

#include <cstdlib>

namespace dyad::nlp {

void ArcEagerState::reset(int n) {
  n_ = n;
  b0_ = 0;
  stack_.clear();
  stack_.reserve(static_cast<size_t>(n));
  words_.assign(static_cast<size_t>(n), WordState{});
}

std::vector<int> ArcEagerState::heads() const {
  std::vector<int> out(words_.size());
  for (size_t i = 0; i < words_.size(); ++i) out[i] = words_[i].head;
  return out;
}

std::vector<int> ArcEagerState::labels() const {
  std::vector<int> out(words_.size());
  for (size_t i = 0; i < words_.size(); ++i) out[i] = words_[i].label;
  return out;
}

bool ArcEagerState::valid(Move m) const {
  const bool has_stack = !stack_.empty();
  const bool has_buffer = b0_ < n_;
  switch (m) {
    case Move::kShift:
      return has_buffer;
    case Move::kReduce:
      return has_stack && has_head(stack_.back());
    case Move::kLeft:
      return has_stack && has_buffer && !has_head(stack_.back());
    case Move::kRight:
      return has_stack && has_buffer;
  }
  return false;
}

void ArcEagerState::add_arc(int h, int d, int label) {
  WordState& head = words_[static_cast<size_t>(h)];
  WordState& dep = words_[static_cast<size_t>(d)];
  dep.head = h;
  dep.label = label;
  const uint64_t bit = label >= 0 ? (uint64_t{1} << (label & 63)) : 0;
  if (d < h) {
    if (head.lc1 < 0 || d < head.lc1) {
      head.lc2 = head.lc1;
      head.lc1 = d;
    } else if (head.lc2 < 0 || d < head.lc2) {
      head.lc2 = d;
    }
    ++head.nleft;
    head.lset |= bit;
  } else {
    if (head.rc1 < 0 || d > head.rc1) {
      head.rc2 = head.rc1;
      head.rc1 = d;
    } else if (head.rc2 < 0 || d > head.rc2) {
      head.rc2 = d;
    }
    ++head.nright;
    head.rset |= bit;
  }
}

void ArcEagerState::apply(Move m, int label) {
  switch (m) {
    case Move::kShift:
      words_[static_cast<size_t>(b0_)].in_stack = 1;
      stack_.push_back(b0_++);
      break;
    case Move::kReduce:
      words_[static_cast<size_t>(stack_.back())].in_stack = 0;
      stack_.pop_back();
      break;
    case Move::kLeft:
      add_arc(b0_, stack_.back(), label);
      words_[static_cast<size_t>(stack_.back())].in_stack = 0;
      stack_.pop_back();
      break;
    case Move::kRight:
      add_arc(stack_.back(), b0_, label);
      words_[static_cast<size_t>(b0_)].in_stack = 1;
      stack_.push_back(b0_++);
      break;
  }
}

void ArcEagerState::finish(int root_label) {
  for (WordState& w : words_) {
    if (w.head == kNoHead) {
      w.head = -1;
      w.label = root_label;
    }
  }
  stack_.clear();
  b0_ = n_;
}

std::array<int, kMoveCount> move_costs(const ArcEagerState& st, const std::vector<int>& gold) {
  std::array<int, kMoveCount> cost{kInvalidCost, kInvalidCost, kInvalidCost, kInvalidCost};
  const int n = st.size();
  const int s0 = st.s(0);
  const int b0 = st.b(0);
  auto g = [&](int w) { return gold[static_cast<size_t>(w)]; };
  // Gold dependents of w still in the buffer (they have no head yet).
  auto deps_in_buffer = [&](int w) {
    int c = 0;
    for (int d = b0 < 0 ? n : b0; d < n; ++d) c += g(d) == w;
    return c;
  };
  // Headless stack words whose gold head is w.
  auto headless_stack_deps = [&](int w) {
    int c = 0;
    for (int k : st.stack()) c += !st.has_head(k) && g(k) == w;
    return c;
  };
  if (st.valid(Move::kShift)) {
    const int h = g(b0);
    cost[0] = (h >= 0 && st.in_stack(h) ? 1 : 0) + headless_stack_deps(b0);
  }
  if (st.valid(Move::kReduce)) cost[1] = deps_in_buffer(s0);
  if (st.valid(Move::kLeft)) {
    const int h = g(s0);
    cost[2] = (h != b0 && (h == -1 || h > b0) ? 1 : 0) + deps_in_buffer(s0);
  }
  if (st.valid(Move::kRight)) {
    const int h = g(b0);
    const bool reachable = h == -1 || h > b0 || (h >= 0 && st.in_stack(h));
    cost[3] = (h != s0 && reachable ? 1 : 0) + headless_stack_deps(b0);
  }
  return cost;
}

namespace {

// True when k is h or below h (guarded against cycles).
bool dominates(const std::vector<int>& heads, int h, int k) {
  const size_t n = heads.size();
  for (size_t steps = 0; k >= 0 && steps <= n; ++steps) {
    if (k == h) return true;
    k = heads[static_cast<size_t>(k)];
  }
  return false;
}

bool arc_projective(const std::vector<int>& heads, int d) {
  const int h = heads[static_cast<size_t>(d)];
  if (h < 0) return true;
  const int lo = h < d ? h : d, hi = h < d ? d : h;
  for (int k = lo + 1; k < hi; ++k)
    if (!dominates(heads, h, k)) return false;
  return true;
}

}  // namespace

bool is_projective(const std::vector<int>& heads) {
  for (size_t d = 0; d < heads.size(); ++d)
    if (!arc_projective(heads, static_cast<int>(d))) return false;
  return true;
}

int projectivize(std::vector<int>& heads) {
  int lifts = 0;
  const int limit = static_cast<int>(heads.size() * heads.size()) + 1;
  while (lifts < limit) {
    int best = -1, best_len = 0;
    for (size_t d = 0; d < heads.size(); ++d) {
      const int id = static_cast<int>(d);
      if (arc_projective(heads, id)) continue;
      const int len = std::abs(heads[d] - id);
      if (best < 0 || len < best_len) best = id, best_len = len;
    }
    if (best < 0) break;
    heads[static_cast<size_t>(best)] = heads[static_cast<size_t>(heads[static_cast<size_t>(best)])];
    ++lifts;
  }
  return lifts;
}

}  // namespace dyad::nlp
