// Application-like: writes into what xt::eval returns. xt::eval of an
// expression is a fresh temporary container: the write dies with it. Of a
// container, xt::eval returns the container itself, and the write stays.
// NEEDS-P0522-OFF: xt::eval of a 2-D xarray expression crashes under P0522 (docs/libraries/xtensor.md)
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

int main() {
  xt::xarray<double> a = xt::ones<double>({10, 10});
  double before = probe::checksum(a); xt::eval(a + 1.0)(0, 0) = 5; probe::wrote(__LINE__, before, a); // EXPECT: ndarray-write-to-copy
  before = probe::checksum(a); xt::eval(xt::transpose(a))(1, 0) = 5; probe::wrote(__LINE__, before, a); // EXPECT: ndarray-write-to-copy
  before = probe::checksum(a); xt::eval(a)(2, 2) = 5; probe::wrote(__LINE__, before, a); // EXPECT-NOT: ndarray-write-to-copy
  std::printf("%.6g\n", xt::sum(a)());
  return 0;
}
