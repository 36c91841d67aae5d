// Application-like: power iteration and a covariance propagation step.
// `x.noalias() = A * x` writes x while the product still reads it: a
// wrong result in both builds. Plain assignment evaluates the product into
// a temporary (the fix-it); so does a separate output vector.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

int main() {
  MatrixXd A(4, 4);
  for (int i = 0; i < 16; ++i)
    A.data()[i] = (i % 5) * 0.5 + (i % 4 == i / 4 ? 2 : 0);
  VectorXd x = VectorXd::LinSpaced(4, 1, 4), y(4);
  MatrixXd P = MatrixXd::Identity(4, 4) + A * 0.1;
  const VectorXd refAx = A * x;
  const MatrixXd refPA = P * A.transpose();
  probe::aliased(__LINE__, [&] { x.noalias() = A * x; return probe::equal(x, refAx); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { y.noalias() = A * x; return probe::equal(y, refAx); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { x = A * x; return probe::equal(x, refAx); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { P.noalias() = P * A.transpose(); return probe::equal(P, refPA); }); // EXPECT: ndarray-aliasing
  std::printf("%g\n", x(0));
  return 0;
}
