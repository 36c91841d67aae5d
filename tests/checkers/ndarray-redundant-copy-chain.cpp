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

Array PositiveConcatenateCopyNoFix(int n) {
  // nd::concatenate lays its result out like its inputs (F here): the
  // C-ordered copy() does not reproduce it, so no fix removes it.
  auto a = nd::zeros<double>({n, 400}, nd::order::F);
  return nd::concatenate({a, a}).copy();
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'copy()' copies the fresh array returned by 'nd::concatenate()': two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-FIXES: {{^}}  return nd::concatenate({a, a}).copy();{{$}}
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

// Positive: a layout-dependent copy of a fresh copy.

Array PositiveFreeCopyOfFOrderThenRavel() {
  // nd::copy keeps F order (order K), so the C-order ravel() copies again.
  auto f = nd::zeros<double>({300, 400}, nd::order::F);
  return nd::copy(f).ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'ravel()' copies the fresh array returned by 'nd::copy()': two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-FIXES: {{^}}  return f.flatten();{{$}}
}

Array PositiveFOrderCopyThenRavelUnknownExtents(int n) {
  // The F copy of an n-by-n array is not C-contiguous unless n <= 1.
  auto f = nd::zeros<double>({n, n}, nd::order::F);
  return f.copy(nd::order::F).ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'ravel()' copies the fresh array returned by 'copy()' unless a dimension has length 0 or 1: two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-FIXES: {{^}}  return f.flatten();{{$}}
}

Array PositiveHiddenCopyThenCopy() {
  // The transpose's ravel() already returns a fresh buffer.
  auto a = nd::zeros<double>({300, 400});
  return a.T().ravel().copy();
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'copy()' copies the fresh array returned by 'ravel()'
}

// Positive: through a local used only once.

Array PositiveThroughSingleUseLocal(const Array &a) {
  auto c = a.copy();
  auto f = c.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'flatten()' copies 'c', a fresh copy made by 'copy()' and used only here: two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  return f;
}

Array PositiveThroughSingleUseLocalInBranch(const Array &a, bool flat) {
  auto c = a.astype<double>();
  if (flat)
    return c.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'flatten()' copies 'c', a fresh copy made by 'astype()' and used only here
  return a;
}

Array PositiveInLambda(const Array &a) {
  auto flat = [](const Array &x) {
    auto c = x.copy();
    return c.flatten();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'flatten()' copies 'c', a fresh copy made by 'copy()' and used only here
  };
  return flat(a);
}

// Negative: one copy, views, or copies of arrays that are not fresh.

Array NegativeLocalCapturedByLambda(const Array &a) {
  auto c = a.copy();
  auto get = [c] { return c.flatten(); }; // the closure holds the buffer
  return get();
}

Array NegativeCopyRavelOfCOrder(const Array &a) {
  // copy() is C order: ravel() is a view of it (one buffer).
  auto c = a.copy();
  return c.ravel();
}

Array NegativeFreeCopyOfCOrderThenRavel() {
  auto a = nd::zeros<double>({300, 400});
  return nd::copy(a).ravel(); // keeps C order: ravel() is a view
}

Array NegativeFreeCopyOfUnknownThenRavel(const Array &a) {
  return nd::copy(a).ravel(); // layout of a unknown: may be one buffer
}

Array NegativeLocalUsedTwice(const Array &a) {
  auto c = a.copy();
  auto f = c.flatten();
  c(0, 0) = 1.0;
  return f;
}

Array NegativeLocalInLoop(const Array &a, int n) {
  auto c = a.copy();
  Array f = a;
  for (int i = 0; i < n; ++i)
    f = c.flatten(); // runs n times from one copy
  return f;
}

Array NegativeLocalFromParameterView(const Array &a) {
  auto v = a.T();
  return v.copy(); // v is a view, not a fresh buffer
}

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
