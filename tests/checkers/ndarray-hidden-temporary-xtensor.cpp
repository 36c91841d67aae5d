// REQUIRES: xtensor
// RUN: %check_ndtidy %s ndarray-hidden-temporary %t -- -- %xtensor_flags

// xtensor 0.24, against the real headers: a view, a lazy expression or
// another container type passed to a `const xt::xarray<double>&` (or
// xt::xtensor) parameter is converted into a temporary container at the
// call. Each case is run against the library in
// tests/libcheck/xtensor/hidden_temporary.cpp (data() identity, malloc
// count). xtensor's types say nothing about sizes: no byte count.

#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

double total(const xt::xarray<double> &a) { return a(0); }
double total2(const xt::xtensor<double, 2> &t) { return t(0, 0); }
template <class E> double totalGeneric(const xt::xexpression<E> &e) {
  return e.derived_cast()(0);
}

double PositiveView(const xt::xarray<double> &a) {
  return total(xt::view(a, 1, xt::all()));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: passing 'xt::xview<…>' to parameter 'a' of type 'const xt::xarray<double> &' materialises a temporary copy [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :19:40: note: parameter declared here
  // CHECK-MESSAGES: :19:40: note: a template parameter 'const xt::xexpression<E> &' takes it without a copy
}

double PositiveOtherContainer(const xt::xtensor<double, 2> &t) {
  return total(t);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: passing 'xt::xtensor<double, 2>' to parameter 'a' of type 'const xt::xarray<double> &' materialises a temporary copy [ndarray-hidden-temporary]
}

double PositiveExpression(const xt::xarray<double> &a) {
  return total(a + a);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: passing 'xt::xfunction<…>' to parameter 'a' of type 'const xt::xarray<double> &' materialises a temporary copy [ndarray-hidden-temporary]
}

double PositiveTranspose(const xt::xtensor<double, 2> &t) {
  return total2(xt::transpose(t));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: passing 'xt::xstrided_view<…>' to parameter 't' of type 'const xt::xtensor<double, 2> &' materialises a temporary copy [ndarray-hidden-temporary]
}

double PositiveFlatten(const xt::xarray<double> &a) {
  return total(xt::flatten(a));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: passing 'xt::xtensor_view<…>' to parameter 'a' of type 'const xt::xarray<double> &' materialises a temporary copy [ndarray-hidden-temporary]
}

double NegativeSameType(const xt::xarray<double> &a,
                        const xt::xtensor<double, 2> &t) {
  return total(a) + total2(t);
}

double NegativeComputed(const xt::xarray<double> &a) {
  // Generators, broadcast scalars and reductions are computed anyway;
  // eval() already returns a container. Under Clang 22, which always applies
  // P0522, xtensor 0.24's rebind_container takes svector<size_t, 4> for a
  // std::array, so eval() returns an xt::xtensor_container<..., 4>, not an
  // xarray: binding it to `const xarray<double>&` does build a temporary.
  return total(xt::zeros<double>({3, 3})) + total(xt::sum(a)) +
         total(xt::eval(a + a));
  // CHECK-MESSAGES-LLVM22: :[[@LINE-1]]:16: warning: passing '{{.*}}' to parameter 'a' of type 'const xt::xarray<double> &' materialises a temporary copy [ndarray-hidden-temporary]
}

double NegativeGeneric(const xt::xarray<double> &a) {
  return totalGeneric(a + a) + totalGeneric(xt::view(a, 1, xt::all()));
}

// A view passed to a by-value parameter that the callee only writes: the
// writes are lost (tests/libcheck/xtensor/ht_by_value_writes.cpp runs it).
void resetRow(xt::xarray<double> row) { row.fill(0.0); }
xt::xarray<double> halved(xt::xarray<double> row) {
  row *= 0.5;
  return row;
}

void PositiveViewIntoWrittenByValue(xt::xarray<double> &frame) {
  resetRow(xt::view(frame, 2, xt::all()));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: passing 'xt::xview<…>' to by-value parameter 'row' of type 'xt::xarray<double>' makes a copy, and 'resetRow' only writes 'row': the writes are lost, they do not reach 'frame' [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :[[@LINE-9]]:34: note: parameter declared here
  // CHECK-MESSAGES: :[[@LINE-10]]:45: note: 'row' is written here
}

double NegativeByValueReturned(xt::xarray<double> &frame) {
  resetRow(frame);
  return halved(xt::view(frame, 3, xt::all()))(0);
}
