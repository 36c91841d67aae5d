// RUN: %check_ndtidy --check-suffixes=DEFAULT %s ndarray-redundant-copy-chain %t -- -- %nd_flags
// RUN: %check_ndtidy --check-suffixes=FLATTEN %s ndarray-redundant-copy-chain %t -- \
// RUN:   --config="{CheckOptions: {ndarray-redundant-copy-chain.SuggestFlattenForCopyRavel: true}}" -- %nd_flags
// RUN: %check_ndtidy --check-suffixes=SMALL %s ndarray-redundant-copy-chain %t -- \
// RUN:   --config="{CheckOptions: {ndarray-redundant-copy-chain.MinElements: 0}}" -- %nd_flags

#include <nd/nd.hpp>

using Array = nd::array<double>;

Array CopyRavel(const Array &a) {
  // One buffer: reported only as a readability suggestion.
  return a.copy().ravel();
  // CHECK-MESSAGES-FLATTEN: :[[@LINE-1]]:19: warning: 'ravel()' of the fresh array returned by 'copy()' is a view of it: 'flatten()' makes the same single copy [ndarray-redundant-copy-chain]
  // CHECK-FIXES-FLATTEN: {{^}}  return a.flatten();{{$}}
  // CHECK-FIXES-DEFAULT: {{^}}  return a.copy().ravel();{{$}}
}

Array Small() {
  auto a = nd::zeros<double>({4, 4}); // 16 elements < MinElements (1024)
  return a.copy().copy();
  // CHECK-MESSAGES-SMALL: :[[@LINE-1]]:19: warning: 'copy()' copies the fresh array returned by 'copy()'
}

Array Large() {
  auto a = nd::zeros<double>({64, 64});
  return a.copy().copy();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:19: warning: 'copy()' copies the fresh array returned by 'copy()'
  // CHECK-MESSAGES-FLATTEN: :[[@LINE-2]]:19: warning: 'copy()' copies the fresh array returned by 'copy()'
  // CHECK-MESSAGES-SMALL: :[[@LINE-3]]:19: warning: 'copy()' copies the fresh array returned by 'copy()'
}
