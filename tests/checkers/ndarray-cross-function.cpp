// RUN: %check_ndtidy %s ndarray-* %t -- -- %nd_flags

// Values followed across the functions of one translation unit: a copy in
// a helper is reported where it happens, on the call paths that make it
// copy; what helpers return flows on in the caller.

#include <nd/nd.hpp>

using Array = nd::array<double>;

// ---- Positive: the helper copies because of what the caller passes -------

static Array flat_of(const Array &x) {
  return x.ravel();
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: ravel() copies when 'flat_of' is called from line [[@LINE+9]] (not from line [[@LINE+8]]): 'x' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE+8]]:26: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-3]]:12: note: ravel(nd::order::F) would be a view of 'x', but it orders the elements differently
  // CHECK-NOTES: :[[@LINE+6]]:16: note: 'flat_of' is called here
}

double PositiveHelperRavelsATranspose() {
  auto a = nd::zeros<double>({64, 64});
  Array same = flat_of(a);
  Array flat = flat_of(a.T());
  return same(0) + flat(0);
}

// Two levels deep: the path names both calls.
static double sum_flat(const Array &y) {
  Array f = y.reshape({-1});
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: reshape() copies when 'sum_flat' is called from line [[@LINE+6]] via line [[@LINE+10]] (not from line [[@LINE+6]] via line [[@LINE+17]]): 'y' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE+9]]:19: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE+8]]:10: note: 'middle' is called here
  // CHECK-NOTES: :[[@LINE+3]]:47: note: 'sum_flat' is called here
  return f(0);
}
static double middle(const Array &z) { return sum_flat(z); }

double PositiveTwoLevels() {
  auto a = nd::zeros<double>({64, 64});
  return middle(a.T());
}

// A stepped slice whose rows abut is one stride apart: reshape() is a view
// on this path (NumPy merges the axes), ravel() is not.
double NegativeTwoLevelsMergeable() {
  auto a = nd::zeros<double>({64, 64});
  return middle(a(nd::all, nd::slice(0, 64, 2)));
}

// A write through a helper into a copy: lost on that path.
static void zero_first(Array x) {
  x.ravel()(0) = 0.0;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: the write is lost when 'zero_first' is called from line [[@LINE+6]]: ravel() returns a copy here (its source is not C-contiguous), 'x' is not modified; write to 'x' directly [ndarray-write-to-copy]
  // CHECK-NOTES: :[[@LINE+5]]:3: note: 'zero_first' is called here
}

void PositiveLostWriteInHelper() {
  auto a = nd::zeros<double>({64, 64});
  zero_first(a.T());
}

// ---- Positive: what a helper returns flows on -----------------------------

static Array transposed(const Array &x) { return x.T(); }

double PositiveHelperResult() {
  auto a = nd::zeros<double>({64, 64});
  auto t = transposed(a);
  auto r = t.ravel();
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: ravel() copies 32768 bytes: 't' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE-7]]:52: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-3]]:14: note: ravel(nd::order::F) would be a view of 't', but it orders the elements differently
  // CHECK-NOTES: :[[@LINE-4]]:14: note: use flatten() to make the copy explicit
  return r(0);
}

// A by-value helper that only reads keeps what the caller knew.
static double first(Array x) { return x(0, 0); }

double PositiveAfterReadOnlyCall() {
  auto a = nd::zeros<double>({64, 64});
  auto t = a.T();
  double v = first(t);
  auto r = t.ravel();
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: ravel() copies 32768 bytes: 't' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE-4]]:14: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-3]]:14: note: ravel(nd::order::F) would be a view of 't', but it orders the elements differently
  // CHECK-NOTES: :[[@LINE-4]]:14: note: use flatten() to make the copy explicit
  return v + r(0);
}

// A lambda called in the same function is a function too.
double PositiveLambda() {
  auto flat = [](const Array &x) { return x.ravel(); };
  // CHECK-NOTES: :[[@LINE-1]]:45: warning: ravel() copies when 'the lambda' is called from line [[@LINE+5]]: 'x' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE+4]]:20: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-3]]:45: note: ravel(nd::order::F) would be a view of 'x', but it orders the elements differently
  // CHECK-NOTES: :[[@LINE+2]]:13: note: 'the lambda' is called here
  auto a = nd::zeros<double>({64, 64});
  Array r = flat(a.T());
  return r(0);
}

// ---- Negative ---------------------------------------------------------------

static Array flat_contiguous(const Array &x) { return x.ravel(); }

double NegativeContiguousCallers() {
  auto a = nd::zeros<double>({64, 64});
  Array r = flat_contiguous(a);
  Array s = flat_contiguous(a.copy());
  return r(0) + s(0);
}

// Recursion: the analysis stops following and says nothing.
static Array recurse(const Array &x, int n) {
  if (n == 0)
    return x.ravel();
  return recurse(x, n - 1);
}

double NegativeRecursion() {
  auto a = nd::zeros<double>({64, 64});
  Array r = recurse(a, 3);
  return r(0);
}

// A helper that may keep its argument: after the call, nothing is claimed
// about the shared buffer's other handles; layout facts stay (nd handles
// change layout only when rebound).
static Array kept;
static void keep(Array x) { kept = x; }

double NegativeKeptReadsAreFine() {
  auto a = nd::zeros<double>({64, 64});
  keep(a);
  auto r = a.ravel();
  return r(0);
}

// A helper whose result is a fresh copy: ravel() of it is a view.
static Array fresh_copy(const Array &x) { return x.copy(); }

double NegativeHelperFreshCopy() {
  auto a = nd::zeros<double>({64, 64});
  auto c = fresh_copy(a.T());
  auto r = c.ravel();
  return r(0);
}

// A small copy is not reported (MinElements), but it is a copy: that call is
// not named as one that does not copy.
static double first_flat(const Array &x) { return x.ravel()(0); }
// CHECK-NOTES: :[[@LINE-1]]:53: warning: ravel() copies when 'first_flat' is called from line [[@LINE+9]]: 'x' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
// CHECK-NOTES: :[[@LINE+8]]:31: note: not C-contiguous since it was transposed here
// CHECK-NOTES: :[[@LINE-3]]:53: note: ravel(nd::order::F) would be a view of 'x', but it orders the elements differently
// CHECK-NOTES: :[[@LINE+6]]:14: note: 'first_flat' is called here

double PositiveSmallPathNotNamed() {
  auto small = nd::zeros<double>({4, 4});
  auto large = nd::zeros<double>({64, 64});
  double s = first_flat(small.T());
  return s + first_flat(large.T());
}
