// Application-like: feature scaling of a design matrix. The training set is
// copied to compute column ranges, only read while the set is unchanged;
// the scaled copy is written.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

int main() {
  xt::xtensor<double, 2> train = xt::ones<double>({50, 6});
  for (std::size_t i = 0; i < 50; ++i)
    train(i, i % 6) = double(i);
  probe::from(train); xt::xtensor<double, 2> reference = train; probe::done(__LINE__); // EXPECT: ndarray-unnecessary-copy
  xt::xtensor<double, 1> lo = xt::amin(reference, {0});
  xt::xtensor<double, 1> hi = xt::amax(reference, {0});
  xt::xtensor<double, 1> range = hi - lo;
  probe::from(train); xt::xtensor<double, 2> scaled = train; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  for (std::size_t j = 0; j < 6; ++j)
    xt::view(scaled, xt::all(), j) /= range(j) + 1.0;
  std::printf("%.6g %.6g\n", range(0), scaled(49, 1));
  return 0;
}
