// One defect, one diagnostic: a copy that a chain copies again is one
// defect, whether redundant-copy-chain (at the outer call) or
// unnecessary-copy (at the inner copy) describes it; with both checks enabled
// only the more severe redundant-copy-chain reports it. Alone,
// unnecessary-copy still reports it.
//
// RUN: %check_ndtidy --check-suffixes=BOTH %s ndarray-redundant-copy-chain,ndarray-unnecessary-copy %t -- -- %nd_flags
// RUN: %check_ndtidy --check-suffixes=ALONE %s ndarray-unnecessary-copy %t -- -- %nd_flags

#include <nd/nd.hpp>

using Array = nd::array<double>;

double PositiveCopyThenFlatten(Array a) {
  auto c = a.copy();
  // CHECK-MESSAGES-ALONE: :[[@LINE-1]]:14: warning: 'c' is a copy made by copy() that is only read, and 'a' is not modified while 'c' is in use: a handle to its source gives the same elements without copying [ndarray-unnecessary-copy]
  auto f = c.flatten();
  // CHECK-MESSAGES-BOTH: :[[@LINE-1]]:14: warning: 'flatten()' copies 'c', a fresh copy made by 'copy()' and used only here: two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-MESSAGES-ALONE: :[[@LINE-2]]:14: warning: 'f' is a copy made by flatten() that is only read, and 'c' is not modified while 'f' is in use: ravel() gives the same elements as a view, without copying [ndarray-unnecessary-copy]
  return f(0);
}

double PositiveCopyThenFlattenFresh() {
  auto a = nd::zeros<double>({300, 400});
  auto c = a.copy();
  // CHECK-MESSAGES-ALONE: :[[@LINE-1]]:14: warning: 'c' is a copy made by copy() that is only read, and 'a' is not modified while 'c' is in use: a handle to its source gives the same elements without copying [ndarray-unnecessary-copy]
  auto f = c.flatten();
  // CHECK-MESSAGES-BOTH: :[[@LINE-1]]:14: warning: 'flatten()' copies 'c', a fresh copy made by 'copy()' and used only here: two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-MESSAGES-ALONE: :[[@LINE-2]]:14: warning: 'f' is a copy made by flatten() that is only read, and 'c' is not modified while 'f' is in use: ravel() gives the same elements as a view, without copying [ndarray-unnecessary-copy]
  return f(0);
}

double PositiveChainInOneExpression(Array a) {
  auto f = a.copy().flatten();
  // CHECK-MESSAGES-BOTH: :[[@LINE-1]]:21: warning: 'flatten()' copies the fresh array returned by 'copy()': two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-MESSAGES-ALONE: :[[@LINE-2]]:21: warning: 'f' is a copy made by flatten() that is only read, and 'a' is not modified while 'f' is in use: ravel() gives the same elements as a view, without copying [ndarray-unnecessary-copy]
  return f(0);
}

// Two copies of one source, each read: two defects, two diagnostics.
double NegativeTwoDefects(Array a) {
  auto c = a.copy();
  // CHECK-MESSAGES-BOTH: :[[@LINE-1]]:14: warning: 'c' is a copy made by copy() that is only read, and 'a' is not modified while 'c' is in use: a handle to its source gives the same elements without copying [ndarray-unnecessary-copy]
  // CHECK-MESSAGES-ALONE: :[[@LINE-2]]:14: warning: 'c' is a copy made by copy() that is only read, and 'a' is not modified while 'c' is in use: a handle to its source gives the same elements without copying [ndarray-unnecessary-copy]
  auto d = a.copy();
  // CHECK-MESSAGES-BOTH: :[[@LINE-1]]:14: warning: 'd' is a copy made by copy() that is only read, and 'a' is not modified while 'd' is in use: a handle to its source gives the same elements without copying [ndarray-unnecessary-copy]
  // CHECK-MESSAGES-ALONE: :[[@LINE-2]]:14: warning: 'd' is a copy made by copy() that is only read, and 'a' is not modified while 'd' is in use: a handle to its source gives the same elements without copying [ndarray-unnecessary-copy]
  return c(0, 0) + d(0, 0);
}
