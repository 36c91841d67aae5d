// Unit tests for nd::detail::solve_may_share_memory
// (nd/detail/mem_overlap.hpp).
//
// The oracle is a brute-force byte-set intersection of the two arrays (what
// NumPy's own check_may_share_memory_exact does with fill()); the manual cases
// are ports of numpy/_core/tests/test_mem_overlap.py. NumPy's answers for
// capped max_work (where brute force cannot say when the solver gives up) are
// checked by the differential replayer on cases recorded from NumPy.
#include <nd/detail/mem_overlap.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

using nd::detail::memory_extent_view;
using nd::detail::overlap_result;
using nd::detail::solve_may_share_memory;
using nd::detail::overlap_impl::bounded_term;

constexpr std::ptrdiff_t exact = -1;
constexpr std::ptrdiff_t bounds_only = 0;

// A strided view of a virtual buffer: byte offsets only, no memory behind it.
struct strided_view {
  std::intptr_t base = 0;
  std::size_t itemsize = 1;
  std::vector<std::ptrdiff_t> shape;
  std::vector<std::ptrdiff_t> strides;

  static strided_view c_order(std::vector<std::ptrdiff_t> shape,
                              std::size_t itemsize, std::intptr_t base = 4096) {
    strided_view v{base, itemsize, std::move(shape), {}};
    v.strides.resize(v.shape.size());
    std::ptrdiff_t step = static_cast<std::ptrdiff_t>(itemsize);
    for (std::size_t i = v.shape.size(); i-- > 0;) {
      v.strides[i] = step;
      step *= v.shape[i];
    }
    return v;
  }

  memory_extent_view extent() const { return {base, itemsize, shape, strides}; }

  std::ptrdiff_t size() const {
    std::ptrdiff_t n = 1;
    for (std::ptrdiff_t d : shape)
      n *= d;
    return n;
  }

  // Python's slice(start, stop, step) on one axis; `none` marks an omitted
  // bound.
  static constexpr std::ptrdiff_t none = INTPTR_MIN;
  strided_view slice(std::size_t axis, std::ptrdiff_t start,
                     std::ptrdiff_t stop, std::ptrdiff_t step = 1) const {
    const std::ptrdiff_t n = shape[axis];
    auto clamp = [&](std::ptrdiff_t i, bool is_start) {
      if (i == none)
        return step > 0 ? (is_start ? 0 : n) : (is_start ? n - 1 : -1);
      if (i < 0)
        i += n;
      if (step > 0)
        return std::clamp<std::ptrdiff_t>(i, 0, n);
      return std::clamp<std::ptrdiff_t>(i, -1, n - 1);
    };
    const std::ptrdiff_t lo = clamp(start, true), hi = clamp(stop, false);
    std::ptrdiff_t len = 0;
    if (step > 0 && hi > lo)
      len = (hi - lo + step - 1) / step;
    if (step < 0 && lo > hi)
      len = (lo - hi - step - 1) / -step;
    strided_view r = *this;
    if (len > 0)
      r.base += lo * strides[axis];
    r.shape[axis] = len;
    r.strides[axis] = strides[axis] * step;
    return r;
  }
  strided_view reversed(std::size_t axis) const {
    return slice(axis, none, none, -1);
  }
  strided_view index(std::size_t axis, std::ptrdiff_t i) const {
    strided_view r = *this;
    r.base += i * strides[axis];
    r.shape.erase(r.shape.begin() + static_cast<std::ptrdiff_t>(axis));
    r.strides.erase(r.strides.begin() + static_cast<std::ptrdiff_t>(axis));
    return r;
  }

