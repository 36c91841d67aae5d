// Application-like: symmetrising a fixed-rank stiffness matrix with
// xtensor. Under xt::noalias the element-wise sum reads the transpose of
// the destination after overwriting some of it; plain `=` and `+=`
// evaluate into a temporary first.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xtensor.hpp>

int main() {
  xt::xtensor<double, 2> K = xt::arange<double>(16).reshape({4, 4});
  const xt::xtensor<double, 2> Kt = xt::transpose(K);
  const xt::xtensor<double, 2> refHalf = 0.5 * (K + Kt), refSum = K + Kt;
  probe::aliased(__LINE__, [&] { xt::noalias(K) = 0.5 * (K + xt::transpose(K)); return probe::equal(K, refHalf); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { K = 0.5 * (K + xt::transpose(K)); return probe::equal(K, refHalf); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { K += xt::transpose(K); return probe::equal(K, refSum); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { xt::noalias(K) = 0.5 * (K + Kt); return probe::equal(K, refHalf); }); // EXPECT-NOT: ndarray-aliasing
  std::printf("%g\n", refHalf(0, 1));
  return 0;
}
