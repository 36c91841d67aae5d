// RUN: %check_ndtidy %s ndarray-hidden-copy %t -- -- %nd_flags

#include <nd/nd.hpp>

using Array = nd::array<double>;

// ---- Positive: the layout is known not to fit ------------------------------

double PositiveTransposeRavel() {
  auto a = nd::zeros<double>({300, 400});
  auto t = a.T();
  auto r = t.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: ravel() copies 960000 bytes: 't' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  return r(0);
}

double PositiveUnknownExtents(int n, int m) {
  // Only the rank is known: a transpose is C-contiguous when a dimension is
  // 0 or 1, and the message says so.
  auto a = nd::zeros<double>({n, m});
  auto r = a.T().ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: ravel() copies unless a dimension has length 0 or 1: the array is not C-contiguous (it is a transpose of a C-contiguous array) otherwise [ndarray-hidden-copy]
  return r(0);
}

double PositiveSteppedSlice() {
  auto a = nd::zeros<double>({100, 400});
  auto s = a(nd::all, nd::slice(0, 400, 2));
  auto r = s.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: ravel() copies 160000 bytes: 's' is not C-contiguous (it is a stepped slice) [ndarray-hidden-copy]
  return r(0);
}

double PositiveFOrderRavel(int n) {
  auto f = nd::zeros<double>({n, 3, 4}, nd::order::F);
  auto r = f.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: ravel() copies unless a dimension has length 0 or at most one dimension is longer than 1: 'f' is not C-contiguous (it is an F-ordered array) otherwise [ndarray-hidden-copy]
  return r(0);
}

double PositiveCOrderRavelF() {
  auto a = nd::ones<double>({64, 64});
  auto r = a.ravel(nd::order::F);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: ravel() copies 32768 bytes: 'a' is not F-contiguous (it is a C-ordered array) [ndarray-hidden-copy]
  return r(0);
}

