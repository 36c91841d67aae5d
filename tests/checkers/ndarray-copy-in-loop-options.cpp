// RUN: %check_ndtidy --check-suffixes=DEFAULT %s ndarray-copy-in-loop %t -- -- %nd_flags
// RUN: %check_ndtidy --check-suffixes=SMALL %s ndarray-copy-in-loop %t -- \
// RUN:   --config="{CheckOptions: {ndarray-copy-in-loop.MinElements: 0}}" -- %nd_flags
// RUN: %check_ndtidy --check-suffixes=GLOBAL %s ndarray-copy-in-loop %t -- \
// RUN:   --config="{CheckOptions: {MinElements: 100000}}" -- %nd_flags

// MinElements (default 1024, shared with the other ndarray checks) keeps
// copies of small arrays quiet, in loops too.

#include <nd/nd.hpp>

double Small() {
  // 100 elements.
  auto a = nd::zeros<double>({10, 10});
  double sum = 0;
  for (int i = 0; i < 10; ++i)
    sum += a.T().ravel()(i);
  // CHECK-MESSAGES-SMALL: :[[@LINE-1]]:18: warning: ravel() copies 800 bytes to read one element, on each of the loop's 10 iterations (8000 bytes in all): the array is not C-contiguous (it is a transpose of a C-contiguous array), and 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
  return sum;
}

double Large() {
  // 10000 elements: reported unless MinElements is larger.
  auto a = nd::zeros<double>({100, 100});
  double sum = 0;
  for (int i = 0; i < 10; ++i) {
    auto f = a.flatten();
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:16: warning: flatten() copies 80000 bytes on each of the loop's 10 iterations (800000 bytes in all): 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    // CHECK-MESSAGES-SMALL: :[[@LINE-2]]:16: warning: flatten() copies 80000 bytes on each of the loop's 10 iterations (800000 bytes in all): 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    sum += f(i);
  }
  return sum;
}

double UnknownSize(int n) {
  // Elements unknown: MinElements does not apply.
  auto a = nd::zeros<double>({n, 4});
  double sum = 0;
  for (int i = 0; i < n; ++i)
    sum += a.copy()(i, 0);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:14: warning: copy() copies to read one element, on each iteration: 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
  // CHECK-MESSAGES-SMALL: :[[@LINE-2]]:14: warning: copy() copies to read one element, on each iteration: 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
  // CHECK-MESSAGES-GLOBAL: :[[@LINE-3]]:14: warning: copy() copies to read one element, on each iteration: 'a' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
  return sum;
}
