// RUN: %check_ndtidy %s ndarray-ambiguous-alias %t -- -- %nd_flags

#include <nd/nd.hpp>

using Array = nd::array<double>;

// Positive: the layout of a parameter is unknown, so ravel() or reshape() may
// return a view (the write reaches 'a') or a copy (it does not).

void PositiveRavelParameter(Array a) {
  a.ravel()(0) = 1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this write may or may not reach 'a': ravel() returns a view of its source only when it is C-contiguous, which is not known here; use flatten() for an independent copy, or reshape() with nd::copy_mode::never to require a view [ndarray-ambiguous-alias]
}

void PositiveReshapeFill(const Array &a, std::ptrdiff_t n) {
  a.reshape({n, -1}).fill(0.0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this write may or may not reach 'a': reshape() returns a view only when its source is C-contiguous or its strides fit the new shape, which is not known here; pass nd::copy_mode::never to require a view, or nd::copy_mode::always for an independent copy [ndarray-ambiguous-alias]
}

void PositiveRavelFOrder(Array a) {
  a.ravel(nd::order::F)(nd::slice(0, 10)).fill(1.0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this write may or may not reach 'a': ravel() returns a view of its source only when it is F-contiguous, which is not known here
}

void PositiveThroughLocal(Array a) {
  auto flat = a.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: writes through 'flat' may or may not reach 'a': ravel() returns a view of its source only when it is C-contiguous, which is not known here
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    flat(i) *= 2.0;
}

void PositiveAfterBranch(bool transposed) {
  // C-contiguous on one path, not on the other: unknown after the join.
  auto a = nd::zeros<double>({300, 400});
  auto v = transposed ? a.T() : a;
  v.ravel()(0) = 1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this write may or may not reach 'v': ravel() returns a view of its source only when it is C-contiguous
}

void PositiveViewOfParameter(Array a) {
  a.T().reshape({-1})(0) = 1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: this write may or may not reach 'a': reshape() returns a view only when
}

template <typename T> void PositiveTemplate(nd::array<T> a) {
  a.ravel()(0) = T(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this write may or may not reach 'a'
}
template void PositiveTemplate(nd::array<double>);
template void PositiveTemplate(nd::array<float>);

#define FIRST(x) (x).ravel()(0)

void PositiveMacro(Array a) {
  FIRST(a) = 1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this write may or may not reach 'a'
}

void PositiveInLambda() {
  auto set = [](Array x) { x.ravel()(0) = 1.0; };
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: this write may or may not reach 'x'
  set(nd::zeros<double>({300, 400}));
}

// Negative.

void NegativeKnownContiguous() {
  // A fresh C array: ravel() is a view, the write reaches a.
  auto a = nd::zeros<double>({300, 400});
  a.ravel()(0) = 1.0;
  auto r = a.reshape({400, 300});
  r(0, 0) = 2.0;
}

void NegativeKnownCopy() {
  // Known to copy: ndarray-write-to-copy's finding, not an ambiguity.
  auto a = nd::zeros<double>({300, 400});
  a.T().ravel()(0) = 1.0;
}

void NegativeCopyModeNever(Array a) {
  // Always a view (or an exception): the write reaches a.
  a.reshape({-1}, nd::order::C, nd::copy_mode::never)(0) = 1.0;
}

void NegativeCopyModeAlways(Array a) {
  // Always a copy: the write is lost, which is write-to-copy's business.
  a.reshape({-1}, nd::order::C, nd::copy_mode::always)(0) = 1.0;
}

void NegativeFlatten(Array a) {
  auto f = a.flatten(); // always independent: no ambiguity
  f(0) = 1.0;
  a(0, 0) = f(1);
}

double NegativeOnlyRead(Array a) {
  auto r = a.ravel();
  return a.ravel()(0) + r(1);
}

void NegativeRebound(Array a, Array b) {
  auto r = a.ravel();
  r = b; // later writes go to b
  r(0) = 1.0;
}

void NegativeSuppressed(Array a) {
  a.ravel()(0) = 1.0; // NOLINT(ndarray-ambiguous-alias)
}
