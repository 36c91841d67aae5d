// RUN: %check_ndtidy %s ndarray-impossible-view %t -- -- %nd_flags

// reshape(..., nd::copy_mode::never) never copies: it throws where a copy
// would be needed (NumPy 2.1's reshape(copy=False)).

#include <nd/nd.hpp>

double PositiveTransposeToFlat() {
  auto a = nd::zeros<double>({300, 400});
  auto flat = a.T().reshape({-1}, nd::order::C, nd::copy_mode::never);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: reshape() throws at run time: no view of the array has the requested shape, because it is not C-contiguous (it is a transpose of a C-contiguous array) and its strides do not fit the new shape [ndarray-impossible-view]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: not C-contiguous since it was transposed here
  return flat(0);
}

double PositiveSteppedRows() {
  auto a = nd::zeros<double>({300, 400});
  auto rows = a(nd::slice(0, nd::none, 2));
  auto flat = rows.reshape({-1}, nd::order::C, nd::copy_mode::never);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: reshape() throws at run time: no view of 'rows' has the requested shape, because it is not C-contiguous {{.*}} [ndarray-impossible-view]
  return flat(0);
}

// A length-1 axis can make a transpose contiguous: the claim says so.
double PositiveUnlessDegenerate(std::ptrdiff_t n) {
  auto a = nd::zeros<double>({n, 400});
  auto flat = a.T().reshape({-1}, nd::order::C, nd::copy_mode::never);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: reshape() throws at run time unless {{.*}}: no view of the array has the requested shape, because it is not C-contiguous {{.*}} otherwise and its strides do not fit the new shape [ndarray-impossible-view]
  return flat(0);
}

double NegativeViewsThatExist(const nd::array<double> &unknown) {
  auto a = nd::zeros<double>({300, 400});
  auto flat = a.reshape({-1}, nd::order::C, nd::copy_mode::never);
  auto fortran = a.T().reshape({-1}, nd::order::F, nd::copy_mode::never);
  auto split = a.T().reshape({2, 200, 300}, nd::order::C, nd::copy_mode::never);
  auto maybe = unknown.reshape({-1}, nd::order::C, nd::copy_mode::never);
  return flat(0) + fortran(0) + split(0, 0, 0) + maybe(0);
}

// Copies that are allowed are not this check's business.
double NegativeCopyAllowed() {
  auto a = nd::zeros<double>({300, 400});
  auto flat = a.T().reshape({-1});
  return flat(0);
}
