// Application-like: a state history kept as the columns of a matrix, newest
// in column 0, shifted right by one column per step. The block assignment
// copies column by column, forward, into the columns it still reads: every
// column becomes the first (wrong in both builds whatever the SIMD packets,
// no assertion). Shifting left (newest in the last column) and shifting
// the rows of one column up are right; a row shift down inside the columns
// is wrong once a column is longer than one SIMD packet.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

int main() {
  const int States = 6, Steps = 5;
  MatrixXd H(States, Steps);
  for (int i = 0; i < States * Steps; ++i)
    H.data()[i] = i * 0.5 + 1;
  MatrixXd refRight = H;
  refRight.block(0, 1, 6, 4) = MatrixXd(H.block(0, 0, 6, 4));
  MatrixXd refLeft = H;
  refLeft.block(0, 0, 6, 4) = MatrixXd(H.block(0, 1, 6, 4));
  MatrixXd refDown = H;
  refDown.block(1, 0, 5, 5) = MatrixXd(H.block(0, 0, 5, 5));
  MatrixXd refUp = H;
  refUp.block(0, 0, 5, 5) = MatrixXd(H.block(1, 0, 5, 5));
  probe::aliased(__LINE__, [&] { H.block(0, 1, 6, 4) = H.block(0, 0, 6, 4); return probe::equal(H, refRight); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { H.block(0, 0, 6, 4) = H.block(0, 1, 6, 4); return probe::equal(H, refLeft); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { H.block(1, 0, 5, 5) = H.block(0, 0, 5, 5); return probe::equal(H, refDown); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { H.block(0, 0, 5, 5) = H.block(1, 0, 5, 5); return probe::equal(H, refUp); }); // EXPECT-NOT: ndarray-aliasing
  // Rows and columns with different indexes never overlap.
  MatrixXd refCol = H;
  refCol.col(1) = H.col(0);
  probe::aliased(__LINE__, [&] { H.col(1) = H.col(0); return probe::equal(H, refCol); }); // EXPECT-NOT: ndarray-aliasing
  std::printf("%g\n", H.sum());
  return 0;
}
