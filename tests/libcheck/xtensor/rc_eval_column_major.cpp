// Application-like: a transposed matrix handed to a column-major consumer.
// xt::eval of a transpose builds a row-major container, which the
// column-major destination converts again: two buffers (drop xt::eval).
// Into a row-major xarray, xt::eval's container is the destination itself:
// one buffer.
// NEEDS-P0522-OFF: xt::eval of a 2-D xarray expression crashes under P0522 (docs/libraries/xtensor.md)
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

using ColMajor = xt::xarray<double, xt::layout_type::column_major>;

int main() {
  xt::xarray<double> a = xt::arange<double>(600);
  a.reshape({20, 30});
  probe::from(a); ColMajor t = xt::eval(xt::transpose(a)); probe::done(__LINE__); // EXPECT: ndarray-redundant-copy-chain
  probe::from(a); ColMajor t2 = xt::transpose(a); probe::done(__LINE__); // EXPECT-NOT: ndarray-redundant-copy-chain
  probe::from(a); xt::xarray<double> t3 = xt::eval(xt::transpose(a)); probe::done(__LINE__); // EXPECT-NOT: ndarray-redundant-copy-chain
  std::printf("%.6g %.6g %.6g\n", t(3, 4), t2(5, 6), t3(7, 8));
  return 0;
}
