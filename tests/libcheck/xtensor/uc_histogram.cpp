// Application-like: a histogram of a sample batch. The batch is copied into
// `samples` only to be read, in a loop, while the batch is unchanged; the
// normalised copy is written.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

int main() {
  xt::xarray<double> batch = xt::arange<double>(300);
  batch.reshape({30, 10});
  probe::from(batch); xt::xarray<double> samples = batch; probe::done(__LINE__); // EXPECT: ndarray-unnecessary-copy
  int bins[10] = {};
  for (std::size_t i = 0; i < samples.shape()[0]; ++i)
    for (std::size_t j = 0; j < samples.shape()[1]; ++j)
      ++bins[int(samples(i, j)) % 10];
  probe::from(batch); xt::xarray<double> norm = batch; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  norm /= xt::amax(norm)();
  std::printf("%d %d %.6g\n", bins[0], bins[9], norm(29, 9));
  return 0;
}