  // Every byte address the view touches, sorted and unique.
  std::vector<std::intptr_t> bytes() const {
    std::vector<std::intptr_t> out;
    if (size() == 0)
      return out;
    std::vector<std::ptrdiff_t> idx(shape.size(), 0);
    while (true) {
      std::intptr_t at = base;
      for (std::size_t i = 0; i < shape.size(); ++i)
        at += idx[i] * strides[i];
      for (std::size_t k = 0; k < itemsize; ++k)
        out.push_back(at + static_cast<std::intptr_t>(k));
      std::size_t d = shape.size();
      while (d > 0 && ++idx[d - 1] == shape[d - 1])
        idx[--d] = 0;
      if (d == 0)
        break;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  std::string describe() const {
    std::string s = "base=" + std::to_string(base) +
                    " itemsize=" + std::to_string(itemsize) + " shape=(";
    for (auto d : shape)
      s += std::to_string(d) + ",";
    s += ") strides=(";
    for (auto d : strides)
      s += std::to_string(d) + ",";
    return s + ")";
  }
};

bool brute_force_overlap(const strided_view &a, const strided_view &b) {
  const std::vector<std::intptr_t> ba = a.bytes();
  const std::vector<std::intptr_t> bb = b.bytes();
  std::vector<std::intptr_t> common;
  std::set_intersection(ba.begin(), ba.end(), bb.begin(), bb.end(),
                        std::back_inserter(common));
  return !common.empty();
}

overlap_result solve(const strided_view &a, const strided_view &b,
                     std::ptrdiff_t max_work) {
  return solve_may_share_memory(a.extent(), b.extent(), max_work);
}

overlap_result as_result(bool overlap) {
  return overlap ? overlap_result::yes : overlap_result::no;
}

// NumPy's check_may_share_memory_exact: the exact answer matches the bytes,
// and the default bounds check says "maybe" whenever the exact one says yes.
void expect_exact(const strided_view &a, const strided_view &b) {
  SCOPED_TRACE("a: " + a.describe() + "\nb: " + b.describe());
  const bool truth = brute_force_overlap(a, b);
  EXPECT_EQ(solve(a, b, exact), as_result(truth));
  EXPECT_EQ(solve(b, a, exact), as_result(truth));
  const overlap_result bounds = solve(a, b, bounds_only);
  EXPECT_NE(bounds, overlap_result::overflow);
  if (truth)
    EXPECT_EQ(bounds, overlap_result::too_hard);
}

// test_mem_overlap.py::test_may_share_memory_manual
TEST(MemOverlap, NumpyManualCasesAllNegativeStrideFlips) {
  std::vector<strided_view> parents = {
      strided_view::c_order({13, 21, 23, 22}, 1),
      strided_view::c_order({13, 21, 23 * 2, 22}, 1)
          .slice(2, strided_view::none, strided_view::none, 2)};
  int checked = 0;
  for (std::size_t p = 0; p < parents.size(); ++p) {
    for (int flips = 0; flips < 16; ++flips) {
      strided_view x = parents[p];
      for (std::size_t axis = 0; axis < 4; ++axis) {
        if (flips & (1 << axis))
          x = x.reversed(axis);
      }
      SCOPED_TRACE("parent " + std::to_string(p) + " flips " +
                   std::to_string(flips));
      const strided_view row0 = x.index(1, 0), row1 = x.index(1, 1);
      // The default may_share_memory is the extent check: "maybe".
      EXPECT_EQ(solve(row0, row1, bounds_only), overlap_result::too_hard);
      EXPECT_EQ(solve(row0, row1, exact), overlap_result::no);
      expect_exact(row0, row1);
      expect_exact(x.slice(1, strided_view::none, strided_view::none, 7),
                   x.slice(1, 3, strided_view::none, 3));
      ++checked;

      // Only the C-contiguous x has a ravel that is a view, so only it gets
      // the int16 reinterpretation (NumPy skips the others the same way).
      if (p != 0 || flips != 0)
        continue;
      const strided_view flat =
          strided_view::c_order({13 * 21 * 23 * 22}, 1, x.base);
      const strided_view as_int16 =
          strided_view::c_order({13, 21, 23, 11}, 2, x.base);
      const strided_view every7 =
          x.slice(1, strided_view::none, strided_view::none, 7);
      // A 0-size slice never overlaps anything.
      const strided_view empty = flat.slice(0, 6, 6);
      EXPECT_EQ(
          solve(empty,
                as_int16.slice(1, strided_view::none, strided_view::none, 7),
                bounds_only),
          overlap_result::no);
      expect_exact(
          empty, as_int16.slice(1, strided_view::none, strided_view::none, 7));
      // The itemsize term: int8 bytes against int16 elements.
      expect_exact(every7, as_int16);
      expect_exact(every7, as_int16.slice(1, 3, strided_view::none, 3));
      expect_exact(flat.slice(0, 6, 7), as_int16.slice(1, strided_view::none,
                                                       strided_view::none, 7));
      EXPECT_EQ(
          solve(flat.slice(0, 6, 7),
                as_int16.slice(1, strided_view::none, strided_view::none, 7),
                exact),
          overlap_result::yes);
    }
  }
  EXPECT_EQ(checked, 32);

  // Unit size: x with itself and with a copy elsewhere.
  const strided_view unit = strided_view::c_order({1}, 1, 100);
  const strided_view unit_copy = strided_view::c_order({1}, 1, 200);
  EXPECT_EQ(solve(unit, unit, exact), overlap_result::yes);
  EXPECT_EQ(solve(unit, unit_copy, exact), overlap_result::no);
  expect_exact(unit, unit);
  expect_exact(unit, unit_copy);
}

// test_mem_overlap.py::test_shares_memory_api and the spec's section 6.
TEST(MemOverlap, NumpySharesMemoryApiAndSpecExamples) {
  const strided_view x = strided_view::c_order({4, 5, 6}, 1);
  const strided_view copy = strided_view::c_order({4, 5, 6}, 1, 1 << 20);
  EXPECT_EQ(solve(x, x, exact), overlap_result::yes);
  EXPECT_EQ(solve(x, copy, exact), overlap_result::no);
  const strided_view a =
      x.slice(1, strided_view::none, strided_view::none, 2)
          .slice(2, strided_view::none, strided_view::none, 3);
  const strided_view b =
      x.slice(1, strided_view::none, strided_view::none, 3)
          .slice(2, strided_view::none, strided_view::none, 2);
  EXPECT_EQ(solve(a, b, exact), overlap_result::yes);
  EXPECT_EQ(solve(a, b, 1), overlap_result::too_hard); // NumPy: TooHardError

  // y[::2] vs y[1::2] on doubles: exact no, bounds maybe.
  const strided_view y = strided_view::c_order({10}, 8);
  const strided_view even =
      y.slice(0, strided_view::none, strided_view::none, 2);
  const strided_view odd = y.slice(0, 1, strided_view::none, 2);
  EXPECT_EQ(solve(even, odd, exact), overlap_result::no);
  EXPECT_EQ(solve(even, odd, bounds_only), overlap_result::too_hard);
  // z[:,0] vs z[:,1]: no / maybe; z[0] vs z[1]: disjoint extents.
  const strided_view z = strided_view::c_order({4, 5}, 8);
  EXPECT_EQ(solve(z.index(1, 0), z.index(1, 1), exact), overlap_result::no);
  EXPECT_EQ(solve(z.index(1, 0), z.index(1, 1), bounds_only),
            overlap_result::too_hard);
  EXPECT_EQ(solve(z.index(0, 0), z.index(0, 1), exact), overlap_result::no);
  EXPECT_EQ(solve(z.index(0, 0), z.index(0, 1), bounds_only),
            overlap_result::no);
  // y[3:3] vs y: empty never overlaps.
  EXPECT_EQ(solve(y.slice(0, 3, 3), y, exact), overlap_result::no);
  EXPECT_EQ(solve(y.slice(0, 3, 3), y, bounds_only), overlap_result::no);
  // y.view(int8)[1::8] vs y[0:1]: caught by the itemsize term.
  const strided_view y_bytes = strided_view::c_order({80}, 1, y.base);
  EXPECT_EQ(solve(y_bytes.slice(0, 1, strided_view::none, 8), y.slice(0, 0, 1),
                  exact),
            overlap_result::yes);
  // y[::-2] vs y[-2::-2].
  EXPECT_EQ(solve(y.slice(0, strided_view::none, strided_view::none, -2),
                  y.slice(0, -2, strided_view::none, -2), exact),
            overlap_result::no);
  // 0-d arrays: one element each.
  const strided_view scalar = strided_view::c_order({}, 8, y.base + 16);
  EXPECT_EQ(solve(scalar, y, exact), overlap_result::yes);
  EXPECT_EQ(solve(scalar, odd, exact), overlap_result::no);
}

// The header comment's example.
TEST(MemOverlap, HeaderExample) {
  const std::ptrdiff_t shape[] = {3}, strides[] = {16};
  const memory_extent_view even{4096, 8, shape, strides};
  const memory_extent_view odd{4096 + 8, 8, shape, strides};
  EXPECT_EQ(solve_may_share_memory(even, odd, -1), overlap_result::no);
  EXPECT_EQ(solve_may_share_memory(even, odd, 0), overlap_result::too_hard);
}

// Extents near the top of the address range must not overflow silently.
TEST(MemOverlap, HugeExtentsReportOverflowNotWrongAnswers) {
  const std::ptrdiff_t big = std::ptrdiff_t{1} << 62;
  const std::ptrdiff_t shape[] = {3, 2}, strides[] = {big, 1};
  const memory_extent_view wide{0, 1, shape, strides};
  // rhs = 2^63 + 1 does not fit the 64-bit problem.
  EXPECT_EQ(solve_may_share_memory(wide, wide, exact),
            overlap_result::overflow);
  const std::ptrdiff_t min_stride[] = {PTRDIFF_MIN, 1};
  const std::ptrdiff_t shape2[] = {2, 2};
  const memory_extent_view weird{0, 1, shape2, min_stride};
  EXPECT_EQ(solve_may_share_memory(weird, weird, exact),
            overlap_result::overflow);
}

// test_mem_overlap.py::test_diophantine_overflow: needs 128-bit intermediates.
TEST(MemOverlap, DiophantineNeeds128BitIntermediates) {
  const std::int64_t m = INT64_MAX;
  std::vector<bounded_term> terms = {{m / 2, m / 2}, {m / 2 - 10, m / 2 - 10}};
  EXPECT_EQ(nd::detail::overlap_impl::solve_bounded_diophantine(
                terms, 2 * (m / 2) - 10, exact),
            overlap_result::yes);
}

std::uint64_t test_seed() {
  std::uint64_t seed = 20240601;
  if (const char *env = std::getenv("ND_DIFF_SEED"); env && *env)
    seed = std::strtoull(env, nullptr, 10);
  std::printf("fuzz seed %llu (override with ND_DIFF_SEED)\n",
              static_cast<unsigned long long>(seed));
  return seed;
}

// test_mem_overlap.py::test_diophantine_fuzz, with a brute-force oracle.
TEST(MemOverlap, DiophantineFuzzAgainstBruteForce) {
  const std::uint64_t seed = test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed) +
               " (set ND_DIFF_SEED to reproduce)");
  std::mt19937_64 rng(seed);
  auto uniform = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  int feasible = 0, infeasible = 0;
  for (int iter = 0; iter < 4000; ++iter) {
    const int n = static_cast<int>(uniform(0, 5));
    const std::int64_t a_max =
        1 + uniform(0, 5) * uniform(0, 5) * uniform(0, 4);
    const std::int64_t u_max = uniform(0, 6);
    std::vector<bounded_term> terms;
    std::int64_t b_ub = 0;
    for (int j = 0; j < n; ++j) {
      terms.push_back({uniform(1, a_max), uniform(0, u_max)});
      b_ub += terms.back().coeff * terms.back().upper;
    }
    const std::int64_t b = uniform(-1, b_ub + 1);
    // Brute force: the set of reachable sums.
    std::vector<char> reach(static_cast<std::size_t>(b_ub + 1), 0);
    reach[0] = 1;
    for (const bounded_term &t : terms) {
      std::vector<char> next(reach.size(), 0);
      for (std::size_t s = 0; s < reach.size(); ++s) {
        if (!reach[s])
          continue;
        for (std::int64_t x = 0; x <= t.upper; ++x) {
          next[s + static_cast<std::size_t>(x * t.coeff)] = 1;
        }
      }
      reach = std::move(next);
    }
    const bool truth =
        b >= 0 && b <= b_ub && reach[static_cast<std::size_t>(b)];
    (truth ? feasible : infeasible)++;
    std::string text = "b=" + std::to_string(b);
    for (const bounded_term &t : terms) {
      text +=
          " (" + std::to_string(t.coeff) + "," + std::to_string(t.upper) + ")";
    }
    SCOPED_TRACE("iteration " + std::to_string(iter) + ": " + text);
    // The raw problem (unsorted, duplicates) and the simplified one agree.
    EXPECT_EQ(
        nd::detail::overlap_impl::solve_bounded_diophantine(terms, b, exact),
        as_result(truth));
    std::vector<bounded_term> simplified = terms;
    ASSERT_TRUE(nd::detail::overlap_impl::simplify(simplified, b));
    EXPECT_EQ(nd::detail::overlap_impl::solve_bounded_diophantine(simplified, b,
                                                                  exact),
              as_result(truth));
    if (HasFailure())
      return;
  }
  EXPECT_GT(feasible, 500);
  EXPECT_GT(infeasible, 500);
}

