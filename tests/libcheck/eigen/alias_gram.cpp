// Application-like: Gram and projection matrices built with noalias().
// noalias() promises that the destination is not an operand of the
// product; when it is (G.noalias() = G * W), the product writes G while it
// still reads it: a wrong result in both builds, no assertion. Without
// noalias() Eigen evaluates the product into a temporary: the fix-it.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

int main() {
  MatrixXd X(5, 3), W(3, 3), G(3, 3), P(3, 3);
  for (int i = 0; i < 15; ++i)
    X.data()[i] = (i % 7) - 2.5;
  for (int i = 0; i < 9; ++i) {
    W.data()[i] = (i % 4) + 0.25;
    G.data()[i] = i - 4.0;
    P.data()[i] = (i % 3) * 1.5 - 1;
  }
  const MatrixXd refGW = G * W, refWG = W * G, refXX = X.transpose() * X;
  const MatrixXd refTGW = G.transpose() + G * W;
  probe::aliased(__LINE__, [&] { G.noalias() = G * W; return probe::equal(G, refGW); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { G.noalias() = W * G; return probe::equal(G, refWG); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { G.noalias() = X.transpose() * X; return probe::equal(G, refXX); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { G = G * W; return probe::equal(G, refGW); }); // EXPECT-NOT: ndarray-aliasing
  // A sum with a product is evaluated into a temporary first: right.
  probe::aliased(__LINE__, [&] { G = G.transpose() + G * W; return probe::equal(G, refTGW); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { P.noalias() = W * W; return probe::equal(P, MatrixXd(W * W)); }); // EXPECT-NOT: ndarray-aliasing
  // Fixed size: a 3x3 covariance update.
  Matrix3d C = Matrix3d::Identity() * 2 + Matrix3d::Ones(), A;
  A << 1, 2, 0, 0, 1, 3, 4, 0, 1;
  const Matrix3d refCA = C * A, refAC = A * C;
  probe::aliased(__LINE__, [&] { C.noalias() = C * A; return probe::equal(C, refCA); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { C.noalias() = A * C; return probe::equal(C, refAC); }); // EXPECT: ndarray-aliasing
  std::printf("%g %g\n", C(0, 0), G(0, 0));
  return 0;
}
