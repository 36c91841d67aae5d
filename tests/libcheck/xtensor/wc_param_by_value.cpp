// Application-like: a preprocessing step meant to update the caller's
// arrays, but two helpers take them by value: each writes its own copy,
// never reads it again, and the caller's array is unchanged. The helper
// taking a reference updates it; the one that returns its written copy and
// the one that reads it as scratch space lose nothing (not probed: any
// write-to-copy claim on them would be judged false). One helper writes its
// copy from its own elements (`x = xt::maximum(x, 0.0)`): lost as well.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

// The caller's argument, for the write probes in the callees.
static const void *Arg = nullptr;
template <class T> const T &arg() { return *static_cast<const T *>(Arg); }

using Image = xt::xtensor<double, 2>;

void clearBorder(Image img) {
  double before = probe::checksum(arg<Image>()); xt::view(img, 0, xt::all()) = 0.0; probe::wrote(__LINE__, before, arg<Image>()); // EXPECT: ndarray-write-to-copy
}

void rescale(xt::xarray<double> x, double s) {
  double before = probe::checksum(arg<xt::xarray<double>>()); x *= s; probe::wrote(__LINE__, before, arg<xt::xarray<double>>()); // EXPECT: ndarray-write-to-copy
}

// Read only to compute its own writes: lost as well.
void clipNegative(xt::xarray<double> x) {
  double before = probe::checksum(arg<xt::xarray<double>>()); x = xt::maximum(x, 0.0); probe::wrote(__LINE__, before, arg<xt::xarray<double>>()); // EXPECT: ndarray-write-to-copy
}

void rescaleRef(xt::xarray<double> &x, double s) {
  double before = probe::checksum(arg<xt::xarray<double>>()); x *= s; probe::wrote(__LINE__, before, arg<xt::xarray<double>>()); // EXPECT-NOT: ndarray-write-to-copy
}

xt::xarray<double> rescaled(xt::xarray<double> x, double s) {
  x *= s;
  return x;
}

double energyAfterScaling(xt::xarray<double> x, double s) {
  x *= s;
  return xt::sum(x * x)();
}

int main() {
  Image img = xt::ones<double>({8, 8});
  xt::xarray<double> x = xt::ones<double>({6, 5});
  Arg = &img;
  clearBorder(img);
  Arg = &x;
  rescale(x, 3.0);
  clipNegative(x);
  rescaleRef(x, 2.0);
  xt::xarray<double> y = rescaled(x, 2.0);
  double e = energyAfterScaling(x, 2.0);
  std::printf("%.6g %.6g %.6g %.6g\n", xt::sum(img)(), xt::sum(x)(), xt::sum(y)(), e);
  return 0;
}
