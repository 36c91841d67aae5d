// RUN: %check_ndtidy %s ndarray-hidden-copy %t -- -- %nd_flags

// The notes: where contiguity was lost, and the suggestions.

#include <nd/nd.hpp>

double Transposed() {
  auto a = nd::zeros<double>({300, 400});
  auto t = a.T();
  auto r = t.ravel();
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: ravel() copies 960000 bytes: 't' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE-3]]:14: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-3]]:14: note: ravel(nd::order::F) would be a view of 't', but it orders the elements differently
  // CHECK-NOTES: :[[@LINE-4]]:14: note: use flatten() to make the copy explicit
  return r(0);
}

double Stepped() {
  auto a = nd::zeros<double>({100, 400});
  auto s = a(nd::all, nd::slice(0, 400, 2));
  auto r = s.ravel();
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: ravel() copies 160000 bytes: 's' is not C-contiguous (it is a stepped slice) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE-3]]:23: note: not C-contiguous since it was sliced with a step here
  // CHECK-NOTES: :[[@LINE-3]]:14: note: use flatten() to make the copy explicit
  return r(0);
}

double Branches(bool flip, int n) {
  auto a = nd::zeros<double>({n, n});
  auto v = a.T();
  if (flip)
    v = a.swapaxes(0, 1);
  auto r = v.ravel();
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: ravel() copies unless a dimension has length 0 or 1: 'v' is not C-contiguous (it is a transpose of a C-contiguous array) otherwise [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE-5]]:14: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-4]]:11: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-4]]:14: note: ravel(nd::order::F) would be a view of 'v', but it orders the elements differently
  return r(0);
}
