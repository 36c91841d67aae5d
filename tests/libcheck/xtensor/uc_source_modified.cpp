// Application-like, clean for unnecessary-copy: each copy is a snapshot of
// an array that changes while the copy is still used (directly, through a
// view, in a later loop iteration, through a non-const reference), so a
// reference would see the change.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

void decay(xt::xarray<double> &a) { a *= 0.9; }

int main() {
  xt::xarray<double> state = xt::ones<double>({16, 16});
  double s = 0;
  probe::from(state); auto s0 = state; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  state(0, 0) = 4;
  s += s0(0, 0);
  probe::from(state); auto s1 = state; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  xt::view(state, 1, xt::all()) = 2.0;
  s += s1(1, 1);
  probe::from(state); auto s2 = state; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  for (int k = 0; k < 3; ++k) {
    s += s2(2, 2);
    state(2, 2) += 1;
  }
  probe::from(state); auto s3 = state; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  decay(state);
  s += s3(3, 3);
  std::printf("%.6g %.6g\n", s, state(2, 2));
  return 0;
}
