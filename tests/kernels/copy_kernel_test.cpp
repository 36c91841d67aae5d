// Tests for nd::detail::strided_copy against a naive odometer reference, on
// seeded random layouts: negative, zero (broadcast), transposed and permuted
// strides, gaps, 0-d and empty arrays, and element conversions.
//
// NDTIDY_SEED=<n> in the environment replays one seed; every failure prints
// the seed and the layout that failed.
#include <nd/detail/copy_kernel.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using nd::detail::strided_copy;
using index_vector = std::vector<std::ptrdiff_t>;

// A strided view into a buffer: `offset` is the element the all-zero index
// maps to, chosen so every index lands inside [0, buffer_size).
struct layout {
  index_vector strides;
  std::ptrdiff_t offset = 0;
  std::ptrdiff_t buffer_size = 1;
};

std::string describe(const index_vector &v) {
  std::ostringstream out;
  out << '(';
  for (std::size_t i = 0; i < v.size(); ++i)
    out << (i ? ", " : "") << v[i];
  out << ')';
  return out.str();
}

// Finishes a layout from its strides: the offset and the extent of the buffer.
layout place(const index_vector &shape, index_vector strides) {
  layout result;
  std::ptrdiff_t low = 0, high = 0;
  for (std::size_t axis = 0; axis < shape.size(); ++axis) {
    if (shape[axis] == 0)
      continue;
    const std::ptrdiff_t reach = strides[axis] * (shape[axis] - 1);
    (reach < 0 ? low : high) += reach;
  }
  result.strides = std::move(strides);
  result.offset = -low;
  result.buffer_size = high - low + 1;
  return result;
}

// A random non-overlapping layout: padded, permuted, stepped, with random
// signs. With `allow_broadcast`, some axes get stride 0.
layout random_layout(const index_vector &shape, std::mt19937_64 &rng,
                     bool allow_broadcast) {
  const std::size_t ndim = shape.size();
  std::vector<std::size_t> order(ndim);
  std::iota(order.begin(), order.end(), std::size_t{0});
  const int style = std::uniform_int_distribution<int>(0, 3)(rng);
  if (style == 1)
    std::reverse(order.begin(), order.end()); // F order
  if (style >= 2)
    std::shuffle(order.begin(), order.end(), rng);
  index_vector strides(ndim, 0);
  std::ptrdiff_t step = 1;
  if (std::uniform_int_distribution<int>(0, 3)(rng) == 0)
    step = std::uniform_int_distribution<std::ptrdiff_t>(2, 3)(rng);
  // order[0] is outermost: assign strides innermost first.
  for (std::size_t i = ndim; i-- > 0;) {
    const std::size_t axis = order[i];
    strides[axis] = step;
    std::ptrdiff_t extent = std::max<std::ptrdiff_t>(shape[axis], 1);
    if (std::uniform_int_distribution<int>(0, 4)(rng) == 0)
      extent += std::uniform_int_distribution<std::ptrdiff_t>(1, 3)(rng);
    step *= extent;
  }
  for (std::size_t axis = 0; axis < ndim; ++axis) {
    if (std::uniform_int_distribution<int>(0, 3)(rng) == 0)
      strides[axis] = -strides[axis];
    if (allow_broadcast && std::uniform_int_distribution<int>(0, 5)(rng) == 0)
      strides[axis] = 0;
  }
  return place(shape, std::move(strides));
}

index_vector random_shape(std::mt19937_64 &rng) {
  const std::size_t ndim =
      std::uniform_int_distribution<std::size_t>(0, 5)(rng);
  index_vector shape(ndim);
  for (auto &n : shape) {
    const int kind = std::uniform_int_distribution<int>(0, 19)(rng);
    if (kind == 0)
      n = 0;
    else if (kind <= 3)
      n = 1;
    else
      n = std::uniform_int_distribution<std::ptrdiff_t>(2, ndim <= 2 ? 80
                                                                     : 9)(rng);
  }
  return shape;
}

std::ptrdiff_t element_count(const index_vector &shape) {
  std::ptrdiff_t n = 1;
  for (auto d : shape)
    n *= d;
  return n;
}

