// RUN: %check_ndtidy %s ndarray-copy-in-loop,ndarray-hidden-copy %t -- -- %nd_flags

// A copy that every iteration of a loop makes again from arrays the loop does
// not change, and an array that grows by concatenating itself. With
// ndarray-hidden-copy enabled too, a hidden copy in a loop is reported once,
// by copy-in-loop. MinElements: ndarray-copy-in-loop-options.cpp.

#include <nd/nd.hpp>
#include <vector>

using Array = nd::array<double>;
void log_value(double v);
void modify(Array &x);
void inspect(const Array &x);

// ---- Positive: loop-invariant copies ----------------------------------------

double PositiveHiddenCopyEachIteration() {
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (int i = 0; i < 10; ++i) {
    auto r = a.T().ravel();
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: ravel() copies 80000 bytes on each of the loop's 10 iterations (800000 bytes in all): the array is not C-contiguous (it is a transpose of a C-contiguous array), and 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    // CHECK-MESSAGES: :[[@LINE-2]]:16: note: not C-contiguous since it was transposed here
    sum += r(i);
    log_value(sum); // cannot reach 'a', which only this function holds
  }
  return sum;
}

double PositivePerElement() {
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (int i = 0; i < 100; ++i)
    sum += a.T().ravel()(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: ravel() copies 80000 bytes to read one element, on each of the loop's 100 iterations (8000000 bytes in all): the array is not C-contiguous (it is a transpose of a C-contiguous array), and 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
  return sum;
}

double PositiveExplicitWhile(int n) {
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  int i = 0;
  while (i < n) {
    auto f = a.flatten();
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: flatten() copies 80000 bytes on each of the loop's iterations: 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    sum += f(i);
    ++i;
  }
  return sum;
}

double PositiveLoopCondition() {
  auto a = nd::zeros<double>({100, 100});
  int i = 0;
  while (a.T().ravel()(i) < 1.0 && i < 50)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: ravel() copies 80000 bytes to read one element, each time the loop's condition is tested: the array is not C-contiguous (it is a transpose of a C-contiguous array), and 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    ++i;
  return i;
}

double PositiveConditionShortCircuit() {
  auto a = nd::zeros<double>({100, 100});
  int i = 0;
  while (i < 50 && a.T().ravel()(i) < 1.0)
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: ravel() copies 80000 bytes to read one element, on the tests of the loop's condition that reach it: the array is not C-contiguous (it is a transpose of a C-contiguous array), and 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    ++i;
  return i;
}

double PositiveUnknownSize(int n, int m) {
  // The extents are not known: no byte count, "on each iteration".
  auto a = nd::zeros<double>({n, m});
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    auto c = a.copy();
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: copy() copies on each iteration: 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    sum += c(i, 0);
  }
  return sum;
}

double PositiveUnlessDegenerate(int n, int m) {
  auto a = nd::zeros<double>({n, m});
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    auto c = a.T().ravel();
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: ravel() copies on each iteration unless a dimension has length 0 or 1: the array is not C-contiguous (it is a transpose of a C-contiguous array) otherwise, and 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    sum += c(i);
  }
  return sum;
}

double PositiveRangeForAndLocalView(const std::vector<int> &rows) {
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (int i : rows) {
    auto t = a.T(); // a view of 'a' made in the loop is invariant too
    auto c = t.reshape({50, 200});
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: reshape() copies 80000 bytes on each of the loop's iterations: 't' is not C-contiguous (it is a transpose of a C-contiguous array), and 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    sum += c(0, i);
  }
  return sum;
}

double PositiveOnSomeIterations(int n) {
  auto a = nd::zeros<double>({100, 100});
  auto b = nd::ones<double>({100, 100});
  double sum = 0;
  do {
    if (n % 2)
      sum += nd::concatenate({a, b})(n, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: nd::concatenate() copies 160000 bytes to read one element, on the loop's iterations that reach it: 'a' and 'b' do not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
  } while (--n > 0);
  return sum;
}

double PositiveAfterContinue(int n) {
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    if (i == 3)
      continue;
    sum += a.flatten()(i);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: flatten() copies 80000 bytes to read one element, on the loop's iterations that reach it: 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
  }
  return sum;
}

