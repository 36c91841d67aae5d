// Application-like: a row of a grid meant to be reset through a local.
// `xt::xarray<double> row = xt::view(...)` copies the row (value
// semantics), so the writes never reach the grid; `auto` keeps the view,
// whose writes do.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

int main() {
  xt::xarray<double> grid = xt::ones<double>({12, 12});
  xt::xarray<double> row = xt::view(grid, 2, xt::all());
  double before = probe::checksum(grid); row(3) = 9; probe::wrote(__LINE__, before, grid); // EXPECT: ndarray-write-to-copy
  auto rowView = xt::view(grid, 2, xt::all());
  before = probe::checksum(grid); rowView(4) = 9; probe::wrote(__LINE__, before, grid); // EXPECT-NOT: ndarray-write-to-copy
  xt::xtensor<double, 1> col = xt::view(grid, xt::all(), 0);
  before = probe::checksum(grid); col.fill(0.0); probe::wrote(__LINE__, before, grid); // EXPECT: ndarray-write-to-copy
  std::printf("%.6g\n", xt::sum(grid)());
  return 0;
}
