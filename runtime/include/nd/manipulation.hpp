// nd/manipulation.hpp — NumPy's free functions over arrays: copy,
// ascontiguousarray, asfortranarray, concatenate, moveaxis, expand_dims,
// broadcast_to.
//
//   auto f = nd::zeros<double>({3, 4}, nd::order::F);
//   auto k = nd::copy(f);                  // np.copy: order K, stays F
//   auto c = nd::ascontiguousarray(f);     // copies (hidden): f is not C-contiguous
//   auto same = nd::asfortranarray(f);     // no copy: same.is(f)
//   auto b = nd::broadcast_to(nd::arange<double>(3), {4, 3});  // read-only, strides (0, 1)
//   auto m = nd::moveaxis(nd::zeros<int>({2, 3, 4}), 0, -1);  // shape (3, 4, 2), a view
#pragma once

#include <algorithm>
#include <span>
#include <vector>

#include <nd/array.hpp>

namespace nd {

// np.copy(a, order='K'): unlike a.copy() (order C), keeps the memory order.
template <class T>
array<T> copy(const array<T>& a, order o = order::K,
              std::source_location loc = std::source_location::current()) {
  const auto& impl = detail::array_access::impl(a);
  return detail::array_access::wrap<T>(
      detail::copy_array<T, T>(*impl, o, "copy", copy_kind::explicit_copy, {}, loc));
}

namespace detail {
// np.asarray(a, order, ndmin=1): the same array if it fits, else a copy.
template <class T>
array<T> as_contiguous(const array<T>& a, bool fortran, std::string_view operation,
                       const std::source_location& loc) {
  const auto& impl = array_access::impl(a);
  impl_ptr source = impl;
  if (impl->shape.empty()) // ndmin=1: a 0-d input becomes a (1,) view
    source = make_view(impl, impl->data, {1}, {1});
  if (fortran ? source->f_contiguous : source->c_contiguous)
    return source == impl ? a : array_access::wrap<T>(source);
  return array_access::wrap<T>(copy_array<T, T>(
      *source, fortran ? order::F : order::C, operation, copy_kind::hidden_copy,
      fortran ? "the array is not F-contiguous" : "the array is not C-contiguous", loc));
}
} // namespace detail

// Returns `a` itself when it is already C-contiguous (and at least 1-D).
template <class T>
array<T> ascontiguousarray(const array<T>& a,
                           std::source_location loc = std::source_location::current()) {
  return detail::as_contiguous(a, false, "ascontiguousarray", loc);
}

// Returns `a` itself when it is already F-contiguous (and at least 1-D).
template <class T>
array<T> asfortranarray(const array<T>& a,
                        std::source_location loc = std::source_location::current()) {
  return detail::as_contiguous(a, true, "asfortranarray", loc);
}

// np.concatenate(arrays, axis): one new buffer whose memory order follows the
// inputs (PyArray_CreateMultiSortedStridePerm).
template <class T>
array<T> concatenate(std::span<const array<T>> arrays, std::ptrdiff_t axis = 0,
                     std::source_location loc = std::source_location::current()) {
  if (arrays.empty())
    throw value_error("need at least one array to concatenate");
  const std::size_t ndim = arrays[0].ndim();
  if (ndim == 0)
    throw value_error("zero-dimensional arrays cannot be concatenated");
  const std::size_t ax = detail::normalize_axis(axis, ndim);
  detail::index_vector shape(arrays[0].shape().begin(), arrays[0].shape().end());
  for (std::size_t i = 1; i < arrays.size(); ++i) {
    if (arrays[i].ndim() != ndim)
      throw value_error("all the input arrays must have same number of dimensions, but the array "
                        "at index 0 has " + std::to_string(ndim) +
                        " dimension(s) and the array at index " + std::to_string(i) + " has " +
                        std::to_string(arrays[i].ndim()) + " dimension(s)");
    for (std::size_t d = 0; d < ndim; ++d) {
      if (d == ax) {
        shape[d] += arrays[i].shape()[d];
      } else if (shape[d] != arrays[i].shape()[d]) {
        throw value_error("all the input array dimensions except for the concatenation axis must "
                          "match exactly, but along dimension " + std::to_string(d) +
                          ", the array at index 0 has size " + std::to_string(shape[d]) +
                          " and the array at index " + std::to_string(i) + " has size " +
                          std::to_string(arrays[i].shape()[d]));
      }
    }
  }
  // Insertion sort of the axes, biggest stride first; an axis pair is
  // ambiguous for an input where either has length 1, and C order wins ties.
  detail::index_vector perm(ndim);
  for (std::size_t i = 0; i < ndim; ++i)
    perm[i] = static_cast<std::ptrdiff_t>(i);
  for (std::size_t i0 = 1; i0 < ndim; ++i0) {
    std::size_t pos = i0;
    const std::ptrdiff_t j0 = perm[i0];
    for (std::size_t i1 = i0; i1-- > 0;) {
      bool ambiguous = true, swap = false;
      const std::ptrdiff_t j1 = perm[i1];
      for (const auto& a : arrays) {
        if (a.shape()[j0] != 1 && a.shape()[j1] != 1) {
          if (detail::stride_magnitude(a.strides()[j0]) <= detail::stride_magnitude(a.strides()[j1]))
            swap = false;
          else if (ambiguous)
            swap = true;
          ambiguous = false;
        }
      }
      if (!ambiguous) {
        if (swap)
          pos = i1;
        else
          break;
      }
    }
    if (pos != i0) {
      for (std::size_t k = i0; k > pos; --k)
        perm[k] = perm[k - 1];
      perm[pos] = j0;
    }
  }
  detail::index_vector strides = detail::dense_strides_for_order(shape, perm);
  detail::impl_ptr result = detail::allocate_array(sizeof(T), shape, strides);
  T* window = reinterpret_cast<T*>(result->data);
  for (const auto& a : arrays) {
    detail::index_vector piece(a.shape().begin(), a.shape().end());
    if (a.size() > 0)
      detail::strided_copy<T, T>(ndim, piece.data(), a.data(), a.strides().data(), window,
                                 result->strides.data());
    window += piece[ax] * result->strides[ax];
  }
  detail::report_copy("concatenate", static_cast<std::size_t>(result->size()) * sizeof(T),
                      copy_kind::explicit_copy, {}, loc);
  return detail::array_access::wrap<T>(std::move(result));
}

template <class T>
array<T> concatenate(std::initializer_list<array<T>> arrays, std::ptrdiff_t axis = 0,
                     std::source_location loc = std::source_location::current()) {
  return concatenate(std::span<const array<T>>(arrays.begin(), arrays.size()), axis, loc);
}
template <class T>
array<T> concatenate(const std::vector<array<T>>& arrays, std::ptrdiff_t axis = 0,
                     std::source_location loc = std::source_location::current()) {
  return concatenate(std::span<const array<T>>(arrays), axis, loc);
}

namespace detail {
inline index_vector normalize_axis_list(std::span<const std::ptrdiff_t> axes, std::size_t ndim,
                                        const char* argname) {
  index_vector out;
  for (auto a : axes)
    out.push_back(static_cast<std::ptrdiff_t>(normalize_axis(a, ndim, argname)));
  for (std::size_t i = 0; i < out.size(); ++i)
    for (std::size_t j = i + 1; j < out.size(); ++j)
      if (out[i] == out[j])
        throw value_error(std::string("repeated axis in `") + argname + "` argument");
  return out;
}
} // namespace detail

// np.moveaxis: a transposed view.
template <class T>
array<T> moveaxis(const array<T>& a, std::span<const std::ptrdiff_t> source,
                  std::span<const std::ptrdiff_t> destination) {
  auto src = detail::normalize_axis_list(source, a.ndim(), "source");
  auto dst = detail::normalize_axis_list(destination, a.ndim(), "destination");
  if (src.size() != dst.size())
    throw value_error("`source` and `destination` arguments must have the same number of elements");
  detail::index_vector order;
  for (std::size_t i = 0; i < a.ndim(); ++i)
    if (std::find(src.begin(), src.end(), static_cast<std::ptrdiff_t>(i)) == src.end())
      order.push_back(static_cast<std::ptrdiff_t>(i));
  std::vector<std::pair<std::ptrdiff_t, std::ptrdiff_t>> moves;
  for (std::size_t i = 0; i < src.size(); ++i)
    moves.emplace_back(dst[i], src[i]);
  std::sort(moves.begin(), moves.end());
  for (auto [d, s] : moves)
    order.insert(order.begin() + d, s);
  return a.transpose(order);
}
template <class T>
array<T> moveaxis(const array<T>& a, std::ptrdiff_t source, std::ptrdiff_t destination) {
  return moveaxis(a, std::span<const std::ptrdiff_t>(&source, 1),
                  std::span<const std::ptrdiff_t>(&destination, 1));
}
template <class T>
array<T> moveaxis(const array<T>& a, std::initializer_list<std::ptrdiff_t> source,
                  std::initializer_list<std::ptrdiff_t> destination) {
  return moveaxis(a, std::span<const std::ptrdiff_t>(source.begin(), source.size()),
                  std::span<const std::ptrdiff_t>(destination.begin(), destination.size()));
}

// np.expand_dims: a view with new length-1 axes at `axes` (of the result).
template <class T> array<T> expand_dims(const array<T>& a, std::span<const std::ptrdiff_t> axes) {
  const std::size_t out_ndim = a.ndim() + axes.size();
  detail::index_vector positions;
  for (auto ax : axes)
    positions.push_back(static_cast<std::ptrdiff_t>(detail::normalize_axis(ax, out_ndim)));
  for (std::size_t i = 0; i < positions.size(); ++i)
    for (std::size_t j = i + 1; j < positions.size(); ++j)
      if (positions[i] == positions[j])
        throw value_error("repeated axis");
  detail::check_ndim(out_ndim);
  detail::index_vector shape, strides;
  std::size_t k = 0;
  for (std::size_t i = 0; i < out_ndim; ++i) {
    if (std::find(positions.begin(), positions.end(), static_cast<std::ptrdiff_t>(i)) != positions.end()) {
      shape.push_back(1);
      strides.push_back(0);
    } else {
      shape.push_back(a.shape()[k]);
      strides.push_back(a.strides()[k]);
      ++k;
    }
  }
  // NumPy builds this with reshape, whose view gets contiguous strides when
  // the input is contiguous; the length-1 axes' strides never matter for
  // flags, but byte_strides() are compared against NumPy, so match them.
  const auto& impl = detail::array_access::impl(a);
  return detail::array_access::wrap<T>(detail::reshape_impl<T>(
      impl, shape, order::C, copy_mode::never, "expand_dims", std::source_location::current()));
}
template <class T> array<T> expand_dims(const array<T>& a, std::ptrdiff_t axis) {
  return expand_dims(a, std::span<const std::ptrdiff_t>(&axis, 1));
}
template <class T>
array<T> expand_dims(const array<T>& a, std::initializer_list<std::ptrdiff_t> axes) {
  return expand_dims(a, std::span<const std::ptrdiff_t>(axes.begin(), axes.size()));
}

// np.broadcast_to: a read-only view with zero strides on broadcast axes.
template <class T> array<T> broadcast_to(const array<T>& a, const dims& shape) {
  const auto target = shape.span();
  detail::check_ndim(target.size());
  for (auto d : target)
    if (d < 0)
      throw value_error("all elements of broadcast shape must be non-negative");
  if (target.empty() && a.ndim() != 0)
    throw value_error("cannot broadcast a non-scalar to a scalar array");
  auto incompatible = [&] {
    return value_error("operands could not be broadcast together with remapped shapes "
                       "[original->remapped]: " + detail::shape_to_string(a.shape()) +
                       "  and requested shape " + detail::shape_to_string(target));
  };
  if (a.ndim() > target.size())
    throw incompatible();
  detail::index_vector strides(target.size(), 0);
  const std::size_t lead = target.size() - a.ndim();
  for (std::size_t i = 0; i < a.ndim(); ++i) {
    const std::ptrdiff_t have = a.shape()[i], want = target[lead + i];
    if (have == want)
      strides[lead + i] = have == 1 ? 0 : a.strides()[i];
    else if (have == 1)
      strides[lead + i] = 0;
    else
      throw incompatible();
  }
  const auto& impl = detail::array_access::impl(a);
  auto view = detail::make_view(impl, impl->data, detail::index_vector(target.begin(), target.end()),
                                std::move(strides));
  view->writeable = false;
  return detail::array_access::wrap<T>(std::move(view));
}

} // namespace nd
