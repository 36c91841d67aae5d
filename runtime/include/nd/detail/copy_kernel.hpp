// nd/detail/copy_kernel.hpp — the element-copy kernel behind every nd copy.
//
// strided_copy copies an ndim-dimensional strided source into a strided
// destination of the same shape. Strides are in ELEMENTS and may be negative;
// source strides may be 0 (broadcast). Elements are converted as by
// static_cast<Dst>, except that a floating value out of an integer type's range
// gets a defined result instead of undefined behaviour (see convert_element).
//
//   // Copy the transpose of a C-order rows x cols array into a fresh C buffer.
//   std::ptrdiff_t shape[2] = {cols, rows};
//   std::ptrdiff_t src_strides[2] = {1, cols};
//   std::ptrdiff_t dst_strides[2] = {rows, 1};
//   nd::detail::strided_copy(2, shape, src, src_strides, dst, dst_strides);
//
// How it is fast (the numbers in docs/benchmarks.md):
//   1. plan: drop length-1 axes, flip axes the destination walks backwards,
//      order axes by destination stride (iterate in the destination's memory
//      order) and merge axes that are contiguous with each other on both sides;
//   2. a fully contiguous same-type copy is one std::memcpy, a contiguous inner
//      axis is a tight loop the compiler vectorises;
//   3. when the source's fastest axis is not the destination's (a transpose),
//      the two axes are walked in square tiles that fit in L1, so both sides
//      touch whole cache lines.
// The kernel needs no heap: plans live in fixed arrays of max_copy_ndim axes.
// The source and destination must not overlap (nd copies into fresh buffers;
// an assignment between overlapping arrays must go through a temporary).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace nd::detail {

// The largest ndim the kernel accepts: NumPy 2's NPY_MAXDIMS. Larger calls
// throw std::length_error before touching memory.
inline constexpr std::size_t max_copy_ndim = 64;

// Edge of the square tiles used for transposed copies, in elements: 32x32
// doubles is 8 KiB per side, so both tiles fit in L1. Chosen by measurement
// against edges 8 to 128 (docs/benchmarks.md).
inline constexpr std::ptrdiff_t transpose_tile = 32;

// One element, converted as static_cast<Dst> would. A floating value that an
// integer type cannot hold (NaN, +-inf, out of range) is undefined behaviour
// for static_cast; here it gives the value x86 NumPy gives for signed targets
// (the "integer indefinite" minimum; narrow types convert through int32 first,
// as C does) and wraps through int64 for unsigned ones.
template <class Dst, class Src>
constexpr Dst convert_element(Src value) noexcept {
  if constexpr (std::is_floating_point_v<Src> && std::is_integral_v<Dst> &&
                !std::is_same_v<Dst, bool>) {
    // The signed type the value is truncated into before narrowing.
    using wide = std::conditional_t<
        (sizeof(Dst) < sizeof(std::int32_t)), std::int32_t,
        std::conditional_t<std::is_signed_v<Dst>, Dst, std::int64_t>>;
    // 2^(bits-1) of `wide`, exact in every floating type.
    constexpr Src limit =
        static_cast<Src>(std::numeric_limits<wide>::max() / 2 + 1) * Src(2);
    if constexpr (std::is_unsigned_v<Dst> &&
                  sizeof(Dst) >= sizeof(std::int64_t)) {
      if (value >= limit && value < limit * Src(2))
        return static_cast<Dst>(value);
    }
    // NaN fails both comparisons.
    if (value > -limit - Src(1) && value < limit)
      return static_cast<Dst>(static_cast<wide>(value));
    return static_cast<Dst>(std::numeric_limits<wide>::min());
  } else {
    return static_cast<Dst>(value);
  }
}

// A copy reduced to its essentials: axes sorted outermost first by destination
// stride, length-1 axes gone, contiguous runs merged, no negative destination
// strides. Offsets say where the first element now is.
struct copy_plan {
  std::size_t ndim = 0;
  bool empty = false;
  std::ptrdiff_t src_offset = 0;
  std::ptrdiff_t dst_offset = 0;
  std::ptrdiff_t shape[max_copy_ndim];
  std::ptrdiff_t src_strides[max_copy_ndim];
  std::ptrdiff_t dst_strides[max_copy_ndim];
};

