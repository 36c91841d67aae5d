// Application-like: a Kalman filter step. The prior covariance `P0` is
// copied only to be read while P is unchanged (a const reference would
// do); `Pold` is a snapshot taken before P is updated, and must stay a
// copy. Fixed-size 4x4 copies live on the stack and are not reported.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

int main() {
  const int n = 12;
  MatrixXd F = MatrixXd::Identity(n, n), P = MatrixXd::Identity(n, n) * 2,
           Q = MatrixXd::Identity(n, n) * 0.01;
  for (int i = 0; i + 1 < n; ++i)
    F(i, i + 1) = 0.1;
  probe::from(P); MatrixXd P0 = P; probe::done(__LINE__); // EXPECT: ndarray-unnecessary-copy
  MatrixXd predicted = F * P0 * F.transpose() + Q;
  double trace0 = P0.trace();
  probe::from(P); MatrixXd Pold = P; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  P = predicted;
  Matrix4d small = Matrix4d::Identity();
  probe::from(small); Matrix4d smallCopy = small; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  std::printf("%.6g %.6g %.6g %.6g\n", trace0, Pold.trace(), P.trace(),
              smallCopy.sum());
  return 0;
}
