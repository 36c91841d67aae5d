// Exact "do these two strided arrays share a byte?" test, with NumPy's
// semantics (numpy/_core/src/common/mem_overlap.c, solve_may_share_memory).
//
// An array touches the bytes base + sum(stride[i] * x[i]) + k for
// 0 <= x[i] < shape[i] and 0 <= k < itemsize. Two arrays overlap exactly when
// the bounded linear Diophantine equation
//
//     sum |s_i| x_i  =  rhs,   0 <= x_i <= ub_i
//
// built from both arrays' strides (negative strides flipped, the itemsize as
// one more unit-stride term) has a solution. That problem is NP-hard, so the
// solver (a GCD / extended-Euclid depth-first search, Ramachandran 2006) takes
// a work cap like NumPy's `max_work`:
//   -1 (any negative): exact, unbounded;
//    0: compare the memory extents only (too_hard whenever they intersect);
//   >0: give up with too_hard after that many dead ends, counted as NumPy does.
// Intermediate products use 128-bit integers; values that do not fit the
// 64-bit problem give `overflow`, never a wrong answer.
//
// Example (two interleaved 1-D double views of one buffer):
//   std::ptrdiff_t shape[] = {3}, strides[] = {16};
//   memory_extent_view even{base, 8, shape, strides};
//   memory_extent_view odd{base + 8, 8, shape, strides};
//   solve_may_share_memory(even, odd, -1);  // overlap_result::no
//   solve_may_share_memory(even, odd, 0);   // overlap_result::too_hard
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace nd::detail {

// One array's memory footprint, in bytes.
struct memory_extent_view {
  std::intptr_t base_address; // address of element (0, ..., 0)
  std::size_t itemsize;
  std::span<const std::ptrdiff_t> shape;
  std::span<const std::ptrdiff_t> byte_strides;
};

enum class overlap_result { no, yes, too_hard, overflow };

namespace overlap_impl {

__extension__ using int128 = __int128;

inline constexpr std::int64_t int64_max =
    std::numeric_limits<std::int64_t>::max();

// One unknown of the Diophantine problem: coeff * x with 0 <= x <= upper.
struct bounded_term {
  std::int64_t coeff;
  std::int64_t upper;
};

// Half-open byte range [begin, end); empty for zero-size arrays.
struct byte_extent {
  int128 begin = 0;
  int128 end = 0;
};

// Returns false if the extent does not fit 128 bits (absurd inputs only).
inline bool compute_extent(const memory_extent_view &view, byte_extent &out) {
  int128 low = 0;
  int128 high = 0;
  const std::size_t ndim =
      std::min(view.shape.size(), view.byte_strides.size());
  for (std::size_t i = 0; i < ndim; ++i) {
    if (view.shape[i] == 0) {
      out = {}; // a zero-size array touches no memory at all
      return true;
    }
  }
  for (std::size_t i = 0; i < ndim; ++i) {
    const int128 reach =
        int128{view.byte_strides[i]} * int128{view.shape[i] - 1};
    int128 &side = reach > 0 ? high : low;
    if (__builtin_add_overflow(side, reach, &side))
      return false;
  }
  const int128 base = view.base_address;
  if (__builtin_add_overflow(high, int128(view.itemsize), &high))
    return false;
  if (__builtin_add_overflow(base, low, &out.begin))
    return false;
  if (__builtin_add_overflow(base, high, &out.end))
    return false;
  return true;
}

// Appends one term per axis that can move (dim > 1, nonzero stride).
inline bool append_stride_terms(const memory_extent_view &view,
                                std::vector<bounded_term> &terms) {
  const std::size_t ndim =
      std::min(view.shape.size(), view.byte_strides.size());
  for (std::size_t i = 0; i < ndim; ++i) {
    const std::ptrdiff_t dim = view.shape[i];
    const std::ptrdiff_t stride = view.byte_strides[i];
    if (dim <= 1 || stride == 0)
      continue;
    if (stride == std::numeric_limits<std::ptrdiff_t>::min())
      return false;
    terms.push_back({static_cast<std::int64_t>(stride < 0 ? -stride : stride),
                     static_cast<std::int64_t>(dim - 1)});
  }
  return true;
}

// The inverse of a modulo m, for gcd(a, m) == 1 and m >= 1 (extended
// Euclid; the Bezout coefficients stay below m, so nothing overflows).
inline std::int64_t inverse_mod(std::int64_t a, std::int64_t m) {
  std::int64_t old_r = a % m, r = m;
  std::int64_t old_s = 1, s = 0;
  while (r != 0) {
    const std::int64_t q = old_r / r;
    old_r -= q * r;
    std::swap(old_r, r);
    old_s -= q * s;
    std::swap(old_s, s);
  }
  // old_r == gcd == 1 here; old_s * a == 1 (mod m).
  std::int64_t inv = old_s % m;
  return inv < 0 ? inv + m : inv;
}

inline std::int64_t gcd64(std::int64_t a, std::int64_t b) {
  while (b != 0) {
    const std::int64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// Sorts by decreasing coefficient, merges equal coefficients, trims each
// bound to rhs / coeff and drops the unknowns that are then pinned to 0.
// The feasibility of the problem is unchanged. Returns false on overflow.
inline bool simplify(std::vector<bounded_term> &terms, std::int64_t rhs) {
  for (const bounded_term &t : terms) {
    if (t.upper < 0)
      return true; // infeasible as is; the solver says no
  }
  if (rhs < 0)
    return true;
  std::sort(terms.begin(), terms.end(),
            [](const bounded_term &l, const bounded_term &r) {
              return l.coeff > r.coeff;
            });
  bool overflow = false;
  std::vector<bounded_term> merged;
  merged.reserve(terms.size());
  for (const bounded_term &t : terms) {
    if (!merged.empty() && merged.back().coeff == t.coeff) {
      overflow |= __builtin_add_overflow(merged.back().upper, t.upper,
                                         &merged.back().upper);
    } else {
      merged.push_back(t);
    }
  }
  terms.clear();
  for (bounded_term t : merged) {
    t.upper = std::min(t.upper, rhs / t.coeff);
    if (t.upper != 0)
      terms.push_back(t);
  }
  return !overflow;
}

// Depth-first search over the unknowns from the last (smallest coefficient)
// to the first. Level v solves  G_{v-1} X + a_v x_v = rhs  where
// X = sum_{i<v} (a_i / G_{v-1}) x_i is the merged prefix unknown, G_k is
// gcd(a_0..a_k) and X's bound is sum_{i<v} (a_i / G_{v-1}) ub_i. Each
// feasible x_v candidate recurses on the prefix with the reduced rhs.
class bounded_diophantine_search {
public:
  bounded_diophantine_search(std::span<const bounded_term> terms,
                             std::ptrdiff_t max_work)
      : terms_(terms), max_work_(max_work) {}

  overlap_result run(std::int64_t rhs) {
    const std::size_t n = terms_.size();
    prefix_gcd_.resize(n);
    prefix_upper_.resize(n);
    step_inverse_.resize(n);
    prefix_gcd_[0] = terms_[0].coeff;
    prefix_upper_[0] = terms_[0].upper;
    for (std::size_t v = 1; v < n; ++v) {
      const std::int64_t g = gcd64(prefix_gcd_[v - 1], terms_[v].coeff);
      prefix_gcd_[v] = g;
      const std::int64_t modulus = prefix_gcd_[v - 1] / g;
      step_inverse_[v] =
          modulus == 1 ? 0 : inverse_mod(terms_[v].coeff / g, modulus);
      // The last prefix bound is never used; NumPy does not compute it
      // either, so overflow there must not be reported.
      if (v + 1 < n) {
        std::int64_t scaled_prev = 0, scaled_term = 0, sum = 0;
        if (__builtin_mul_overflow(prefix_upper_[v - 1], prefix_gcd_[v - 1] / g,
                                   &scaled_prev) ||
            __builtin_mul_overflow(terms_[v].upper, terms_[v].coeff / g,
                                   &scaled_term) ||
            __builtin_add_overflow(scaled_prev, scaled_term, &sum)) {
          return overlap_result::overflow;
        }
        prefix_upper_[v] = sum;
      }
    }
    return search(n - 1, rhs);
  }

private:
  overlap_result dead_end() {
    ++work_;
    return overlap_result::no;
  }

  overlap_result search(std::size_t v, std::int64_t rhs) {
    if (max_work_ >= 0 && work_ >= max_work_)
      return overlap_result::too_hard;
    const std::int64_t prefix_coeff = prefix_gcd_[v - 1];
    const std::int64_t prefix_upper = prefix_upper_[v - 1];
    const std::int64_t coeff = terms_[v].coeff;
    const std::int64_t g = prefix_gcd_[v];
    if (rhs % g != 0)
      return dead_end();

    // coeff * x == rhs (mod prefix_coeff)  <=>  x == residue (mod modulus).
    const std::int64_t modulus = prefix_coeff / g;
    const std::int64_t residue =
        modulus == 1
            ? 0
            : static_cast<std::int64_t>(int128{(rhs / g) % modulus} *
                                        int128{step_inverse_[v]} % modulus);
    // 0 <= X <= prefix_upper  <=>  lowest <= x <= rhs / coeff.
    const int128 slack =
        int128{rhs} - int128{prefix_coeff} * int128{prefix_upper};
    int128 lowest = 0;
    if (slack > 0)
      lowest = (slack + coeff - 1) / coeff;
    const std::int64_t highest = std::min(terms_[v].upper, rhs / coeff);
    if (int128{highest} < lowest)
      return dead_end();
    std::int64_t x =
        highest - (((highest - residue) % modulus) + modulus) % modulus;
    if (int128{x} < lowest)
      return dead_end();
    if (v == 1)
      return overlap_result::yes; // X is then x_0 itself
    // Candidates in NumPy's order: from the largest x downwards.
    for (; int128{x} >= lowest; x -= modulus) {
      const overlap_result r = search(v - 1, rhs - coeff * x);
      if (r != overlap_result::no)
        return r;
    }
    return dead_end();
  }

  std::span<const bounded_term> terms_;
  std::ptrdiff_t max_work_;
  std::ptrdiff_t work_ = 0;
  std::vector<std::int64_t> prefix_gcd_;
  std::vector<std::int64_t> prefix_upper_;
  std::vector<std::int64_t> step_inverse_;
};

// Decides  sum coeff_i x_i == rhs,  0 <= x_i <= upper_i  for coeff_i > 0.
// `terms` must already be simplified (or at least have positive coefficients
// sorted by strictly decreasing value).
inline overlap_result
solve_bounded_diophantine(std::span<const bounded_term> terms, std::int64_t rhs,
                          std::ptrdiff_t max_work) {
  for (const bounded_term &t : terms) {
    if (t.upper < 0)
      return overlap_result::no;
  }
  if (rhs < 0)
    return overlap_result::no;
  if (terms.empty())
    return rhs == 0 ? overlap_result::yes : overlap_result::no;
  if (terms.size() == 1) {
    const bounded_term &t = terms[0];
    return rhs % t.coeff == 0 && rhs / t.coeff <= t.upper ? overlap_result::yes
                                                          : overlap_result::no;
  }
  return bounded_diophantine_search(terms, max_work).run(rhs);
}

} // namespace overlap_impl

// Whether `a` and `b` have a byte in common, deciding with at most
// `max_work` effort (see the header comment for its meaning).
inline overlap_result solve_may_share_memory(const memory_extent_view &a,
                                             const memory_extent_view &b,
                                             std::ptrdiff_t max_work) {
  using namespace overlap_impl;
  byte_extent ea, eb;
  if (!compute_extent(a, ea) || !compute_extent(b, eb))
    return overlap_result::overflow;
  const bool extents_meet = ea.begin < ea.end && eb.begin < eb.end &&
                            ea.begin < eb.end && eb.begin < ea.end;
  if (!extents_meet)
    return overlap_result::no;
  if (max_work == 0)
    return overlap_result::too_hard;

  // Flipping the sign of a negative stride turns its unknown into ub - x and
  // moves the array's start to the low end of its extent, so both arrays can
  // be measured from their extents:  begin_a + sum |s_a| x_a == end_b - 1 -
  // sum |s_b| x_b'  (or the mirror). NumPy keeps the smaller right-hand side.
  const int128 rhs_wide =
      std::min(eb.end - 1 - ea.begin, ea.end - 1 - eb.begin);
  if (rhs_wide > int128{int64_max})
    return overlap_result::overflow;
  const auto rhs = static_cast<std::int64_t>(rhs_wide);

  std::vector<bounded_term> terms;
  terms.reserve(a.shape.size() + b.shape.size() + 2);
  if (!append_stride_terms(a, terms) || !append_stride_terms(b, terms)) {
    return overlap_result::overflow;
  }
  for (const memory_extent_view *view : {&a, &b}) {
    if (view->itemsize > 1) {
      if (view->itemsize - 1 > static_cast<std::size_t>(int64_max)) {
        return overlap_result::overflow;
      }
      terms.push_back({1, static_cast<std::int64_t>(view->itemsize - 1)});
    }
  }
  if (!simplify(terms, rhs))
    return overlap_result::overflow;
  return solve_bounded_diophantine(terms, rhs, max_work);
}

} // namespace nd::detail
