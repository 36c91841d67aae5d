// Application-like: a simulation grid transposed between sweeps. A plain
// assignment evaluates xt::transpose(grid) into a temporary first (right);
// xt::noalias(grid) promises no aliasing and assigns element by element,
// reading elements it has already overwritten (wrong in both builds).
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xnoalias.hpp>

int main() {
  xt::xarray<double> grid = xt::arange<double>(12);
  grid.reshape({3, 4});
  xt::xarray<double> out;
  const xt::xarray<double> ref = xt::transpose(grid);
  probe::aliased(__LINE__, [&] { xt::noalias(grid) = xt::transpose(grid); return probe::equal(grid, ref); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { grid = xt::transpose(grid); return probe::equal(grid, ref); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { xt::noalias(out) = xt::transpose(grid); return probe::equal(out, ref); }); // EXPECT-NOT: ndarray-aliasing
  std::printf("%g\n", grid(0, 1));
  return 0;
}
