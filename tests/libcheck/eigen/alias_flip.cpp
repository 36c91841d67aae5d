// Application-like: image flips. An image stored as a matrix is flipped
// upside down (`colwise().reverse()`: each column reversed) or mirrored
// (`rowwise().reverse()`) into itself; the assignment copies straight into
// the image and reads rows (columns) it has already overwritten. A flip
// into another image, evaluated first or done in place is right.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

template <class M> M ramp(int R, int C) {
  M a(R, C);
  for (int k = 0; k < R * C; ++k)
    a.data()[k] = typename M::Scalar(k * k + 1);
  return a;
}

int main() {
  MatrixXd img = ramp<MatrixXd>(6, 5);
  const MatrixXd upsideDown = img.colwise().reverse().eval();
  const MatrixXd mirrored = img.rowwise().reverse().eval();
  probe::aliased(__LINE__, [&] { img = img.colwise().reverse(); return probe::equal(img, upsideDown); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { img = img.rowwise().reverse(); return probe::equal(img, mirrored); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { img.colwise().reverseInPlace(); return probe::equal(img, upsideDown); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { img = img.rowwise().reverse().eval(); return probe::equal(img, mirrored); }); // EXPECT-NOT: ndarray-aliasing
  MatrixXd flipped;
  probe::aliased(__LINE__, [&] { flipped = img.colwise().reverse(); return probe::equal(flipped, upsideDown); }); // EXPECT-NOT: ndarray-aliasing

  // A row-major frame: mirroring reverses within its rows, flipping
  // reverses the order of its rows.
  using Frame = Matrix<float, Dynamic, Dynamic, RowMajor>;
  Frame frame = ramp<Frame>(3, 9);
  const Frame frameFlipped = frame.colwise().reverse().eval();
  const Frame frameMirrored = frame.rowwise().reverse().eval();
  probe::aliased(__LINE__, [&] { frame = frame.colwise().reverse(); return probe::equal(frame, frameFlipped); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { frame = frame.rowwise().reverse(); return probe::equal(frame, frameMirrored); }); // EXPECT: ndarray-aliasing

  // Symmetrising a kernel against its mirror image.
  ArrayXXd kernel = ramp<ArrayXXd>(5, 4);
  const ArrayXXd symmetric = kernel + kernel.rowwise().reverse().eval();
  probe::aliased(__LINE__, [&] { kernel += kernel.rowwise().reverse(); return probe::equal(kernel, symmetric); }); // EXPECT: ndarray-aliasing

  // A fixed-size 3x3 stencil flipped upside down.
  Matrix3d stencil = ramp<Matrix3d>(3, 3);
  const Matrix3d stencilFlipped = stencil.colwise().reverse().eval();
  probe::aliased(__LINE__, [&] { stencil = stencil.colwise().reverse(); return probe::equal(stencil, stencilFlipped); }); // EXPECT: ndarray-aliasing

  // A column of samples: rowwise() reverses rows of one entry, nothing moves.
  VectorXd samples = ramp<MatrixXd>(7, 1).col(0);
  const VectorXd same = samples;
  probe::aliased(__LINE__, [&] { samples = samples.rowwise().reverse(); return probe::equal(samples, same); }); // EXPECT-NOT: ndarray-aliasing
  std::printf("%g %g %g %g\n", img(0, 0), double(frame(0, 0)), kernel(0, 0), stencil(0, 0));
  return 0;
}
