// Application-like: a smoothing pass meant to update the field in place,
// but each tile is copied into a local container, written and dropped:
// the field is unchanged. The second pass writes through views.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

int main() {
  xt::xtensor<double, 2> field = xt::ones<double>({16, 16});
  for (std::size_t t = 0; t < 4; ++t) {
    xt::xtensor<double, 2> tile = xt::view(field, xt::range(4 * t, 4 * t + 4), xt::all());
    double before = probe::checksum(field); tile *= 0.5; probe::wrote(__LINE__, before, field); // EXPECT: ndarray-write-to-copy
  }
  for (std::size_t t = 0; t < 4; ++t) {
    auto tile = xt::view(field, xt::range(4 * t, 4 * t + 4), xt::all());
    double before = probe::checksum(field); tile *= 0.5; probe::wrote(__LINE__, before, field); // EXPECT-NOT: ndarray-write-to-copy
  }
  std::printf("%.6g\n", xt::sum(field)());
  return 0;
}
