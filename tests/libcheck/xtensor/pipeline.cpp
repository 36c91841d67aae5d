// Application-like: an xtensor pipeline whose stages take
// `const xt::xarray<double>&`; the callers pass views, lazy expressions and
// a fixed-rank xt::xtensor.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

double stageMean(const xt::xarray<double> &a) {
  probe::saw(a);
  double s = 0;
  for (double v : a)
    s += v;
  return s / double(a.size());
}
double peak(const xt::xtensor<double, 1> &a) {
  probe::saw(a);
  return xt::amax(a)();
}

int main() {
  xt::xarray<double> samples = xt::arange<double>(32);
  samples.reshape({4, 8});
  xt::xtensor<double, 1> trace = xt::arange<double>(8);
  double s = 0;
  probe::from(samples); s += stageMean(samples); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(samples); s += stageMean(xt::view(samples, xt::range(0, 2), xt::all())); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(samples); s += stageMean(samples * 2.0 + 1.0); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(trace); s += stageMean(trace); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(trace); s += peak(trace); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(samples); s += peak(xt::view(samples, 1, xt::all())); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  std::printf("sum %g\n", s);
  return 0;
}
