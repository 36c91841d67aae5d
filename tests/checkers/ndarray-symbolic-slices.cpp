// RUN: %check_ndtidy %s ndarray-write-to-copy,ndarray-ambiguous-alias,ndarray-hidden-copy,ndarray-unnecessary-copy %t -- -- %nd_flags

// Layout facts survive indices and slice bounds that are not compile-time
// constants (issue 8): the rank, extents and contiguity of a(i),
// a(nd::all, j) and a(nd::slice(b, e, 2)) follow from the source, and a loop
// that slices with a step keeps "not contiguous unless degenerate".

#include <nd/nd.hpp>

using Array = nd::array<double>;

void PositiveColumnRuntimeIndex(std::ptrdiff_t j) {
  auto a = nd::zeros<double>({3000, 400});
  auto col = a(nd::all, j).ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the writes to 'col' are lost: ravel() returns a copy here (its source is not C-contiguous), 'a' is not modified, and 'col' is never read; write to 'a' directly [ndarray-write-to-copy]
  col(0) = 1.0;
}

void PositiveColumnUnknownRows(std::ptrdiff_t n, std::ptrdiff_t j) {
  auto a = nd::zeros<double>({n, 400});
  auto col = a(nd::all, j).ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the writes to 'col' are lost unless it has length 0 or 1: ravel() returns a copy when its source is not C-contiguous, 'a' is not modified, and 'col' is never read; write to 'a' directly [ndarray-write-to-copy]
  col(0) = 1.0;
}

// Not a claim of a copy: with one column the column is contiguous.
void NegativeColumnUnknownCols(std::ptrdiff_t n, std::ptrdiff_t j) {
  auto a = nd::zeros<double>({3000, n});
  auto col = a(nd::all, j).ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: writes through 'col' may or may not reach 'a': ravel() returns a view of its source only when it is C-contiguous, which is not known here; use flatten() for an independent copy, or reshape() with nd::copy_mode::never to require a view [ndarray-ambiguous-alias]
  col(0) = 1.0;
}

// A row of an (n, 10) array has 10 elements: below MinElements.
double NegativeRowOfUnknownRows(std::ptrdiff_t n, std::ptrdiff_t i) {
  auto a = nd::zeros<double>({n, 10});
  auto r = a(i, nd::all).flatten();
  return r(0);
}

double PositiveRowOfUnknownRowsLong(std::ptrdiff_t n, std::ptrdiff_t i) {
  auto a = nd::zeros<double>({n, 2000});
  auto r = a(i, nd::all).flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'r' is a copy made by flatten() that is only read, and 'a' is not modified while 'r' is in use: ravel() gives the same elements as a view, without copying [ndarray-unnecessary-copy]
  return r(0);
}

void PositiveRuntimeStep2(std::ptrdiff_t b, std::ptrdiff_t e) {
  auto a = nd::zeros<double>({300, 400});
  auto v = a(nd::slice(b, e, 2)).ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: the writes to 'v' are lost unless a dimension has length 0 or 1: ravel() returns a copy when its source is not C-contiguous, 'a' is not modified, and 'v' is never read; write to 'a' directly [ndarray-write-to-copy]
  v(0) = 1.0;
}

// Rows b:e of a C-contiguous array are C-contiguous: ravel() is a view.
void NegativeRuntimeRows(std::ptrdiff_t b, std::ptrdiff_t e) {
  auto a = nd::zeros<double>({300, 400});
  auto v = a(nd::slice(b, e)).ravel();
  v(0) = 1.0;
}

void PositiveRuntimeColsSlice(std::ptrdiff_t b, std::ptrdiff_t e) {
  auto a = nd::zeros<double>({300, 400});
  auto v = a(nd::all, nd::slice(b, e)).ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: writes through 'v' may or may not reach 'a': ravel() returns a view of its source only when it is C-contiguous, which is not known here; use flatten() for an independent copy, or reshape() with nd::copy_mode::never to require a view [ndarray-ambiguous-alias]
  v(0) = 1.0;
}

void PositiveLoopStep(std::ptrdiff_t n, std::ptrdiff_t m, bool more) {
  auto x = nd::zeros<double>({n, m});
  do {
    x = x(nd::slice(0, nd::none, 2), nd::all);
  } while (more);
  auto f = x.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: the writes to 'f' are lost unless a dimension has length 0 or 1: ravel() returns a copy when its source is not C-contiguous, 'x' is not modified, and 'f' is never read; write to 'x' directly [ndarray-write-to-copy]
  f(0) = 1.0;
}

double PositiveLoopStepHidden(std::ptrdiff_t n, std::ptrdiff_t m, bool more) {
  auto x = nd::zeros<double>({n, m});
  do {
    x = x(nd::slice(0, nd::none, 2), nd::all);
  } while (more);
  return x.ravel()(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: ravel() copies unless a dimension has length 0 or 1: 'x' is not C-contiguous otherwise [ndarray-hidden-copy]
}

// Rank 3: an (1, n, n) result may be contiguous, so only 'may or may not'.
void NegativeLoop3D(std::ptrdiff_t n, bool more) {
  auto x = nd::zeros<double>({n, n, n});
  do {
    x = x(nd::slice(0, nd::none, 2));
  } while (more);
  auto f = x.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: writes through 'f' may or may not reach 'x': ravel() returns a view of its source only when it is C-contiguous, which is not known here; use flatten() for an independent copy, or reshape() with nd::copy_mode::never to require a view [ndarray-ambiguous-alias]
  f(0) = 1.0;
}

void PositiveFColumn(std::ptrdiff_t n, std::ptrdiff_t i) {
  auto a = nd::zeros<double>({400, n}, nd::order::F);
  auto row = a(i, nd::all).ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the writes to 'row' are lost unless it has length 0 or 1: ravel() returns a copy when its source is not C-contiguous, 'a' is not modified, and 'row' is never read; write to 'a' directly [ndarray-write-to-copy]
  row(0) = 1.0;
}
