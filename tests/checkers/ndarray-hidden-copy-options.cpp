// RUN: %check_ndtidy --check-suffixes=DEFAULT %s ndarray-hidden-copy %t -- -- %nd_flags
// RUN: %check_ndtidy --check-suffixes=UNKNOWN,SMALL %s ndarray-hidden-copy %t -- \
// RUN:   --config="{CheckOptions: {ndarray-hidden-copy.ReportUnknownLayout: true, ndarray-hidden-copy.MinElements: 0}}" \
// RUN:   -- %nd_flags
// RUN: %check_ndtidy --check-suffixes=GLOBAL %s ndarray-hidden-copy %t -- \
// RUN:   --config="{CheckOptions: {MinElements: 100000}}" -- %nd_flags

#include <nd/nd.hpp>

using Array = nd::array<double>;

double Parameter(const Array &p) {
  return p.ravel()(0);
  // CHECK-MESSAGES-UNKNOWN: :[[@LINE-1]]:12: warning: ravel() copies unless 'p' is C-contiguous; its layout is not known here [ndarray-hidden-copy]
}

double ParameterReshape(const Array &p) {
  return p.reshape({-1})(0);
  // CHECK-MESSAGES-UNKNOWN: :[[@LINE-1]]:12: warning: reshape() may copy: the layout of 'p' is not known here [ndarray-hidden-copy]
}

Array ParameterContiguous(const Array &p) {
  return nd::ascontiguousarray(p);
  // CHECK-MESSAGES-UNKNOWN: :[[@LINE-1]]:10: warning: nd::ascontiguousarray() copies unless 'p' is C-contiguous; its layout is not known here [ndarray-hidden-copy]
}

double Small() {
  auto a = nd::zeros<double>({3, 4}); // 12 elements
  return a.T().ravel()(0);
  // CHECK-MESSAGES-SMALL: :[[@LINE-1]]:16: warning: ravel() copies 96 bytes: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
}

double Medium() {
  auto a = nd::zeros<double>({100, 100}); // 10000 elements
  return a.T().ravel()(0);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:16: warning: ravel() copies 80000 bytes
  // CHECK-MESSAGES-SMALL: :[[@LINE-2]]:16: warning: ravel() copies 80000 bytes
}

double Large() {
  auto a = nd::zeros<double>({400, 400}); // 160000 elements
  return a.T().ravel()(0);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:16: warning: ravel() copies 1280000 bytes
  // CHECK-MESSAGES-SMALL: :[[@LINE-2]]:16: warning: ravel() copies 1280000 bytes
  // CHECK-MESSAGES-GLOBAL: :[[@LINE-3]]:16: warning: ravel() copies 1280000 bytes
}
