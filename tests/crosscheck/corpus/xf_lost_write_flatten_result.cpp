// Cross-function bug: a preprocessing step asks a helper for "the pixels as a
// flat array" and normalises them in place. The helper returns flatten(), a
// fresh copy, so the normalisation is lost; the caller never reads the buffer
// again. A second caller reads the buffer it writes, which is fine.
#include "print.hpp"

static nd::array<double> pixels_of(const nd::array<double>& image) {
  return image.flatten();
}

static nd::array<double> make_image() {
  auto image = nd::empty<double>({64, 64});
  for (std::ptrdiff_t i = 0; i < 64; ++i)
    for (std::ptrdiff_t j = 0; j < 64; ++j)
      image(i, j) = static_cast<double>((i * j) % 255);
  return image;
}

static void normalise_in_place(const nd::array<double>& image) {
  auto pixels = pixels_of(image);
  for (std::ptrdiff_t i = 0; i < pixels.size(); ++i)
    pixels(i) /= 255.0; // EXPECT: ndarray-write-to-copy
}

static double normalised_mean(const nd::array<double>& image) {
  auto pixels = pixels_of(image);
  double sum = 0;
  for (std::ptrdiff_t i = 0; i < pixels.size(); ++i) {
    pixels(i) /= 255.0; // EXPECT-NOT: ndarray-write-to-copy
    sum += pixels(i);
  }
  return sum / static_cast<double>(pixels.size());
}

int main() {
  auto image = make_image();
  normalise_in_place(image);
  print("image", image);
  print_value("normalised_mean", normalised_mean(image));
  // One pixel reset through the helper's copy: lost as well.
  pixels_of(image)(0) = -1.0; // EXPECT: ndarray-write-to-copy
  print_value("corner", image(0, 0));
}
