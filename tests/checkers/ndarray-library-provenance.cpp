// RUN: %check_ndtidy --check-suffixes=USER %s ndarray-redundant-copy-chain,ndarray-unnecessary-copy %t -- -- %nd_flags -DUSER_ND
// RUN: %check_ndtidy --check-suffixes=REAL %s ndarray-redundant-copy-chain %t -- -- %nd_flags

// The model recognises the nd library by where its declarations are spelled
// (runtime/include/nd/), not by qualified name alone: a user's own `nd`
// namespace is not the library.

#ifdef USER_ND

// A user's own nd::array, unrelated to the runtime: no diagnostic.
namespace nd {
enum class order { C, F };
template <class E> struct array {
  E Value{};
  array copy(order = order::C) const { return *this; }
  array flatten(order = order::C) const { return *this; }
  E operator()(long) const { return Value; }
};
} // namespace nd

double NegativeOwnArrayCopyChain(const nd::array<double> &a) {
  auto b = a.copy().flatten();
  return b(0);
}

double NegativeOwnArrayFlattenOnlyRead(const nd::array<double> &a) {
  auto flat = a.flatten();
  return flat(0);
}

#else

#include <nd/nd.hpp>

// A user's own function in the library's namespace, beside the real one.
namespace nd {
template <class T> array<T> copy(const array<T> &a, int /*tag*/) { return a; }
} // namespace nd

using Array = nd::array<double>;

Array PositiveRealArrayCopyChain(const Array &a) {
  return a.copy().copy();
  // CHECK-MESSAGES-REAL: :[[@LINE-1]]:19: warning: 'copy()' copies the fresh array returned by 'copy()': two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-FIXES-REAL: {{^}}  return a.copy();{{$}}
}

Array NegativeOwnFreeFunction(const Array &a) {
  // The user's nd::copy(a, int) returns a handle to `a`: no fresh copy.
  return nd::copy(a, 1).flatten();
  // CHECK-FIXES-REAL: {{^}}  return nd::copy(a, 1).flatten();{{$}}
}

#endif