inline std::ptrdiff_t abs_stride(std::ptrdiff_t s) noexcept {
  return s < 0 ? -s : s;
}

inline void make_copy_plan(std::size_t ndim, const std::ptrdiff_t *shape,
                           const std::ptrdiff_t *src_strides,
                           const std::ptrdiff_t *dst_strides, copy_plan &plan) {
  if (ndim > max_copy_ndim)
    throw std::length_error("strided_copy: " + std::to_string(ndim) +
                            " dimensions exceed the maximum of " +
                            std::to_string(max_copy_ndim));
  plan.ndim = 0;
  plan.empty = false;
  plan.src_offset = 0;
  plan.dst_offset = 0;
  for (std::size_t axis = 0; axis < ndim; ++axis) {
    const std::ptrdiff_t n = shape[axis];
    if (n <= 0) {
      plan.empty = true;
      return;
    }
    if (n == 1)
      continue;
    std::ptrdiff_t ss = src_strides[axis];
    std::ptrdiff_t ds = dst_strides[axis];
    if (ds < 0) { // Walk this axis forwards in the destination: same pairs.
      plan.dst_offset += ds * (n - 1);
      plan.src_offset += ss * (n - 1);
      ds = -ds;
      ss = -ss;
    }
    // Insertion sort, outermost (largest destination stride) first; ties put
    // the larger source stride outside, so the source's fast axis ends inside.
    std::size_t pos = plan.ndim++;
    while (pos > 0 &&
           (plan.dst_strides[pos - 1] < ds ||
            (plan.dst_strides[pos - 1] == ds &&
             abs_stride(plan.src_strides[pos - 1]) < abs_stride(ss)))) {
      plan.shape[pos] = plan.shape[pos - 1];
      plan.src_strides[pos] = plan.src_strides[pos - 1];
      plan.dst_strides[pos] = plan.dst_strides[pos - 1];
      --pos;
    }
    plan.shape[pos] = n;
    plan.src_strides[pos] = ss;
    plan.dst_strides[pos] = ds;
  }
  // Merge an outer axis into the next inner one when stepping the outer axis
  // is the same as running off the end of the inner one, on both sides.
  std::size_t kept = 0;
  for (std::size_t axis = 0; axis < plan.ndim; ++axis) {
    if (kept > 0) {
      const std::size_t outer = kept - 1;
      const std::ptrdiff_t n = plan.shape[axis];
      if (plan.src_strides[outer] == plan.src_strides[axis] * n &&
          plan.dst_strides[outer] == plan.dst_strides[axis] * n) {
        plan.shape[outer] *= n;
        plan.src_strides[outer] = plan.src_strides[axis];
        plan.dst_strides[outer] = plan.dst_strides[axis];
        continue;
      }
    }
    plan.shape[kept] = plan.shape[axis];
    plan.src_strides[kept] = plan.src_strides[axis];
    plan.dst_strides[kept] = plan.dst_strides[axis];
    ++kept;
  }
  plan.ndim = kept;
}

// ---- 1-D and 2-D leaf loops -------------------------------------------------

template <class Dst, class Src>
inline void copy_contiguous(std::ptrdiff_t n, const Src *__restrict src,
                            Dst *__restrict dst) noexcept {
  if constexpr (std::is_same_v<Dst, Src> && std::is_trivially_copyable_v<Src>) {
    std::memcpy(dst, src, static_cast<std::size_t>(n) * sizeof(Src));
  } else {
    for (std::ptrdiff_t i = 0; i < n; ++i)
      dst[i] = convert_element<Dst>(src[i]);
  }
}

