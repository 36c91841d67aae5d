// RUN: %check_ndtidy %s ndarray-hidden-copy %t -- -- %nd_flags

// A local const reference bound to a handle is that handle; a negative step
// breaks contiguity in every order unless the reversed axis has length <= 1.

#include <nd/nd.hpp>

double ConstRefAlias() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto t = a.T();
  const nd::array<double> &ref = t;
  auto flat = ref.reshape({4096});
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: reshape() copies 32768 bytes: 'ref' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  return flat(0);
}

double ConstRefToContiguous() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  const nd::array<double> &ref = a;
  auto flat = ref.reshape({4096}); // a view
  return flat(0);
}

double Reversed() {
  auto x = nd::arange<double>(4096);
  auto reversed = x(nd::slice(nd::none, nd::none, -1));
  auto flat = reversed.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: ravel() copies 32768 bytes: 'reversed' is not C-contiguous (it is a stepped slice) [ndarray-hidden-copy]
  auto flat_k = reversed.ravel(nd::order::K);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: ravel() copies: the strides of 'reversed' are not a dense permutation [ndarray-hidden-copy]
  return flat(0) + flat_k(0);
}

double ReversedLengthOneAxis() {
  auto x = nd::zeros<double>({1, 4096});
  auto reversed = x(nd::slice(nd::none, nd::none, -1), nd::all);
  auto flat = reversed.ravel(); // a view: the reversed axis has length 1
  return flat(0);
}
