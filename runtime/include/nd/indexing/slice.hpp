// nd/indexing/slice.hpp — the index vocabulary of nd::array::operator().
//
//   a(1, 2)                               element (NumPy a[1, 2])
//   a(nd::all, nd::slice(0, 400, 2))      view    (a[:, 0:400:2])
//   a(nd::slice(nd::none, nd::none, -1))  view    (a[::-1])
//   a(nd::ellipsis, 0)                    view    (a[..., 0])
//   a(nd::newaxis, nd::all)               view    (a[None, :])
//
// Bounds follow Python: negatives count from the end, out-of-range slice
// bounds are clipped, a zero step is an error.
#pragma once

#include <concepts>
#include <cstddef>
#include <optional>
#include <type_traits>

namespace nd {

struct none_t {
  explicit constexpr none_t() = default;
};
inline constexpr none_t none{};

struct all_t {
  explicit constexpr all_t() = default;
};
inline constexpr all_t all{};

struct newaxis_t {
  explicit constexpr newaxis_t() = default;
};
inline constexpr newaxis_t newaxis{};

struct ellipsis_t {
  explicit constexpr ellipsis_t() = default;
};
inline constexpr ellipsis_t ellipsis{};

// A slice bound: an integer or nd::none (the omitted bound).
class slice_bound {
public:
  constexpr slice_bound(none_t) noexcept {}
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  constexpr slice_bound(I value) noexcept : value_(static_cast<std::ptrdiff_t>(value)) {}
  constexpr bool is_none() const noexcept { return !value_.has_value(); }
  constexpr std::ptrdiff_t value() const { return *value_; }

private:
  std::optional<std::ptrdiff_t> value_;
};

// Python's slice(start, stop, step).
struct slice {
  slice_bound start = none;
  slice_bound stop = none;
  std::ptrdiff_t step = 1;

  constexpr slice() noexcept = default;
  constexpr slice(slice_bound start_, slice_bound stop_, std::ptrdiff_t step_ = 1) noexcept
      : start(start_), stop(stop_), step(step_) {}
};

// The resolved slice of an axis of a given length (PySlice_AdjustIndices).
struct resolved_slice {
  std::ptrdiff_t start;
  std::ptrdiff_t step;
  std::ptrdiff_t length;
};

namespace detail {

inline resolved_slice resolve_slice(const slice& s, std::ptrdiff_t len) {
  const std::ptrdiff_t step = s.step;
  const std::ptrdiff_t lower = step < 0 ? -1 : 0;
  const std::ptrdiff_t upper = step < 0 ? len - 1 : len;
  auto adjust = [&](const slice_bound& b, std::ptrdiff_t if_none) {
    if (b.is_none())
      return if_none;
    std::ptrdiff_t v = b.value();
    if (v < 0) {
      v += len;
      if (v < lower)
        v = lower;
    } else if (v > upper) {
      v = upper;
    }
    return v;
  };
  std::ptrdiff_t start = adjust(s.start, step < 0 ? upper : lower);
  std::ptrdiff_t stop = adjust(s.stop, step < 0 ? lower : upper);
  std::ptrdiff_t length = 0;
  if (step < 0) {
    if (stop < start)
      length = (start - stop - 1) / (-step) + 1;
  } else if (start < stop) {
    length = (stop - start - 1) / step + 1;
  }
  return {start, step, length};
}

template <class I>
inline constexpr bool is_integer_index_v =
    std::is_integral_v<std::remove_cvref_t<I>> && !std::is_same_v<std::remove_cvref_t<I>, bool>;

template <class I>
inline constexpr bool is_view_index_v =
    std::is_same_v<std::remove_cvref_t<I>, slice> || std::is_same_v<std::remove_cvref_t<I>, all_t> ||
    std::is_same_v<std::remove_cvref_t<I>, newaxis_t> ||
    std::is_same_v<std::remove_cvref_t<I>, ellipsis_t>;

} // namespace detail
} // namespace nd
