// Cross-function bug, mixed callers: a masking helper writes through ravel().
// The mask for the raw frame reaches the frame; the mask for the rotated
// frame (a transpose) is written into a temporary copy and lost. Which one
// happens depends on the caller, so the write is ambiguous in the helper.
#include "print.hpp"

static void mask_border(nd::array<double> frame, std::ptrdiff_t width) {
  auto flat = frame.ravel(); // EXPECT: ndarray-ambiguous-alias RUNS: 2
  for (std::ptrdiff_t i = 0; i < width; ++i)
    flat(i) = 0.0;
}

static nd::array<double> make_frame(double base) {
  auto frame = nd::empty<double>({64, 32});
  for (std::ptrdiff_t i = 0; i < 64; ++i)
    for (std::ptrdiff_t j = 0; j < 32; ++j)
      frame(i, j) = base + static_cast<double>((i + j) % 9);
  return frame;
}

int main() {
  auto raw = make_frame(1.0);
  mask_border(raw, 32);
  print("raw", raw);

  auto rotated_source = make_frame(2.0);
  mask_border(rotated_source.T(), 32);
  print("rotated_source", rotated_source);
}