// The reference: one element at a time, in C index order.
template <class Dst, class Src>
void naive_copy(const index_vector &shape, const Src *src,
                const index_vector &ss, Dst *dst, const index_vector &ds) {
  if (element_count(shape) == 0)
    return;
  index_vector index(shape.size(), 0);
  for (;;) {
    std::ptrdiff_t s = 0, d = 0;
    for (std::size_t axis = 0; axis < shape.size(); ++axis) {
      s += index[axis] * ss[axis];
      d += index[axis] * ds[axis];
    }
    dst[d] = static_cast<Dst>(src[s]);
    std::size_t axis = shape.size();
    for (;;) {
      if (axis == 0)
        return;
      --axis;
      if (++index[axis] < shape[axis])
        break;
      index[axis] = 0;
    }
  }
}

// Copies src_layout -> dst_layout with the kernel and the reference and
// compares the whole destination buffers (so stray writes are caught too).
template <class Dst, class Src>
::testing::AssertionResult copy_matches(const index_vector &shape,
                                        const layout &src_layout,
                                        const layout &dst_layout) {
  std::vector<Src> source(static_cast<std::size_t>(src_layout.buffer_size));
  for (std::size_t i = 0; i < source.size(); ++i)
    source[i] = static_cast<Src>(i % 1000 + 1); // exact in every type tested
  const Dst sentinel =
      std::is_unsigned_v<Dst> ? Dst(250) : static_cast<Dst>(-7);
  std::vector<Dst> expected(static_cast<std::size_t>(dst_layout.buffer_size),
                            sentinel);
  std::vector<Dst> actual = expected;
  naive_copy(shape, source.data() + src_layout.offset, src_layout.strides,
             expected.data() + dst_layout.offset, dst_layout.strides);
  strided_copy(shape.size(), shape.data(), source.data() + src_layout.offset,
               src_layout.strides.data(), actual.data() + dst_layout.offset,
               dst_layout.strides.data());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (expected[i] != actual[i]) {
      return ::testing::AssertionFailure()
             << "shape " << describe(shape) << " src strides "
             << describe(src_layout.strides) << " dst strides "
             << describe(dst_layout.strides) << ": element " << i << " is "
             << +actual[i] << ", expected " << +expected[i];
    }
  }
  return ::testing::AssertionSuccess();
}

std::uint64_t base_seed() {
  if (const char *env = std::getenv("NDTIDY_SEED"))
    return std::strtoull(env, nullptr, 10);
  return 20240917;
}

template <class Dst, class Src> void run_random_cases(int cases) {
  const std::uint64_t seed = base_seed() + sizeof(Dst) * 131 + sizeof(Src);
  std::mt19937_64 rng(seed);
  for (int c = 0; c < cases; ++c) {
    const index_vector shape = random_shape(rng);
    const layout src = random_layout(shape, rng, /*allow_broadcast=*/true);
    const layout dst = random_layout(shape, rng, /*allow_broadcast=*/false);
    ASSERT_TRUE((copy_matches<Dst, Src>(shape, src, dst)))
        << "seed " << seed << ", case " << c << " (NDTIDY_SEED=" << base_seed()
        << ")";
  }
}

TEST(StridedCopyRandom, DoubleToDouble) {
  run_random_cases<double, double>(3000);
}
TEST(StridedCopyRandom, FloatToFloat) { run_random_cases<float, float>(1000); }
TEST(StridedCopyRandom, Int16ToInt16) {
  run_random_cases<std::int16_t, std::int16_t>(500);
}
TEST(StridedCopyRandom, DoubleToFloat) {
  run_random_cases<float, double>(1000);
}
TEST(StridedCopyRandom, FloatToInt32) {
  run_random_cases<std::int32_t, float>(1000);
}
TEST(StridedCopyRandom, DoubleToInt64) {
  run_random_cases<std::int64_t, double>(500);
}
TEST(StridedCopyRandom, Int32ToDouble) {
  run_random_cases<double, std::int32_t>(500);
}
TEST(StridedCopyRandom, Int64ToUint8) {
  run_random_cases<std::uint8_t, std::int64_t>(500);
}

// C-order strides of a shape, in elements.
index_vector c_strides(const index_vector &shape) {
  index_vector strides(shape.size());
  std::ptrdiff_t step = 1;
  for (std::size_t i = shape.size(); i-- > 0;) {
    strides[i] = step;
    step *= std::max<std::ptrdiff_t>(shape[i], 1);
  }
  return strides;
}

