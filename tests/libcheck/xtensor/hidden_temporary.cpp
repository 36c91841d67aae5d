// The cases of tests/checkers/ndarray-hidden-temporary-xtensor.cpp, run:
// each probed line says whether the callee saw its argument's own elements
// or a copy. The EXPECT-NOT lines run the template parameter the
// diagnostics advise.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

double total(const xt::xarray<double> &a) { probe::saw(a); return a(0); }
double total2(const xt::xtensor<double, 2> &t) { probe::saw(t); return t(0, 0); }
// A template takes the expression itself and names no elements: the
// allocations decide.
template <class E> double totalGeneric(const xt::xexpression<E> &e) {
  return e.derived_cast()(0);
}

int main() {
  xt::xarray<double> a = xt::arange<double>(24);
  a.reshape({4, 6});
  xt::xtensor<double, 2> t = a;
  double s = 0;

  probe::from(a); s += total(xt::view(a, 1, xt::all())); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(a); s += totalGeneric(xt::view(a, 1, xt::all())); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(t); s += total(t); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(t); s += totalGeneric(t); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a); s += total(a + a); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(a); s += totalGeneric(a + a); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(t); s += total2(xt::transpose(t)); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(t); s += totalGeneric(xt::transpose(t)); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a); s += total(xt::flatten(a)); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(a); s += totalGeneric(xt::flatten(a)); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary

  probe::from(a); s += total(a); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(t); s += total2(t); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary

  std::printf("sum %g\n", s);
  return 0;
}
