// Cross-function: window helpers for a time-series model. One returns every
// other sample (a stepped view), one returns a contiguous block of rows. The
// caller flattens both windows with reshape(): the stepped one copies there.
#include "print.hpp"

static nd::array<double> every_other(const nd::array<double>& series) {
  return series(nd::slice(nd::none, nd::none, 2), nd::all);
}

static nd::array<double> leading_block(const nd::array<double>& series) {
  return series(nd::slice(0, 256), nd::all);
}

static nd::array<double> make_series() {
  auto series = nd::empty<double>({1024, 8});
  for (std::ptrdiff_t t = 0; t < 1024; ++t)
    for (std::ptrdiff_t k = 0; k < 8; ++k)
      series(t, k) = static_cast<double>((t * 5 + k * k) % 64);
  return series;
}

static double energy(const nd::array<double>& flat) {
  double e = 0;
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    e += flat(i) * flat(i);
  return e;
}

int main() {
  auto series = make_series();

  auto coarse = every_other(series);
  auto coarse_flat = coarse.reshape({-1}); // EXPECT: ndarray-hidden-copy
  print_value("coarse_energy", energy(coarse_flat));

  auto head = leading_block(series);
  auto head_flat = head.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  print_value("head_energy", energy(head_flat));

  // Writes through the contiguous block reach the series.
  head_flat.fill(1.0);
  print("series", series);
}