double PositiveParameter(const Array &p, int n) {
  double sum = 0;
  for (int i = 0; i < n; ++i)
    sum += p.flatten()(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: flatten() copies to read one element, on each iteration: 'p' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
  return sum;
}

// ---- Positive: an array that grows by concatenating itself -----------------

Array PositiveGrowth(int n) {
  auto x = nd::zeros<double>({0});
  auto y = nd::ones<double>({100});
  for (int i = 0; i < n; ++i)
    x = nd::concatenate({x, y});
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: nd::concatenate() copies all of 'x' on each of the loop's iterations: 'x' grows each time, so the loop copies a number of bytes quadratic in its iterations; collect the parts and concatenate them once after the loop, or preallocate 'x' and fill slices of it [ndarray-copy-in-loop]
  return x;
}

Array PositiveGrowthPrepend(int n) {
  auto x = nd::zeros<double>({10});
  int i = 0;
  do {
    x = nd::concatenate({nd::ones<double>({4}), x});
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: nd::concatenate() copies all of 'x' on each of the loop's iterations: 'x' grows each time, so the loop copies a number of bytes quadratic in its iterations; collect the parts and concatenate them once after the loop, or preallocate 'x' and fill slices of it [ndarray-copy-in-loop]
  } while (++i < n);
  return x;
}

// ---- Negative: the source changes in the loop ------------------------------

double NegativeSourceReassigned() {
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (int i = 0; i < 10; ++i) {
    auto r = a.T().ravel();
    // Not invariant, but still a hidden copy: ndarray-hidden-copy reports it.
    // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: ravel() copies 80000 bytes: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
    sum += r(i);
    a = nd::ones<double>({100, 100});
  }
  return sum;
}

double NegativeSourceWritten() {
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (int i = 0; i < 10; ++i) {
    sum += a.flatten()(i);
    a(0, i) = 1.0;
  }
  return sum;
}

double NegativeWrittenThroughAView() {
  auto a = nd::zeros<double>({100, 100});
  auto v = a.T();
  double sum = 0;
  for (int i = 0; i < 10; ++i) {
    sum += a.flatten()(i);
    v(0, i) = sum;
  }
  return sum;
}

double NegativeSourcePassedByReference() {
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (int i = 0; i < 10; ++i) {
    sum += a.flatten()(i);
    modify(a);
  }
  return sum;
}

double NegativeParameterAndUnknownCall(const Array &p, int n) {
  // 'p' may share its buffer with arrays inspect() can write.
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    sum += p.flatten()(i);
    inspect(nd::zeros<double>({2}));
  }
  return sum;
}

double NegativeLoopIndexInSource() {
  auto a = nd::zeros<double>({10, 100, 100});
  double sum = 0;
  for (int i = 0; i < 10; ++i) {
    auto r = a(i, nd::all, nd::all).T().ravel();
    // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: ravel() copies 80000 bytes: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
    sum += r(0);
  }
  return sum;
}

double NegativeInvariantInTheOuterLoopOnly(int n) {
  // Only the innermost loop is judged, and the copy changes with 'j'.
  auto a = nd::zeros<double>({10, 100, 100});
  double sum = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < 10; ++j)
      sum += a(j, nd::all, nd::all).flatten()(i);
  return sum;
}

double NegativeCopyWrittenEachIteration() {
  // Each iteration needs a fresh copy: it writes into it.
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (int i = 0; i < 10; ++i) {
    auto c = a.copy();
    c(0, 0) = i;
    sum += c(0, 0) + c(i, 1);
  }
  return sum;
}

double NegativeCopyBeforeTheLoop() {
  auto a = nd::zeros<double>({100, 100});
  auto r = a.flatten();
  double sum = 0;
  for (int i = 0; i < 10; ++i)
    sum += r(i);
  return sum;
}

double NegativeForInit() {
  // A for's init runs once: a hidden copy, not a copy in the loop.
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (auto r = a.T().ravel(); sum < 10; sum += 1)
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: ravel() copies 80000 bytes: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
    sum += r(0);
  return sum;
}

struct Holder {
  Array field = nd::zeros<double>({100, 100});
  double NegativeField(int n) const {
    // A field may change behind the function's back: not known invariant.
    double sum = 0;
    for (int i = 0; i < n; ++i)
      sum += field.flatten()(i);
    return sum;
  }
};

double NegativeRangeOfTheLoop() {
  // The range of a range-for is evaluated once.
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (double v : a.flatten().to_vector())
    sum += v;
  return sum;
}

// ---- Negative: not growth ---------------------------------------------------

Array NegativeConcatenateOthers(int n) {
  // 'z' is assigned, but from arrays that do not include it: no growth, but
  // a copy of arrays the loop does not change.
  auto x = nd::zeros<double>({1000});
  auto y = nd::ones<double>({1000});
  Array z = x;
  for (int i = 0; i < n; ++i)
    z = nd::concatenate({x, y});
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: nd::concatenate() copies 16000 bytes on each of the loop's iterations: 'x' and 'y' do not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
  return z;
}

Array NegativeConcatenateChangingOperands(int n) {
  auto x = nd::zeros<double>({1000});
  auto y = nd::ones<double>({1000});
  Array z = x;
  for (int i = 0; i < n; ++i) {
    z = nd::concatenate({x, y});
    x(0) = i; // the operands change: no finding at all
  }
  return z;
}

Array NegativeGrowthRestartsEachIteration(int n) {
  auto y = nd::ones<double>({100});
  double s = 0;
  for (int i = 0; i < n; ++i) {
    auto x = nd::zeros<double>({100});
    x = nd::concatenate({x, y});
    s += x(0);
  }
  return y;
}
