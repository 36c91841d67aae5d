// Application-like: an image pipeline meant to clip and reset rows of the
// caller's frame in place, through helpers that take xt::xarray by value.
// Given a row view, each call builds a new container, the helper writes
// only that, and the frame is unchanged. The helper taking the frame by
// reference updates it; the one that returns its written copy loses
// nothing.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xview.hpp>

// The caller's frame, for the write probes in the helpers.
static const xt::xarray<double> *Frame = nullptr;

void resetRow(xt::xarray<double> row) {
  double before = probe::checksum(*Frame); row.fill(0.0); probe::wrote(__LINE__, before, *Frame); // EXPECT: ndarray-write-to-copy
}

void halve(xt::xarray<double> row) {
  double before = probe::checksum(*Frame); row *= 0.5; probe::wrote(__LINE__, before, *Frame); // EXPECT: ndarray-write-to-copy
}

void halveFrame(xt::xarray<double> &frame) { frame *= 0.5; }

xt::xarray<double> halved(xt::xarray<double> row) {
  row *= 0.5;
  return row;
}

int main() {
  xt::xarray<double> frame = xt::ones<double>({8, 16});
  Frame = &frame;
  double before = 0;
  probe::from(frame); before = probe::checksum(frame); resetRow(xt::view(frame, 2, xt::all())); probe::done(__LINE__); probe::wrote(__LINE__, before, frame); // EXPECT: ndarray-hidden-temporary
  probe::from(frame); before = probe::checksum(frame); halve(xt::view(frame, xt::range(0, 4), xt::all())); probe::done(__LINE__); probe::wrote(__LINE__, before, frame); // EXPECT: ndarray-hidden-temporary
  probe::from(frame); before = probe::checksum(frame); halveFrame(frame); probe::done(__LINE__); probe::wrote(__LINE__, before, frame); // EXPECT-NOT: ndarray-hidden-temporary
  // Copies too, as a by-value parameter announces; nothing is lost.
  xt::xarray<double> h = halved(xt::view(frame, 3, xt::all()));
  std::printf("%.6g %.6g\n", xt::sum(frame)(), xt::sum(h)());
  return 0;
}
