// RUN: %check_ndtidy %s ndarray-redundant-copy-chain %t -- -- %nd_flags

#include <nd/nd.hpp>

using Array = nd::array<double>;

// Positive: a copy of a fresh copy in the same expression.

Array PositiveCopyCopy(const Array &a) {
  return a.copy().copy();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'copy()' copies the fresh array returned by 'copy()': two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-FIXES: {{^}}  return a.copy();{{$}}
}

Array PositiveFlattenCopy(const Array &a) {
  return a.flatten().copy();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'copy()' copies the fresh array returned by 'flatten()'
  // CHECK-FIXES: {{^}}  return a.flatten();{{$}}
}

Array PositiveCopyFlatten(const Array &a) {
  return a.copy().flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'flatten()' copies the fresh array returned by 'copy()'
  // CHECK-FIXES: {{^}}  return a.flatten();{{$}}
}

Array PositiveCopyFOrderFlatten(const Array &a) {
  // flatten() reads in C index order whatever the layout: the F copy adds nothing.
  return a.copy(nd::order::F).flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'flatten()' copies the fresh array returned by 'copy()'
  // CHECK-FIXES: {{^}}  return a.flatten();{{$}}
}

Array PositiveFreeCopyOfCopy(const Array &a) {
  // nd::copy keeps the (C) layout of its fresh input: dropping it is exact.
  return nd::copy(a.copy());
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'nd::copy()' copies the fresh array returned by 'copy()'
  // CHECK-FIXES: {{^}}  return a.copy();{{$}}
}

Array PositiveFreeCopyThenFlatten(const Array &a, bool transposed) {
  return nd::copy(transposed ? a.T() : a).flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'flatten()' copies the fresh array returned by 'nd::copy()'
  // CHECK-FIXES: {{^}}  return (transposed ? a.T() : a).flatten();{{$}}
}

Array PositiveFlattenFlatten(const Array &a) {
  return a.flatten().flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'flatten()' copies the fresh array returned by 'flatten()'
  // CHECK-FIXES: {{^}}  return a.flatten();{{$}}
}

nd::array<float> PositiveAstypeCopyNoFix(const Array &a) {
  // astype keeps the source's layout (order K), which is unknown here, and the
  // outer copy() is C order: removing either call could change the result.
  return a.astype<float>().copy();
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'copy()' copies the fresh array returned by 'astype()'
  // CHECK-FIXES: {{^}}  return a.astype<float>().copy();{{$}}
}

Array PositiveFOrderCopyThenCCopy(const Array &a) {
  // The F-order buffer is only read, in C index order, by the second copy.
  return a.copy(nd::order::F).copy();
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'copy()' copies the fresh array returned by 'copy()'
  // CHECK-FIXES: {{^}}  return a.copy();{{$}}
}

nd::array<float> PositiveCopyThenAstypeNoFix(const Array &a) {
  // astype (order K) keeps the C layout of the copy; without the copy it
  // would keep a's layout, which is unknown here.
  return a.copy().astype<float>();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'astype()' copies the fresh array returned by 'copy()'
  // CHECK-FIXES: {{^}}  return a.copy().astype<float>();{{$}}
}

#define COPY_TWICE(x) (x).copy().copy()

Array PositiveInMacroNoFix(const Array &a) {
  return COPY_TWICE(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'copy()' copies the fresh array returned by 'copy()'
  // CHECK-FIXES: {{^}}  return COPY_TWICE(a);{{$}}
}

template <typename T> nd::array<T> PositiveInTemplateNoFix(const nd::array<T> &a) {
  return a.copy().copy();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'copy()' copies the fresh array returned by 'copy()'
  // CHECK-FIXES: {{^}}  return a.copy().copy();{{$}}
}
template nd::array<double> PositiveInTemplateNoFix(const nd::array<double> &);
template nd::array<float> PositiveInTemplateNoFix(const nd::array<float> &);

// Negative: one copy, views, or copies of arrays that are not fresh.

Array NegativeSingleCopy(const Array &a) { return a.copy(); }

Array NegativeRavelOfCopy(const Array &a) {
  // copy() is C order, so ravel() is a view of it: one buffer in all.
  return a.copy().ravel();
}

Array NegativeCopyOfView(const Array &a) { return a.T().copy(); }

Array NegativeCopyOfLocal(const Array &a) {
  Array b = a.copy();
  b(0, 0) = 1.0;
  return b.copy();
}

Array NegativeSuppressed(const Array &a) {
  return a.copy().copy(); // NOLINT(ndarray-redundant-copy-chain)
}