template <class Dst, class Src>
inline void copy_1d(std::ptrdiff_t n, const Src *__restrict src,
                    std::ptrdiff_t ss, Dst *__restrict dst,
                    std::ptrdiff_t ds) noexcept {
  if (ds == 1) {
    if (ss == 1)
      return copy_contiguous(n, src, dst);
    if (ss == 0) { // broadcast: a fill
      const Dst value = convert_element<Dst>(*src);
      for (std::ptrdiff_t i = 0; i < n; ++i)
        dst[i] = value;
      return;
    }
    if (ss == -1) { // reversed: still a vectorisable loop
      for (std::ptrdiff_t i = 0; i < n; ++i)
        dst[i] = convert_element<Dst>(src[-i]);
      return;
    }
    if (ss == 2) { // a[..., ::2]: a constant stride vectorises with shuffles
      for (std::ptrdiff_t i = 0; i < n; ++i)
        dst[i] = convert_element<Dst>(src[2 * i]);
      return;
    }
    for (std::ptrdiff_t i = 0; i < n; ++i)
      dst[i] = convert_element<Dst>(src[i * ss]);
    return;
  }
  for (std::ptrdiff_t i = 0; i < n; ++i)
    dst[i * ds] = convert_element<Dst>(src[i * ss]);
}

// A 2-D copy in which the source is fast along axis j and the destination
// along axis k: square tiles keep both working sets in L1. (The tile edge is
// a parameter only so that the benchmarks can compare edges.)
template <std::ptrdiff_t tile = transpose_tile, class Dst, class Src>
inline void copy_2d_tiled(std::ptrdiff_t nj, std::ptrdiff_t nk, const Src *src,
                          std::ptrdiff_t ssj, std::ptrdiff_t ssk, Dst *dst,
                          std::ptrdiff_t dsj, std::ptrdiff_t dsk) noexcept {
  for (std::ptrdiff_t j0 = 0; j0 < nj; j0 += tile) {
    const std::ptrdiff_t j1 = j0 + tile < nj ? j0 + tile : nj;
    for (std::ptrdiff_t k0 = 0; k0 < nk; k0 += tile) {
      const std::ptrdiff_t k1 = k0 + tile < nk ? k0 + tile : nk;
      if (ssj == 1 && dsk == 1) { // the pure transpose: unit strides known
        for (std::ptrdiff_t j = j0; j < j1; ++j) {
          const Src *__restrict s = src + j;
          Dst *__restrict d = dst + j * dsj;
          for (std::ptrdiff_t k = k0; k < k1; ++k)
            d[k] = convert_element<Dst>(s[k * ssk]);
        }
      } else {
        for (std::ptrdiff_t j = j0; j < j1; ++j) {
          const Src *__restrict s = src + j * ssj;
          Dst *__restrict d = dst + j * dsj;
          for (std::ptrdiff_t k = k0; k < k1; ++k)
            d[k * dsk] = convert_element<Dst>(s[k * ssk]);
        }
      }
    }
  }
}

// Calls leaf(src, dst) once per index of the `count` outer axes listed in
// `axes` (outermost first), like an odometer. Offsets are kept as integers so
// that no pointer is ever formed outside the arrays.
template <class Dst, class Src, class Leaf>
inline void for_each_outer(const copy_plan &plan, const std::size_t *axes,
                           std::size_t count, const Src *src, Dst *dst,
                           Leaf &&leaf) {
  if (count == 0)
    return leaf(src, dst);
  std::ptrdiff_t index[max_copy_ndim] = {};
  const std::size_t last = axes[count - 1];
  const std::ptrdiff_t inner_n = plan.shape[last];
  const std::ptrdiff_t inner_ss = plan.src_strides[last];
  const std::ptrdiff_t inner_ds = plan.dst_strides[last];
  std::ptrdiff_t src_offset = 0, dst_offset = 0;
  for (;;) {
    for (std::ptrdiff_t i = 0; i < inner_n; ++i)
      leaf(src + (src_offset + i * inner_ss),
           dst + (dst_offset + i * inner_ds));
    // Advance the remaining outer axes.
    std::size_t pos = count - 1;
    for (;;) {
      if (pos == 0)
        return;
      --pos;
      const std::size_t axis = axes[pos];
      src_offset += plan.src_strides[axis];
      dst_offset += plan.dst_strides[axis];
      if (++index[pos] < plan.shape[axis])
        break;
      src_offset -= plan.src_strides[axis] * plan.shape[axis];
      dst_offset -= plan.dst_strides[axis] * plan.shape[axis];
      index[pos] = 0;
    }
  }
}

// ---- destination buffers ---------------------------------------------------

