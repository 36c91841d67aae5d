// Application-like: a fixed-rank image buffer copied before a reduction.
// `xt::xtensor<double, 2> frame = image;` copies every pixel and is only
// read while the image is unchanged; the copy taken before the image is
// scaled is a real snapshot.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

int main() {
  xt::xtensor<double, 2> image = xt::ones<double>({32, 32});
  image(3, 4) = 7;
  probe::from(image); xt::xtensor<double, 2> frame = image; probe::done(__LINE__); // EXPECT: ndarray-unnecessary-copy
  double peak = xt::amax(frame)();
  double row = xt::sum(xt::view(frame, 3, xt::all()))();
  probe::from(image); xt::xtensor<double, 2> previous = image; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  image *= 0.5;
  std::printf("%.6g %.6g %.6g %.6g\n", peak, row, previous(3, 4), image(3, 4));
  return 0;
}
