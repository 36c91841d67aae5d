// Application-like: statistics helpers taking arrays by value. mean() and
// variance() only read their parameter and cannot change the caller's
// array: `const xt::xarray<double> &` would save the copy at each call.
// standardise() writes its copy, and accumulate() may be given its own
// output.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

double mean(xt::xarray<double> x) { // EXPECT: ndarray-unnecessary-copy COPIES-AT: mean
  return xt::sum(x)() / double(x.size());
}
double variance(xt::xarray<double> x, double m) { // EXPECT: ndarray-unnecessary-copy COPIES-AT: variance
  return xt::sum((x - m) * (x - m))() / double(x.size());
}
double standardise(xt::xarray<double> x) { // EXPECT-NOT: ndarray-unnecessary-copy
  x -= xt::mean(x)();
  return xt::amax(x)();
}
void accumulate(xt::xarray<double> x, xt::xarray<double> &total) { // EXPECT-NOT: ndarray-unnecessary-copy
  total += x;
  total(0) += x(0);
}

int main() {
  xt::xarray<double> data = xt::arange<double>(256);
  double s = 0;
  probe::from(data); s += mean(data); probe::done(__LINE__); // COPY-OF: mean
  probe::from(data); s += variance(data, 3.0); probe::done(__LINE__); // COPY-OF: variance
  s += standardise(data);
  accumulate(data, data);
  std::printf("%.6g %.6g\n", s, data(5));
  return 0;
}
