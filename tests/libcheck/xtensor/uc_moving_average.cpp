// Application-like: a moving average over a series. The input series is
// copied into `x` and only read while the series is unchanged; the output
// is written.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

int main() {
  xt::xarray<double> series = xt::linspace<double>(0.0, 1.0, 200);
  const int w = 5;
  probe::from(series); xt::xarray<double> x = series; probe::done(__LINE__); // EXPECT: ndarray-unnecessary-copy
  xt::xarray<double> out = xt::zeros<double>({x.size() - w + 1});
  for (std::size_t i = 0; i + w <= x.size(); ++i) {
    double s = 0;
    for (int k = 0; k < w; ++k)
      s += x(i + k);
    out(i) = s / w;
  }
  std::printf("%.6g %.6g\n", out(0), out(out.size() - 1));
  return 0;
}
