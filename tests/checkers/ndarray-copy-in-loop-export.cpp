// RUN: %check_ndtidy %s ndarray-copy-in-loop,ndarray-hidden-copy %t -- -- %nd_flags

// ndarray-copy-in-loop: totals from a compile-time trip count, and loops that
// export an array element by element into a std::vector.

#include <nd/nd.hpp>
#include <vector>

using Array = nd::array<double>;
void log_value(double v);

// ---- Positive: totals from a known trip count -------------------------------

double PositiveTotalInclusive() {
  auto a = nd::zeros<double>({64, 64});
  double sum = 0;
  for (int i = 1; i <= 20; i += 1)
    sum += a.T().ravel()(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: ravel() copies 32768 bytes to read one element, on each of the loop's 20 iterations (655360 bytes in all): the array is not C-contiguous (it is a transpose of a C-contiguous array), and 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
  // CHECK-MESSAGES: :[[@LINE-2]]:14: note: not C-contiguous since it was transposed here
  return sum;
}

double PositiveTotalConstantBound() {
  auto a = nd::ones<double>({32, 64});
  const int n = 40;
  double sum = 0;
  for (long i = 0; n > i; i++) {
    auto f = a.flatten();
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: flatten() copies 16384 bytes on each of the loop's 40 iterations (655360 bytes in all): 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    sum += f(i);
  }
  return sum;
}

Array PositiveGrowthTotal() {
  auto parts = nd::arange<double>(256);
  auto x = nd::zeros<double>({128});
  for (int i = 0; i < 8; ++i)
    x = nd::concatenate({x, parts});
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: nd::concatenate() copies all of 'x' on each of the loop's 8 iterations: 'x' grows each time, so the loop copies 81920 bytes in all, a number quadratic in its iterations; collect the parts and concatenate them once after the loop, or preallocate 'x' and fill slices of it [ndarray-copy-in-loop]
  return x;
}

Array PositiveGrowthTotalTwoParts() {
  auto p = nd::ones<double>({100});
  auto q = nd::ones<double>({28});
  auto x = nd::zeros<double>({0});
  for (int i = 0; i != 10; ++i)
    x = nd::concatenate({p, x, q});
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: nd::concatenate() copies all of 'x' on each of the loop's 10 iterations: 'x' grows each time, so the loop copies 56320 bytes in all, a number quadratic in its iterations; collect the parts and concatenate them once after the loop, or preallocate 'x' and fill slices of it [ndarray-copy-in-loop]
  return x;
}

// ---- Negative: no total (the wording of an unknown trip count) ---------------

double NegativeTotalIndexWritten() {
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (int i = 0; i < 100; ++i) {
    sum += a.T().ravel()(i);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: ravel() copies 80000 bytes to read one element, on each of the loop's iterations: the array is not C-contiguous (it is a transpose of a C-contiguous array), and 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    // CHECK-MESSAGES: :[[@LINE-2]]:14: note: not C-contiguous since it was transposed here
    i += 2; // the index skips: the loop runs fewer times
  }
  return sum;
}

double NegativeTotalBreak(double limit) {
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (int i = 0; i < 100; ++i) {
    auto f = a.flatten();
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: flatten() copies 80000 bytes on each of the loop's iterations: 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    sum += f(i);
    if (sum > limit)
      break;
  }
  return sum;
}

double NegativeTotalRuntimeBound(int n) {
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (int i = 0; i < n; ++i)
    sum += a.flatten()(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: flatten() copies 80000 bytes to read one element, on each of the loop's iterations: 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
  return sum;
}

double NegativeOneIteration() {
  // The loop runs once: nothing repeats.
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (int i = 0; i < 1; ++i)
    sum += a.flatten()(i);
  return sum;
}

Array NegativeGrowthTotalUsedBefore() {
  auto parts = nd::arange<double>(256);
  auto x = nd::zeros<double>({128});
  log_value(x(0)); // 'x' is read between its declaration and the loop
  x = parts;
  for (int i = 0; i < 8; ++i)
    x = nd::concatenate({x, parts});
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: nd::concatenate() copies all of 'x' on each of the loop's iterations: 'x' grows each time, so the loop copies a number of bytes quadratic in its iterations; collect the parts and concatenate them once after the loop, or preallocate 'x' and fill slices of it [ndarray-copy-in-loop]
  return x;
}

Array NegativeGrowthTotalUnknownPart(int n) {
  auto parts = nd::arange<double>(n);
  auto x = nd::zeros<double>({128});
  for (int i = 0; i < 8; ++i)
    x = nd::concatenate({x, parts});
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: nd::concatenate() copies all of 'x' on each of the loop's iterations: 'x' grows each time, so the loop copies a number of bytes quadratic in its iterations; collect the parts and concatenate them once after the loop, or preallocate 'x' and fill slices of it [ndarray-copy-in-loop]
  return x;
}

// ---- Positive: element-by-element export ------------------------------------

std::vector<double> PositiveExportPushBack() {
  auto a = nd::arange<double>(4096);
  std::vector<double> v;
  for (int i = 0; i < a.size(); ++i)
    v.push_back(a(i));
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: the loop copies every element of 'a' into 'v' one at a time: its index runs over all of 'a' in order, and each iteration appends one element; 'a.to_vector()' returns the same elements with one bulk copy [ndarray-copy-in-loop]
  return v;
}

std::vector<double> PositiveExportParameter(const Array &a) {
  std::vector<double> v;
  for (std::ptrdiff_t i = 0; i != a.shape(0); ++i) {
    v.emplace_back(a(i));
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: the loop copies every element of 'a' into 'v' one at a time: its index runs over all of 'a' in order, and each iteration appends one element; 'a.to_vector()' returns the same elements with one bulk copy [ndarray-copy-in-loop]
  return v;
}

std::vector<double> PositiveExportStore(const Array &a) {
  std::vector<double> v(a.size());
  for (std::ptrdiff_t i = 0; i < a.size(); ++i)
    v[i] = a(i);
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: the loop copies every element of 'a' into 'v' one at a time: its index runs over all of 'a' in order, and each iteration stores one element at the same index of 'v'; 'a.to_vector()' returns the same elements with one bulk copy [ndarray-copy-in-loop]
  return v;
}

// The costly variant: every element read through a copy made for it. One
// diagnostic, the per-element copy's, with a note on the export.
std::vector<double> PositiveExportThroughCopy() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  std::vector<double> v;
  for (int i = 0; i < a.size(); ++i)
    v.push_back(a.T().ravel()(i));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: ravel() copies 32768 bytes to read one element, on each of the loop's iterations: the array is not C-contiguous (it is a transpose of a C-contiguous array), and 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
  // CHECK-MESSAGES: :[[@LINE-2]]:19: note: not C-contiguous since it was transposed here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop copies every element of the copy into 'v' one at a time; 'a.T().to_vector()' returns the same elements, in C order, with one copy
  return v;
}

// ---- Negative: not an export of every element --------------------------------

std::vector<double> NegativeExportPartial() {
  auto a = nd::arange<double>(4096);
  std::vector<double> v;
  for (int i = 1; i < a.size(); ++i) // skips element 0
    v.push_back(a(i));
  for (int i = 0; i < a.size(); i += 2) // every other element
    v.push_back(a(i));
  for (int i = 0; i <= a.size() - 1; ++i) // not the plain bound
    v.push_back(a(i));
  for (int i = 0; i < a.size(); ++i) { // does more than export
    v.push_back(a(i));
    v.push_back(0);
  }
  for (int i = 0; i < a.size(); ++i) {
    if (a(i) < 0)
      break;
    v.push_back(a(i));
  }
  return v;
}

std::vector<double> NegativeExportOtherArray(const Array &a, const Array &b) {
  std::vector<double> v;
  for (int i = 0; i < a.size(); ++i) // bound of 'a', elements of 'b'
    v.push_back(b(i));
  return v;
}

std::vector<float> NegativeExportConverts(const Array &a) {
  std::vector<float> v; // converts every element: to_vector() would not
  for (int i = 0; i < a.size(); ++i)
    v.push_back(a(i));
  return v;
}

std::vector<double> NegativeExportSmall() {
  auto a = nd::arange<double>(16); // below MinElements
  std::vector<double> v;
  for (int i = 0; i < a.size(); ++i)
    v.push_back(a(i));
  return v;
}

std::vector<double> NegativeExportIndexWritten(const Array &a) {
  std::vector<double> v;
  for (int i = 0; i < a.size(); ++i)
    v.push_back(a(i++));
  return v;
}
