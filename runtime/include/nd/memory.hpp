// nd/memory.hpp — do two arrays share memory? NumPy's shares_memory and
// may_share_memory over the bounded-Diophantine solver in
// detail/mem_overlap.hpp.
//
//   auto y = nd::arange<double>(10);
//   auto even = y(nd::slice(0, nd::none, 2)), odd = y(nd::slice(1, nd::none, 2));
//   nd::shares_memory(even, odd);       // false: exact answer
//   nd::may_share_memory(even, odd);    // true: the extents overlap
//   nd::shares_memory(a, b, 1);         // may throw nd::too_hard_error
//
// max_work: -1 exact (unbounded), 0 compare extents only, > 0 cap on the
// solver's work; < -2 is a value_error. shares_memory throws too_hard_error
// ("Exceeded max_work") and overflow_error ("Integer overflow in computing
// overlap"); may_share_memory answers true whenever it cannot decide.
#pragma once

#include <cstdint>

#include <nd/array.hpp>
#include <nd/detail/mem_overlap.hpp>

namespace nd {

namespace detail {
template <class T, class U>
overlap_result overlap(const array<T>& a, const array<U>& b, std::ptrdiff_t max_work) {
  if (max_work < -2)
    throw value_error("Invalid value for max_work");
  const std::vector<std::ptrdiff_t> sa = a.byte_strides(), sb = b.byte_strides();
  memory_extent_view va{reinterpret_cast<std::intptr_t>(a.data()), sizeof(T), a.shape(), sa};
  memory_extent_view vb{reinterpret_cast<std::intptr_t>(b.data()), sizeof(U), b.shape(), sb};
  return solve_may_share_memory(va, vb, max_work);
}
} // namespace detail

template <class T, class U>
bool shares_memory(const array<T>& a, const array<U>& b, std::ptrdiff_t max_work = -1) {
  switch (detail::overlap(a, b, max_work)) {
  case detail::overlap_result::no:
    return false;
  case detail::overlap_result::yes:
    return true;
  case detail::overlap_result::too_hard:
    throw too_hard_error("Exceeded max_work");
  case detail::overlap_result::overflow:
    break;
  }
  throw overflow_error("Integer overflow in computing overlap");
}

template <class T, class U>
bool may_share_memory(const array<T>& a, const array<U>& b, std::ptrdiff_t max_work = 0) {
  return detail::overlap(a, b, max_work) == detail::overlap_result::yes ||
         detail::overlap(a, b, max_work) != detail::overlap_result::no;
}

} // namespace nd
