// Application-like: small fixed-size poses (xt::xtensor_fixed keeps its
// elements inside the object: copying one allocates nothing, and is not
// reported) next to a dynamic copy that is only read (reported).
#include <xtensor/xfixed.hpp>
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

int main() {
  xt::xtensor_fixed<double, xt::xshape<3, 3>> pose = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  probe::from(pose); auto poseCopy = pose; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  xt::xarray<double> cloud = xt::ones<double>({100, 3});
  probe::from(cloud); auto points = cloud; probe::done(__LINE__); // EXPECT: ndarray-unnecessary-copy
  double s = 0;
  for (std::size_t i = 0; i < points.shape()[0]; ++i)
    s += points(i, 0) * poseCopy(0, 0) + points(i, 1) * poseCopy(1, 1);
  std::printf("%.6g\n", s);
  return 0;
}
