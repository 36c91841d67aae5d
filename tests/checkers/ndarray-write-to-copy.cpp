// RUN: %check_ndtidy %s ndarray-write-to-copy %t -- -- %nd_flags

#include <nd/nd.hpp>

using Array = nd::array<double>;

// Positive: writes into a temporary copy.

void PositiveFlattenElement(Array a) {
  a.flatten()(3) = 1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the write is lost: flatten() returns a copy, 'a' is not modified; ravel() returns a view when its source is C-contiguous [ndarray-write-to-copy]
}

void PositiveCopyFill(const Array &a) {
  a.copy().fill(0.0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the write is lost: copy() returns a copy, 'a' is not modified; write to 'a' directly [ndarray-write-to-copy]
}

void PositiveCompoundThroughView(Array a) {
  // A view of a copy is still the copy.
  a.flatten()(nd::slice(0, 4)).fill(2.0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the write is lost: flatten() returns a copy, 'a' is not modified
  a.copy().T()(0, 1) += 1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the write is lost: copy() returns a copy, 'a' is not modified
}

void PositiveFreeCopy(Array a) {
  nd::copy(a)(0) = 5.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the write is lost: nd::copy() returns a copy, 'a' is not modified; write to 'a' directly
}

void PositiveTake(Array a, nd::array<long> idx) {
  a.take(idx).fill(1.0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the write is lost: take() returns a copy, 'a' is not modified [ndarray-write-to-copy]
}

void PositiveTransposedRavel() {
  // a.T() of a 300x400 C array is not C-contiguous: ravel() copies.
  auto a = nd::zeros<double>({300, 400});
  a.T().ravel()(0) = 1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the write is lost: ravel() returns a copy here (its source is not C-contiguous), 'a' is not modified; write to 'a' directly
}

void PositiveSymbolicShape(std::ptrdiff_t n, std::ptrdiff_t m) {
  // Extents unknown: the transpose is C-contiguous only when degenerate.
  auto a = nd::zeros<double>({n, m});
  a.T().ravel()(0) = 1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the write is lost unless a dimension has length 0 or 1: ravel() returns a copy when its source is not C-contiguous, 'a' is not modified; write to 'a' directly [ndarray-write-to-copy]
}

void PositiveInLoop(Array a) {
  for (int i = 0; i < 10; ++i)
    a.flatten()(i) = 0.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the write is lost: flatten() returns a copy
}

// Positive: a local copy that is written and never read.

void PositiveWriteOnlyLocal(Array a) {
  auto flat = a.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: the writes to 'flat' are lost: flatten() returns a copy, 'a' is not modified, and 'flat' is never read; ravel() returns a view when its source is C-contiguous [ndarray-write-to-copy]
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    flat(i) = 0.0;
}

void PositiveWriteOnlyLocalBranches(Array a, bool reset) {
  Array c = a.copy();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the writes to 'c' are lost: copy() returns a copy, 'a' is not modified, and 'c' is never read; write to 'a' directly
  if (reset)
    c.fill(0.0);
  else
    c(0) = 1.0;
}

void PositiveWriteOnlyAlias(Array a) {
  auto flat = a.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: the writes to 'flat' are lost
  auto same = flat; // an alias of the copy, also never read
  same(0) = 1.0;
}

// Templates: diagnosed once per location, in the instantiations.
template <typename T> void PositiveTemplate(nd::array<T> a) {
  a.flatten()(0) = T(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the write is lost: flatten() returns a copy, 'a' is not modified
}
template void PositiveTemplate(nd::array<double>);
template void PositiveTemplate(nd::array<float>);

#define ZERO_FIRST(x) (x).flatten()(0) = 0.0

void PositiveMacro(Array a) {
  ZERO_FIRST(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the write is lost: flatten() returns a copy, 'a' is not modified
}

void PositiveInLambda(Array a) {
  auto zero = [](Array x) { x.flatten()(0) = 0.0; };
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: the write is lost: flatten() returns a copy, 'x' is not modified
  zero(a);
}

// Negative.

void NegativeWriteToView(Array a) {
  a.T()(0, 0) = 1.0;
  a(nd::all, 0).fill(2.0);
}

double NegativeCopyIsRead(Array a) {
  auto flat = a.flatten();
  flat(0) = 1.0;
  return flat(0) + flat(1);
}

Array NegativeCopyIsReturned(Array a) {
  auto flat = a.flatten();
  flat(0) = 1.0;
  return flat;
}

void sink(const Array &);

void NegativeCopyEscapes(Array a) {
  auto c = a.copy();
  c(0, 0) = 1.0;
  sink(c);
}

void NegativeCopyCapturedByLambda(Array a) {
  auto c = a.copy();
  c.fill(1.0);
  auto show = [&] { return c(0, 0); };
  (void)show;
}

void NegativeRebound(Array a, Array b) {
  auto c = a.copy();
  c = b; // c now views b's buffer: later writes reach b
  c(0, 0) = 1.0;
}

void NegativeRavelOfContiguous() {
  // A fresh C array: ravel() is a view, the write reaches a.
  auto a = nd::zeros<double>({300, 400});
  a.ravel()(0) = 1.0;
  a.reshape({400, 300})(0, 0) = 2.0;
}

void NegativeRavelOfUnknownLayout(Array a) {
  // May or may not be a copy: that is ndarray-ambiguous-alias's finding.
  a.ravel()(0) = 1.0;
}

void NegativeReadOfTemporary(Array a, double &out) {
  out = a.flatten()(3);
}

void NegativeSmall() {
  // Statically smaller than MinElements (1024): tiny copies do not matter.
  auto a = nd::zeros<double>({3, 4});
  a.flatten()(0) = 1.0;
}

void NegativeSuppressed(Array a) {
  a.flatten()(3) = 1.0; // NOLINT(ndarray-write-to-copy)
}
