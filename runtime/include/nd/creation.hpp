// nd/creation.hpp — new arrays: zeros, ones, full, empty, arange, from_vector.
//
//   auto a = nd::zeros<double>({300, 400});             // C order (layout_right)
//   auto f = nd::ones<float>({3, 4}, nd::order::F);     // F order (layout_left)
//   auto r = nd::arange<double>(10000).reshape({100, 100});
//   auto v = nd::from_vector(std::vector<int>{1, 2, 3, 4}, {2, 2});
//   nd::array<double> m = {{1, 2}, {3, 4}};
//
// Creation allocates what the caller asked for, so it is not a copy event.
// Shapes are checked as NumPy checks them: negative dimensions and sizes whose
// byte count overflows throw nd::value_error. A fresh zero-byte array has
// all-zero strides, as in NumPy.
#pragma once

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include <nd/array.hpp>

namespace nd {

namespace detail {
inline void check_creation_order(order o) {
  if (o != order::C && o != order::F)
    throw value_error("only 'C' or 'F' order is permitted");
}
} // namespace detail

// Uninitialised contents (NumPy's empty).
template <element_type T> array<T> empty(const dims& shape, order o = order::C) {
  detail::check_creation_order(o);
  return detail::array_access::wrap<T>(
      detail::allocate_contiguous(sizeof(T), shape.span(), o == order::F));
}

template <element_type T> array<T> full(const dims& shape, const T& value, order o = order::C) {
  array<T> a = empty<T>(shape, o);
  a.fill(value);
  return a;
}

template <element_type T> array<T> zeros(const dims& shape, order o = order::C) {
  return full<T>(shape, T{}, o);
}

template <element_type T> array<T> ones(const dims& shape, order o = order::C) {
  return full<T>(shape, static_cast<T>(1), o);
}

// NumPy's arange(start, stop, step): ceil((stop - start) / step) elements,
// element i = start + i * step.
template <element_type T> array<T> arange(T start, T stop, T step = T{1}) {
  if (step == T{0})
    throw value_error("Maximum allowed size exceeded");
  double length = std::ceil((static_cast<double>(stop) - static_cast<double>(start)) /
                            static_cast<double>(step));
  if (!(length > 0))
    length = 0;
  if (length > 9.2e18)
    throw value_error("Maximum allowed size exceeded");
  array<T> a = empty<T>({static_cast<std::ptrdiff_t>(length)});
  T* p = a.data();
  for (std::ptrdiff_t i = 0; i < a.size(); ++i)
    p[i] = static_cast<T>(start + static_cast<T>(i) * step);
  return a;
}
template <element_type T> array<T> arange(T stop) { return arange<T>(T{0}, stop, T{1}); }

// A copy of `values` (C index order) laid out as `shape` in order `o`;
// the default shape is 1-D.
template <element_type T>
array<T> from_vector(const std::vector<T>& values, const dims& shape = {}, order o = order::C) {
  detail::index_vector s = shape.size() == 0 && !values.empty()
                               ? detail::index_vector{static_cast<std::ptrdiff_t>(values.size())}
                               : shape.vector();
  if (shape.size() == 0 && values.empty())
    s = {0};
  array<T> a = empty<T>(s, o);
  if (static_cast<std::size_t>(a.size()) != values.size())
    throw value_error("cannot reshape array of size " + std::to_string(values.size()) +
                      " into shape " + detail::shape_to_string(s));
  if (!values.empty()) {
    std::unique_ptr<T[]> flat(new T[values.size()]);
    std::copy(values.begin(), values.end(), flat.get()); // std::vector<bool> has no data()
    detail::index_vector src = detail::contiguous_strides(s, false);
    detail::strided_copy<T, T>(s.size(), s.data(), flat.get(), src.data(), a.data(),
                               a.strides().data());
  }
  return a;
}

} // namespace nd
