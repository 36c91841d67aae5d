// Application-like: column slices of a fixed-rank tensor gathered for a
// Fortran-ordered solver. xt::eval of a view builds a row-major
// xtensor_container; a column-major destination copies it again.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

using ColMajor2 = xt::xtensor<double, 2, xt::layout_type::column_major>;

int main() {
  xt::xtensor<double, 2> m = xt::ones<double>({40, 40});
  m(1, 2) = 3;
  probe::from(m); ColMajor2 left = xt::eval(xt::view(m, xt::all(), xt::range(0, 20))); probe::done(__LINE__); // EXPECT: ndarray-redundant-copy-chain
  probe::from(m); ColMajor2 left2 = xt::view(m, xt::all(), xt::range(0, 20)); probe::done(__LINE__); // EXPECT-NOT: ndarray-redundant-copy-chain
  std::printf("%.6g %.6g\n", left(1, 2), left2(1, 2));
  return 0;
}
