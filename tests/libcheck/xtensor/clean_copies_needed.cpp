// Application-like, clean: copies that must stay copies: one moved into a
// function that keeps it, one returned, one captured by a lambda, and a
// copy-chain that is one buffer.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

struct Store {
  xt::xarray<double> kept;
  void keep(xt::xarray<double> a) { kept = std::move(a); }
};

xt::xarray<double> doubled(const xt::xarray<double> &a) {
  xt::xarray<double> b = a;
  b *= 2.0;
  return b;
}

int main() {
  xt::xarray<double> a = xt::arange<double>(100);
  Store store;
  probe::from(a); auto forStore = a; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  store.keep(std::move(forStore));
  probe::from(a); auto captured = a; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  auto peek = [captured](std::size_t i) { return captured(i); };
  xt::xarray<double> d = doubled(a);
  std::printf("%.6g %.6g %.6g\n", store.kept(3), peek(4), d(5));
  return 0;
}
