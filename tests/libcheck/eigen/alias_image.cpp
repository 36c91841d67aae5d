// Application-like: an image stored as an ArrayXXd, rotated by a
// transpose. A non-square image is resized to the transposed shape and
// then filled from its own, partly overwritten, elements.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

int main() {
  ArrayXXd img(3, 5);
  for (int i = 0; i < 15; ++i)
    img.data()[i] = i + 1;
  const ArrayXXd refT = img.transpose();
  ArrayXXd refCol = img;
  refCol.col(1) = img.col(0);
  ArrayXXd rotated;
  probe::aliased(__LINE__, [&] { img = img.transpose(); return probe::equal(img, refT); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { img.transposeInPlace(); return probe::equal(img, refT); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { rotated = img.transpose(); return probe::equal(rotated, refT); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { img.col(1) = img.col(0); return probe::equal(img, refCol); }); // EXPECT-NOT: ndarray-aliasing
  std::printf("%g\n", img(0, 0));
  return 0;
}
