// Application-like: tiles copied into a row-major buffer for an external
// consumer. eval() of a block of a ColMajor matrix makes a ColMajor
// MatrixXd, which the RowMajor destination copies again: two buffers. The
// same eval() into a ColMajor destination is one buffer, and eval() of a
// plain matrix returns the matrix itself.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;
using RowMajorMatrixXd = Matrix<double, Dynamic, Dynamic, RowMajor>;

int main() {
  MatrixXd image(32, 32);
  for (int i = 0; i < 1024; ++i)
    image.data()[i] = (i * 7 % 256) / 255.0;
  probe::from(image); RowMajorMatrixXd tile = image.block(8, 8, 16, 16).eval(); probe::done(__LINE__); // EXPECT: ndarray-redundant-copy-chain
  probe::from(image); RowMajorMatrixXd tile2 = image.block(8, 8, 16, 16); probe::done(__LINE__); // EXPECT-NOT: ndarray-redundant-copy-chain
  probe::from(image); MatrixXd tile3 = image.block(0, 0, 16, 16).eval(); probe::done(__LINE__); // EXPECT-NOT: ndarray-redundant-copy-chain
  probe::from(image); RowMajorMatrixXd whole = image.eval(); probe::done(__LINE__); // EXPECT-NOT: ndarray-redundant-copy-chain
  std::printf("%.6g %.6g %.6g %.6g\n", tile.sum(), tile2(1, 2), tile3(2, 1),
              whole(3, 4));
  return 0;
}
