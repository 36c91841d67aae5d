// Negative: in-place helpers that write through ravel() and reshape(), used
// only with C-contiguous arrays, so the writes reach the callers' arrays. A
// helper that writes through flatten() but returns the buffer is fine too.
#include "print.hpp"

static void clip_negative(nd::array<double> values) {
  auto flat = values.ravel(); // EXPECT-NOT: ndarray-write-to-copy
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    if (flat(i) < 0)
      flat(i) = 0.0;
}

static void set_first_row(const nd::array<double>& image, double v) {
  image.reshape({image.shape(0), -1})(0, nd::all).fill(v); // EXPECT-NOT: ndarray-write-to-copy
}

static nd::array<double> normalised(const nd::array<double>& values, double by) {
  auto out = values.flatten();
  for (std::ptrdiff_t i = 0; i < out.size(); ++i)
    out(i) /= by; // EXPECT-NOT: ndarray-write-to-copy
  return out;
}

static nd::array<double> make_noise() {
  auto noise = nd::empty<double>({32, 64});
  for (std::ptrdiff_t i = 0; i < 32; ++i)
    for (std::ptrdiff_t j = 0; j < 64; ++j)
      noise(i, j) = static_cast<double>((i * 37 + j * 11) % 13) - 6.0;
  return noise;
}

int main() {
  auto signal = nd::empty<double>({64, 64});
  for (std::ptrdiff_t i = 0; i < 64; ++i)
    for (std::ptrdiff_t j = 0; j < 64; ++j)
      signal(i, j) = static_cast<double>((i * 7 + j * 3) % 21) - 10.0;
  clip_negative(signal);
  print("clipped", signal);
  clip_negative(signal(nd::slice(0, 32), nd::all));
  set_first_row(signal, 9.0);
  print("first_row", signal);
  print("normalised", normalised(signal, 10.0));

  // A freshly allocated grid from another helper: still C-contiguous.
  auto noise = make_noise();
  clip_negative(noise);
  set_first_row(noise, 1.0);
  print("noise", noise);
}
