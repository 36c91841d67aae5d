// Application-like: a baseline kept with `auto`. On an xt::xarray
// `auto base = signal;` is a deep copy (value semantics, unlike torch and
// OpenCV handles), made here only to be read while the signal is
// unchanged. The copy that is written is needed.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

int main() {
  xt::xarray<double> signal = xt::linspace<double>(0.0, 10.0, 400);
  probe::from(signal); auto base = signal; probe::done(__LINE__); // EXPECT: ndarray-unnecessary-copy
  double energy = xt::sum(base * base)();
  probe::from(signal); auto shifted = signal; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  shifted += 1.0;
  std::printf("%.6g %.6g\n", energy, xt::sum(shifted)());
  return 0;
}