// Random strided views of one small buffer (any signs, zero strides, zero
// dims, 0-d, mixed itemsizes) against the brute-force byte sets.
TEST(MemOverlap, RandomStridedViewsAgainstBruteForce) {
  const std::uint64_t seed = test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed) +
               " (set ND_DIFF_SEED to reproduce)");
  std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
  auto uniform = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  const std::size_t itemsizes[] = {1, 2, 4, 8};
  auto random_view = [&] {
    strided_view v;
    v.itemsize = itemsizes[uniform(0, 3)];
    const auto ndim = static_cast<std::size_t>(uniform(0, 4));
    for (std::size_t i = 0; i < ndim; ++i) {
      v.shape.push_back(uniform(0, 9) == 0 ? 0 : uniform(1, 5));
      const std::int64_t unit =
          uniform(0, 2) == 0 ? 1 : static_cast<std::int64_t>(v.itemsize);
      v.strides.push_back(uniform(0, 7) == 0 ? 0 : unit * uniform(-12, 12));
    }
    v.base = 1000 + uniform(0, 64);
    return v;
  };
  int yes = 0, no = 0, maybe_but_no = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    const strided_view a = random_view(), b = random_view();
    const bool truth = brute_force_overlap(a, b);
    SCOPED_TRACE("iteration " + std::to_string(iter) + "\na: " + a.describe() +
                 "\nb: " + b.describe());
    ASSERT_EQ(solve(a, b, exact), as_result(truth));
    ASSERT_EQ(solve(b, a, exact), as_result(truth));
    const overlap_result bounds = solve(a, b, bounds_only);
    if (truth)
      ASSERT_EQ(bounds, overlap_result::too_hard);
    // A capped search may give up, but never contradicts the truth.
    const overlap_result capped = solve(a, b, 2);
    if (capped != overlap_result::too_hard)
      ASSERT_EQ(capped, as_result(truth));
    (truth ? yes : no)++;
    if (!truth && bounds == overlap_result::too_hard)
      ++maybe_but_no;
  }
  // The fuzz must exercise both answers and the extents-overlap-but-disjoint
  // case.
  EXPECT_GT(yes, 2000);
  EXPECT_GT(no, 2000);
  EXPECT_GT(maybe_but_no, 500);
}

} // namespace