double PositiveReshapeOfTranspose() {
  auto a = nd::arange<double>(10000).reshape({100, 100});
  auto r = a.T().reshape({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: reshape() copies 80000 bytes: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  return r(0);
}

double PositiveAsContiguous() {
  auto f = nd::zeros<double>({200, 300}, nd::order::F);
  auto c = nd::ascontiguousarray(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: nd::ascontiguousarray() copies 480000 bytes: 'f' is not C-contiguous (it is an F-ordered array) [ndarray-hidden-copy]
  return c(0, 0);
}

double PositiveBothBranches(bool flip) {
  // Not C-contiguous on either path (a transpose, a stepped slice, both of
  // known shape): the merge keeps "not contiguous", without a reason.
  auto a = nd::zeros<double>({64, 64});
  auto v = flip ? a.T() : a(nd::all, nd::slice(0, 64, 2));
  auto r = v.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: ravel() copies: 'v' is not C-contiguous [ndarray-hidden-copy]
  return r(0);
}

double PositiveAlias() {
  auto a = nd::zeros<double>({64, 64});
  auto t = a.T();
  auto u = t; // a handle copy: same array, same layout
  auto r = u.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: ravel() copies 32768 bytes: 'u' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  return r(0);
}

double PositiveReassigned() {
  auto a = nd::zeros<double>({64, 64});
  a = a.T();
  auto r = a.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: ravel() copies 32768 bytes: 'a' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  return r(0);
}

double PositiveInLoop() {
  auto a = nd::zeros<double>({64, 64});
  double sum = 0;
  for (int i = 0; i < 10; ++i) {
    auto r = a.T().ravel();
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: ravel() copies 32768 bytes: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
    sum += r(i);
  }
  return sum;
}

double PositiveInLambda() {
  auto f = [](int n) {
    auto a = nd::zeros<double>({n, n});
    return a.T().ravel()(0);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: ravel() copies unless a dimension has length 0 or 1: the array is not C-contiguous (it is a transpose of a C-contiguous array) otherwise [ndarray-hidden-copy]
  };
  return f(8);
}

template <typename T> T PositiveInTemplate() {
  auto a = nd::zeros<T>({64, 64});
  return a.T().ravel()(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: ravel() copies: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
}
template double PositiveInTemplate<double>();

#define RAVEL(x) (x).ravel()

double PositiveInMacro() {
  auto a = nd::zeros<double>({64, 64});
  auto t = a.T();
  return RAVEL(t)(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: ravel() copies 32768 bytes: 't' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
}

// ---- Negative: a view, or nothing provable ----------------------------------

double NegativeContiguousRavel() {
  auto a = nd::zeros<double>({300, 400});
  return a.ravel()(0); // C-contiguous: a view
}

double NegativeTransposeRavelF() {
  auto a = nd::zeros<double>({300, 400});
  return a.T().ravel(nd::order::F)(0); // F-contiguous: a view
}

double NegativeTransposeOfDegenerate() {
  // (1, n) transposed is still C-contiguous: length-1 axes do not count.
  auto a = nd::zeros<double>({1, 4000});
  return a.T().ravel()(0);
}

double NegativeStepOnLengthOneAxis() {
  auto a = nd::zeros<double>({1, 4000});
  return a(nd::slice(0, 1, 2), nd::all).ravel()(0); // still C-contiguous
}

double NegativeSteppedSliceReshapeMinusOne() {
  // NumPy's no-copy reshape handles a[:, ::2] (row stride = 2 * columns).
  auto a = nd::zeros<double>({100, 400});
  return a(nd::all, nd::slice(0, 400, 2)).reshape({-1})(0);
}

double NegativeTransposeReshapeSameShape() {
  auto a = nd::zeros<double>({64, 64});
  return a.T().reshape({64, 64})(0, 0); // same shape: always a view
}

double NegativeParameter(const Array &p) {
  return p.ravel()(0); // layout unknown: quiet by default
}

double NegativeMergeWithContiguous(bool flip) {
  auto a = nd::zeros<double>({64, 64});
  auto v = flip ? a.T() : a;
  return v.ravel()(0); // a view on one path
}

double NegativeLoopMakesUnknown(int n) {
  auto a = nd::zeros<double>({64, 64});
  for (int i = 0; i < n; ++i)
    a = a.T().copy(); // C-ordered again
  return a.ravel()(0);
}

void consume(Array x);

double NegativeEscapedByValue() {
  auto a = nd::zeros<double>({64, 64}, nd::order::F);
  consume(a); // may have reshaped the shared array in place
  return a.ravel()(0);
}

double NegativeAddressTaken() {
  auto a = nd::zeros<double>({64, 64}, nd::order::F);
  Array *p = &a;
  *p = nd::zeros<double>({64, 64});
  return a.ravel()(0);
}

double NegativeCapturedByReference() {
  auto a = nd::zeros<double>({64, 64}, nd::order::F);
  auto reset = [&] { a = nd::zeros<double>({64, 64}); };
  reset();
  return a.ravel()(0);
}

double NegativeCopyModeAlways() {
  auto a = nd::zeros<double>({64, 64});
  // The copy is requested, not hidden.
  return a.T().reshape({-1}, nd::order::C, nd::copy_mode::always)(0);
}

double NegativeSmall() {
  auto a = nd::zeros<double>({3, 4}); // 12 elements < MinElements (1024)
  return a.T().ravel()(0);
}

double NegativeSuppressed() {
  auto a = nd::zeros<double>({64, 64});
  return a.T().ravel()(0); // NOLINT(ndarray-hidden-copy)
}

double NegativeHandleCopyBoundToReference() {
  // u is the same array object as t; once u may be modified behind the
  // analysis' back (a non-const reference), t is not tracked either.
  auto a = nd::zeros<double>({64, 64});
  auto t = a.T();
  auto u = t;
  Array &r = u;
  r = nd::zeros<double>({64, 64});
  return t.ravel()(0);
}