// Every permutation of a 3-D and a 4-D C array, copied into C order: the
// transposes the tiled path handles, including tiles with ragged edges.
TEST(StridedCopy, AllPermutationsOf3dAnd4d) {
  for (const index_vector &base :
       {index_vector{37, 5, 70}, index_vector{3, 33, 4, 35}}) {
    const index_vector base_strides = c_strides(base);
    std::vector<std::size_t> perm(base.size());
    std::iota(perm.begin(), perm.end(), std::size_t{0});
    do {
      index_vector shape, src_strides;
      for (auto axis : perm) {
        shape.push_back(base[axis]);
        src_strides.push_back(base_strides[axis]);
      }
      const layout src = place(shape, src_strides);
      const layout dst = place(shape, c_strides(shape));
      EXPECT_TRUE((copy_matches<double, double>(shape, src, dst)));
      EXPECT_TRUE((copy_matches<float, double>(shape, src, dst)));
    } while (std::next_permutation(perm.begin(), perm.end()));
  }
}

TEST(StridedCopy, LargeTransposeBothDirectionsAndReversed) {
  const index_vector shape{131, 97};
  for (std::ptrdiff_t sign_rows : {1, -1})
    for (std::ptrdiff_t sign_cols : {1, -1}) {
      const layout src =
          place(shape, {sign_rows * 1, sign_cols * 131}); // F order
      const layout dst = place(shape, {97, 1});           // C order
      EXPECT_TRUE((copy_matches<double, double>(shape, src, dst)));
      EXPECT_TRUE((copy_matches<double, double>(shape, dst, src)));
    }
}

TEST(StridedCopy, ZeroDimensionalCopiesOneElement) {
  const double source = 2.5;
  int target = 0;
  strided_copy<int, double>(0, nullptr, &source, nullptr, &target, nullptr);
  EXPECT_EQ(target, 2);
}

TEST(StridedCopy, EmptyShapeWritesNothing) {
  const index_vector shape{4, 0, 3};
  const index_vector strides{3, 3, 1};
  double target = -1.0;
  strided_copy(shape.size(), shape.data(), static_cast<const double *>(nullptr),
               strides.data(), &target, strides.data());
  EXPECT_EQ(target, -1.0);
}

TEST(StridedCopy, BroadcastSourceFillsDestination) {
  const index_vector shape{3, 4};
  const index_vector zero{0, 0}, dst_strides{4, 1};
  const float value = 3.0f;
  std::vector<double> target(12, 0.0);
  strided_copy(2, shape.data(), &value, zero.data(), target.data(),
               dst_strides.data());
  for (double x : target)
    EXPECT_EQ(x, 3.0);
}

TEST(StridedCopy, TooManyDimensionsThrowsBeforeWriting) {
  const std::size_t ndim = nd::detail::max_copy_ndim + 1;
  const index_vector shape(ndim, 1), strides(ndim, 0);
  const double source = 1.0;
  double target = 0.0;
  EXPECT_THROW(strided_copy(ndim, shape.data(), &source, strides.data(),
                            &target, strides.data()),
               std::length_error);
  EXPECT_EQ(target, 0.0);
  // The maximum itself is accepted.
  EXPECT_NO_THROW(strided_copy(ndim - 1, shape.data(), &source, strides.data(),
                               &target, strides.data()));
  EXPECT_EQ(target, 1.0);
}

// ---- the plan: coalescing and ordering -------------------------------------

nd::detail::copy_plan plan_for(const index_vector &shape,
                               const index_vector &ss, const index_vector &ds) {
  nd::detail::copy_plan plan;
  nd::detail::make_copy_plan(shape.size(), shape.data(), ss.data(), ds.data(),
                             plan);
  return plan;
}

TEST(CopyPlan, ContiguousArrayBecomesOneAxis) {
  const auto plan = plan_for({4, 5, 6}, {30, 6, 1}, {30, 6, 1});
  ASSERT_EQ(plan.ndim, 1u);
  EXPECT_EQ(plan.shape[0], 120);
  EXPECT_EQ(plan.src_strides[0], 1);
  EXPECT_EQ(plan.dst_strides[0], 1);
}

TEST(CopyPlan, LengthOneAxesAreDroppedAndFOrderIsReordered) {
  // An F-ordered (4, 1, 6) copied to F order: one axis after reordering.
  const auto plan = plan_for({4, 1, 6}, {1, 4, 4}, {1, 4, 4});
  ASSERT_EQ(plan.ndim, 1u);
  EXPECT_EQ(plan.shape[0], 24);
}

