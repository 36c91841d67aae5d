// Cross-function bug: a calibration step zeroes the first reading of a block
// and clamps outliers through ravel() in helpers. The callers pass transposed
// (channel-major) views, so ravel() copies and the writes never reach the
// recording.
#include "print.hpp"

// Marks the first sample as the reference point.
static void zero_reference(nd::array<double> block) {
  block.ravel()(0) = 0.0; // EXPECT: ndarray-write-to-copy
}

// Clamps every reading to [lo, hi] "in place".
static void clamp(nd::array<double> block, double lo, double hi) {
  auto flat = block.ravel(); // NOFIND: flat is read by the conditions that choose the writes (only reads inside an assignment to flat count as feeding its own writes)
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i) {
    if (flat(i) < lo)
      flat(i) = lo;
    if (flat(i) > hi)
      flat(i) = hi;
  }
}

// Writes directly to the elements: always reaches the caller's array.
static void offset(const nd::array<double>& block, double delta) {
  for (std::ptrdiff_t i = 0; i < block.shape(0); ++i)
    for (std::ptrdiff_t j = 0; j < block.shape(1); ++j)
      block(i, j) += delta;
}

int main() {
  auto recording = nd::empty<double>({128, 16});
  for (std::ptrdiff_t t = 0; t < 128; ++t)
    for (std::ptrdiff_t c = 0; c < 16; ++c)
      recording(t, c) = static_cast<double>((t * 13 + c * 7) % 90) - 30.0;

  auto by_channel = recording.T();
  zero_reference(by_channel);
  clamp(by_channel, -10.0, 40.0);
  offset(by_channel, 0.5);
  print("recording", recording);
  print_value("first", recording(0, 0));
}
