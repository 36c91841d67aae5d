// Application-like: a least-squares fit whose helpers take
// `const MatrixXd&` and `Ref<const VectorXd>`; the design matrix is sliced
// and transposed at the calls.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

double residual(const MatrixXd &A, Ref<const VectorXd> b,
                Ref<const VectorXd> x) {
  probe::saw(A);
  return (A * x - b).norm();
}
double columnNorm(Ref<const VectorXd> c) {
  probe::saw(c);
  return c.norm();
}
double gram(const MatrixXd &At) {
  probe::saw(At);
  return (At * At.transpose()).trace();
}

int main() {
  MatrixXd A(8, 3);
  VectorXd b(8);
  for (int i = 0; i < 8; ++i) {
    A(i, 0) = 1;
    A(i, 1) = i;
    A(i, 2) = i * i;
    b(i) = 2 + 3 * i;
  }
  VectorXd x = A.colPivHouseholderQr().solve(b);
  double s = 0;
  probe::from(A); s += residual(A, b, x); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(A); s += residual(A.topRows(4), b.head(4), x); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(A); s += columnNorm(A.col(1)); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(A); s += columnNorm(A.row(1).transpose()); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(A); s += gram(A.transpose()); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(A); s += gram(A.leftCols(2)); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  std::printf("sum %.6g\n", s);
  return 0;
}
