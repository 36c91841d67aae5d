// Application-like, clean: an xtensor pipeline with views and lazy
// expressions kept with auto, copies that are written, writes through
// views and references. No ndarray diagnostic.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

void clip(xt::xarray<double> &a) { a = xt::clip(a, 0.0, 5.0); }

int main() {
  xt::xarray<double> a = xt::arange<double>(64);
  a.reshape({8, 8});
  probe::from(a); auto lazy = a * 2.0 + 1.0; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  probe::from(a); auto work = a; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  clip(work);
  double before = probe::checksum(a); xt::view(a, 0, xt::all()) = 1.0; probe::wrote(__LINE__, before, a); // EXPECT-NOT: ndarray-write-to-copy
  auto col = xt::view(a, xt::all(), 1);
  before = probe::checksum(a); col(2) = -3; probe::wrote(__LINE__, before, a); // EXPECT-NOT: ndarray-write-to-copy
  std::printf("%.6g %.6g %.6g\n", lazy(1, 1), xt::sum(work)(), a(2, 1));
  return 0;
}