TEST(CopyPlan, TransposeKeepsTwoAxesInDestinationOrder) {
  const auto plan = plan_for({6, 4}, {1, 6}, {4, 1});
  ASSERT_EQ(plan.ndim, 2u);
  EXPECT_EQ(plan.dst_strides[0], 4);
  EXPECT_EQ(plan.dst_strides[1], 1);
  EXPECT_EQ(plan.src_strides[1], 6);
}

TEST(CopyPlan, ReversedDestinationIsFlippedAndMerged) {
  // Both sides reversed: the copy is one forward contiguous run.
  const auto plan = plan_for({3, 5}, {-5, -1}, {-5, -1});
  ASSERT_EQ(plan.ndim, 1u);
  EXPECT_EQ(plan.shape[0], 15);
  EXPECT_EQ(plan.src_strides[0], 1);
  EXPECT_EQ(plan.src_offset, -14);
  EXPECT_EQ(plan.dst_offset, -14);
}

TEST(CopyPlan, SteppedSlices) {
  // a[:, 0:8:2] of an (8, 16) array: rows do not continue each other.
  auto plan = plan_for({8, 4}, {16, 2}, {4, 1});
  ASSERT_EQ(plan.ndim, 2u);
  EXPECT_EQ(plan.src_strides[1], 2);
  // a[:, ::2] of an (8, 8) array is one stride-2 run: it merges.
  plan = plan_for({8, 4}, {8, 2}, {4, 1});
  ASSERT_EQ(plan.ndim, 1u);
  EXPECT_EQ(plan.shape[0], 32);
  EXPECT_EQ(plan.src_strides[0], 2);
}

// ---- conversions out of range ----------------------------------------------

// Expected values were produced by NumPy 1.24.2 on x86-64 (Debian's
// python3-numpy): np.array([...]).astype(t). The kernel gives these defined
// results where a plain static_cast would be undefined behaviour.
TEST(ConvertElement, FloatingToIntegerOutOfRangeMatchesX86NumPy) {
  using nd::detail::convert_element;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(convert_element<std::int32_t>(3e9),
            std::numeric_limits<std::int32_t>::min());
  EXPECT_EQ(convert_element<std::int32_t>(-3e9),
            std::numeric_limits<std::int32_t>::min());
  EXPECT_EQ(convert_element<std::int32_t>(nan),
            std::numeric_limits<std::int32_t>::min());
  EXPECT_EQ(convert_element<std::int32_t>(inf),
            std::numeric_limits<std::int32_t>::min());
  EXPECT_EQ(convert_element<std::int32_t>(-1.0), -1);
  EXPECT_EQ(convert_element<std::int32_t>(-0.5), 0);
  EXPECT_EQ(convert_element<std::int64_t>(3e9), 3000000000);
  EXPECT_EQ(convert_element<std::int64_t>(1e20),
            std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(convert_element<std::int64_t>(nan),
            std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(convert_element<std::int8_t>(300.0), 44);
  EXPECT_EQ(convert_element<std::int8_t>(3e9), 0);
  EXPECT_EQ(convert_element<std::uint8_t>(-1.0), 255);
  EXPECT_EQ(convert_element<std::uint8_t>(300.0), 44);
  EXPECT_EQ(convert_element<std::int16_t>(300.0), 300);
  EXPECT_EQ(convert_element<std::int16_t>(nan), 0);
  EXPECT_EQ(convert_element<std::uint32_t>(3e9), 3000000000u);
  EXPECT_EQ(convert_element<std::uint32_t>(-1.0), 4294967295u);
  EXPECT_EQ(convert_element<std::uint64_t>(3e9), 3000000000u);
  EXPECT_EQ(convert_element<std::uint64_t>(-3e9), 18446744070709551616u);
  EXPECT_EQ(convert_element<std::uint64_t>(-1.0), 18446744073709551615u);
  EXPECT_EQ(convert_element<std::uint64_t>(nan), 9223372036854775808u);
  EXPECT_EQ(convert_element<std::uint64_t>(1.5e19), 15000000000000000000u);
  EXPECT_EQ(convert_element<bool>(0.5), true);
  EXPECT_EQ(convert_element<bool>(0.0), false);
}

} // namespace
