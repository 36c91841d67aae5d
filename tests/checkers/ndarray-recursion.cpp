// RUN: %check_ndtidy %s ndarray-hidden-copy %t -- -- %nd_flags

// Recursive helpers. Whether a function keeps its parameters is the least
// fixpoint over its direct recursive calls: a helper that only reads what it
// is given, at every depth, leaves the caller's arrays as they were; one that
// keeps a parameter at some depth, directly or after passing it on in
// another position, keeps it.

#include <nd/nd.hpp>

using Array = nd::array<double>;

// ---- Positive -----------------------------------------------------------------

static double sum_rows_from(const Array &x, std::ptrdiff_t i) {
  if (i == x.shape(0))
    return 0;
  return x(i, 0) + sum_rows_from(x, i + 1);
}

double PositiveRecursiveReaderKeepsTheLayout() {
  auto a = nd::zeros<double>({64, 64});
  auto t = a.T();
  double s = sum_rows_from(t, 0);
  auto flat = t.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: ravel() copies 32768 bytes: 't' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  return s + flat(0);
}

// Two array parameters that trade places at each level; neither is kept.
static double alternate(const Array &a, const Array &b, int n) {
  if (n == 0)
    return a(0, 0) + b(0, 0);
  return alternate(b, a, n - 1);
}

double PositiveRecursionSwappingReaders() {
  auto a = nd::zeros<double>({64, 64});
  auto t = a.T();
  double s = alternate(t, a, 3);
  auto flat = t.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: ravel() copies 32768 bytes: 't' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  return s + flat(0);
}

// ---- Negative -----------------------------------------------------------------

static Array kept;

// Keeps its parameter at the bottom of the recursion.
static void keep_at_depth(const Array &x, int n) {
  if (n == 0) {
    kept = x;
    return;
  }
  keep_at_depth(x, n - 1);
}

double NegativeRecursionKeepsAtDepth() {
  auto a = nd::zeros<double>({64, 64});
  auto t = a.T();
  keep_at_depth(t, 3);
  auto flat = t.ravel();
  return flat(0);
}

// Keeps only its second parameter, but the first becomes the second one
// level down: both are kept.
static void keep_second(const Array &a, const Array &b, int n) {
  if (n == 0) {
    kept = b;
    return;
  }
  keep_second(b, a, n - 1);
}

double NegativeRecursionKeepsAfterSwap() {
  auto a = nd::zeros<double>({64, 64});
  auto t = a.T();
  keep_second(t, a, 1);
  auto flat = t.ravel();
  return flat(0);
}

// Mutual recursion is not followed: the parameter may be kept.
static void ping(const Array &x, int n);
static void pong(const Array &x, int n) {
  if (n > 0)
    ping(x, n - 1);
}
static void ping(const Array &x, int n) {
  if (n > 0)
    pong(x, n - 1);
}

double NegativeMutualRecursion() {
  auto a = nd::zeros<double>({64, 64});
  auto t = a.T();
  ping(t, 4);
  auto flat = t.ravel();
  return flat(0);
}
