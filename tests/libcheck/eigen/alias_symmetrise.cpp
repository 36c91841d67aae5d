// Application-like: symmetrising a covariance estimate. C + C.transpose()
// is element-wise and lazy: assigned to C, it reads C's transpose after
// overwriting some of its elements. The references are computed with the
// transpose evaluated first.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

int main() {
  MatrixXd C(4, 4);
  for (int i = 0; i < 16; ++i)
    C.data()[i] = (i * 7 % 11) - 3.0;
  const MatrixXd Ct = C.transpose();
  const MatrixXd refSum = C + Ct, refHalf = 0.5 * (C + Ct),
                 refDiff = C - 0.5 * Ct;
  probe::aliased(__LINE__, [&] { C += C.transpose(); return probe::equal(C, refSum); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { C = C + C.transpose(); return probe::equal(C, refSum); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { C = 0.5 * (C + C.transpose()); return probe::equal(C, refHalf); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { C -= 0.5 * C.transpose(); return probe::equal(C, refDiff); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { C = 0.5 * (C + C.transpose().eval()); return probe::equal(C, refHalf); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { C = 0.5 * (C + Ct); return probe::equal(C, refHalf); }); // EXPECT-NOT: ndarray-aliasing
  // Fixed size, under a unary expression: wrong, and no assertion fires.
  Matrix3d S;
  S << 1, -2, 3, -4, 5, -6, 7, -8, 9;
  const Matrix3d refAbs = S.transpose().cwiseAbs();
  probe::aliased(__LINE__, [&] { S = S.transpose().cwiseAbs(); return probe::equal(S, refAbs); }); // EXPECT: ndarray-aliasing
  std::printf("%g\n", refHalf(0, 1));
  return 0;
}
