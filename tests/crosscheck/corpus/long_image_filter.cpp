// A separable 1-2-1 blur on a 128 x 128 image (rows directly, columns through
// transposed views), 2x downsampling with strided slices, and a histogram.
#include "print.hpp"

static void blur_rows(const nd::array<double>& src, const nd::array<double>& dst) {
  const std::ptrdiff_t rows = src.shape(0), cols = src.shape(1);
  for (std::ptrdiff_t i = 0; i < rows; ++i)
    for (std::ptrdiff_t j = 0; j < cols; ++j) {
      const double left = src(i, j > 0 ? j - 1 : 0);
      const double right = src(i, j + 1 < cols ? j + 1 : cols - 1);
      dst(i, j) = (left + 2 * src(i, j) + right) / 4;
    }
}

int main() {
  auto image = nd::zeros<double>({128, 128});
  for (std::ptrdiff_t i = 0; i < 128; ++i)
    for (std::ptrdiff_t j = 0; j < 128; ++j)
      image(i, j) = static_cast<double>((i * 7 + j * 13) % 32);
  auto horizontal = nd::zeros<double>({128, 128});
  blur_rows(image, horizontal);
  auto blurred = nd::zeros<double>({128, 128});
  blur_rows(horizontal.T(), blurred.T());

  // 2x downsampling: every other row and column.
  auto half = blurred(nd::slice(0, 128, 2), nd::slice(0, 128, 2));
  auto half_flat = half.ravel(); // EXPECT: ndarray-hidden-copy
  print("half", half_flat);

  // Histogram of the blurred image; the pixels are only read.
  auto pixels = blurred.flatten(); // EXPECT: ndarray-unnecessary-copy
  auto histogram = nd::zeros<double>({8});
  for (std::ptrdiff_t p = 0; p < pixels.size(); ++p)
    histogram(static_cast<std::ptrdiff_t>(pixels(p)) / 4) += 1.0;
  print("histogram", histogram);

  // A column-major tile for a Fortran routine, and the whole image in F order.
  auto tile = nd::ascontiguousarray(blurred(nd::slice(0, 64), nd::slice(0, 64)).T()); // EXPECT: ndarray-hidden-copy
  auto fortran = nd::asfortranarray(blurred.T()); // EXPECT-NOT: ndarray-hidden-copy
  print("tile", tile);
  print("fortran", fortran);

  // Column-major order, copied twice: nd::copy keeps the F layout of the transpose.
  auto columns = nd::copy(blurred.T()).ravel(); // EXPECT: ndarray-redundant-copy-chain
  print("columns", columns);

  // Bug: brightening the downsampled image through reshape(); it copies, the write is lost.
  half.reshape({4096}).fill(255.0); // EXPECT: ndarray-write-to-copy
  print("blurred", blurred);
}
