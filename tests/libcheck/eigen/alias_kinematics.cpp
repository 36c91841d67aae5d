// Application-like: a rigid-body pose whose rotation is inverted by
// transposing it. `R = R.transpose();` reads R while overwriting it (the
// debug build aborts on Eigen's assertion, -DNDEBUG gives a wrong
// rotation); the fix-it `R.transposeInPlace();` and the alternatives below
// give the reference result. Each line runs in a child process.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

int main() {
  Matrix3d R;
  R << 0, -1, 0, 1, 0, 0, 0, 0, 1;
  Matrix3d Rinv;
  const Matrix3d ref = R.transpose();
  probe::aliased(__LINE__, [&] { R = R.transpose(); return probe::equal(R, ref); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { R = R.transpose().eval(); return probe::equal(R, ref); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { Rinv = R.transpose(); return probe::equal(Rinv, ref); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { R.transposeInPlace(); return probe::equal(R, ref); }); // EXPECT-NOT: ndarray-aliasing
  // A general 4x4 transform (dynamic size, square).
  MatrixXd T(4, 4);
  for (int i = 0; i < 16; ++i)
    T.data()[i] = i * 0.5 + 1;
  const MatrixXd refT = T.transpose();
  probe::aliased(__LINE__, [&] { T = T.transpose(); return probe::equal(T, refT); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { T.noalias() = T.transpose(); return probe::equal(T, refT); }); // EXPECT: ndarray-aliasing
  std::printf("R(0,1) %g\n", R(0, 1));
  return 0;
}