// Buffers at least this large are worth backing with transparent huge pages
// (NumPy's threshold in alloc.c, 4 MiB).
inline constexpr std::size_t huge_page_threshold = std::size_t{1} << 22;

// Asks Linux to back a fresh buffer with transparent huge pages, as NumPy does
// for every data buffer of 4 MiB or more (np.core.multiarray.
// _get_madvise_hugepage() is True by default). On a VM, faulting in 4 KiB
// pages dominates a large copy: a fresh 128 MiB destination costs ~3x more to
// fill without it (docs/benchmarks.md). Only the whole pages inside
// [data, data + bytes) are advised; a no-op elsewhere and on failure.
inline void advise_huge_pages(void *data, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes < huge_page_threshold)
    return;
  constexpr std::uintptr_t page = 4096;
  const auto begin =
      (reinterpret_cast<std::uintptr_t>(data) + page - 1) & ~(page - 1);
  const auto end =
      (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(page - 1);
  if (end > begin)
    ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

// ---- entry point -----------------------------------------------------------

template <class Dst, class Src>
void strided_copy(std::size_t ndim, const std::ptrdiff_t *shape, const Src *src,
                  const std::ptrdiff_t *src_strides, Dst *dst,
                  const std::ptrdiff_t *dst_strides) {
  if (ndim == 0) {
    *dst = convert_element<Dst>(*src);
    return;
  }
  if (ndim == 1) { // No plan needed (and take() copies element by element).
    const std::ptrdiff_t n = shape[0];
    if (n <= 0)
      return;
    if (dst_strides[0] < 0) // walk the destination forwards
      return copy_1d(n, src + src_strides[0] * (n - 1), -src_strides[0],
                     dst + dst_strides[0] * (n - 1), -dst_strides[0]);
    return copy_1d(n, src, src_strides[0], dst, dst_strides[0]);
  }
  copy_plan plan;
  make_copy_plan(ndim, shape, src_strides, dst_strides, plan);
  if (plan.empty)
    return;
  src += plan.src_offset;
  dst += plan.dst_offset;
  if (plan.ndim == 0) {
    *dst = convert_element<Dst>(*src);
    return;
  }
  const std::size_t k = plan.ndim - 1; // the destination's fastest axis
  const std::ptrdiff_t nk = plan.shape[k];
  const std::ptrdiff_t ssk = plan.src_strides[k];
  const std::ptrdiff_t dsk = plan.dst_strides[k];

  // The source's fastest axis among the others: if it beats axis k for the
  // source, the copy is a transpose in those two axes and gets tiled.
  std::size_t j = k;
  for (std::size_t axis = 0; axis < k; ++axis) {
    const std::ptrdiff_t s = abs_stride(plan.src_strides[axis]);
    if (s != 0 && s < abs_stride(ssk) &&
        (j == k || s < abs_stride(plan.src_strides[j])))
      j = axis;
  }

  std::size_t outer[max_copy_ndim];
  std::size_t outer_count = 0;
  if (j != k) {
    for (std::size_t axis = 0; axis < k; ++axis)
      if (axis != j)
        outer[outer_count++] = axis;
    const std::ptrdiff_t nj = plan.shape[j];
    const std::ptrdiff_t ssj = plan.src_strides[j];
    const std::ptrdiff_t dsj = plan.dst_strides[j];
    // Normalise a backwards source along j so the tile's fast loop is forward.
    for_each_outer(plan, outer, outer_count, src, dst,
                   [&](const Src *s, Dst *d) {
                     if (ssj < 0) {
                       copy_2d_tiled(nj, nk, s + ssj * (nj - 1), -ssj, ssk,
                                     d + dsj * (nj - 1), -dsj, dsk);
                     } else {
                       copy_2d_tiled(nj, nk, s, ssj, ssk, d, dsj, dsk);
                     }
                   });
    return;
  }
  for (std::size_t axis = 0; axis < k; ++axis)
    outer[outer_count++] = axis;
  for_each_outer(plan, outer, outer_count, src, dst,
                 [&](const Src *s, Dst *d) { copy_1d(nk, s, ssk, d, dsk); });
}

} // namespace nd::detail
