// Cross-function: an image pipeline downsamples by taking every other row and
// hands the view to a packing helper that reshapes it into one scanline. The
// rows of a stepped view are not adjacent in memory, so the reshape copies in
// the helper. The full-resolution image goes through a different helper that
// reads it directly.
#include "print.hpp"

// Packs an image into one scanline for the encoder.
static nd::array<double> pack_scanline(const nd::array<double>& image) {
  return image.reshape({image.size()}); // EXPECT: ndarray-hidden-copy
}

// Mean brightness, read pixel by pixel.
static double brightness(const nd::array<double>& image) {
  double sum = 0;
  for (std::ptrdiff_t i = 0; i < image.shape(0); ++i)
    for (std::ptrdiff_t j = 0; j < image.shape(1); ++j)
      sum += image(i, j);
  return sum / static_cast<double>(image.size());
}

static void paint_gradient(const nd::array<double>& image) {
  for (std::ptrdiff_t i = 0; i < image.shape(0); ++i)
    for (std::ptrdiff_t j = 0; j < image.shape(1); ++j)
      image(i, j) = static_cast<double>((i + 2 * j) % 256);
}

int main() {
  auto frame = nd::zeros<double>({256, 64});
  paint_gradient(frame);
  print_value("brightness", brightness(frame));

  // Interlaced field: the even rows only.
  auto even_rows = frame(nd::slice(0, 256, 2), nd::all);
  auto scanline = pack_scanline(even_rows);
  print("scanline", scanline);
  print_value("even_brightness", brightness(even_rows));

  // The odd field is written back into the frame through the view (no copy).
  auto odd_rows = frame(nd::slice(1, 256, 2), nd::all);
  odd_rows.fill(0.0);
  print_value("after_blank", brightness(frame));
}
