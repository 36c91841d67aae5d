// Cross-function bug, mixed callers: a masking helper writes through ravel().
// The mask for the raw frame reaches the frame; the mask for the rotated
// frame (a transpose) is written into a temporary copy and lost. Which one
// happens depends on the caller: the write is lost on one call path.
// The fixed variant writes to the elements directly and reaches both.
#include "print.hpp"

static void mask_border(nd::array<double> frame, std::ptrdiff_t width) {
  auto flat = frame.ravel(); // EXPECT: ndarray-write-to-copy RUNS: 2 (lost on the call from the rotated frame only)
  for (std::ptrdiff_t i = 0; i < width; ++i)
    flat(i) = 0.0;
}

// The fix: index the frame itself; no ravel(), no copy, whatever the layout.
static void mask_border_fixed(const nd::array<double>& frame, std::ptrdiff_t width) {
  std::ptrdiff_t done = 0;
  for (std::ptrdiff_t i = 0; i < frame.shape(0) && done < width; ++i)
    for (std::ptrdiff_t j = 0; j < frame.shape(1) && done < width; ++j, ++done)
      frame(i, j) = 0.0;
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

  auto fixed_source = make_frame(3.0);
  mask_border_fixed(fixed_source, 32);
  mask_border_fixed(fixed_source.T(), 32);
  print("fixed_source", fixed_source);
}
