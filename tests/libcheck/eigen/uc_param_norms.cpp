// Application-like: helpers that take matrices by value. frobenius() only
// reads its parameter and cannot change the caller's matrix: `const
// MatrixXd &` would save the copy made at every call. The others need their
// copy: scaledSum() writes it, and blend() may be given the same matrix as
// its output.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

double frobenius(MatrixXd m) { // EXPECT: ndarray-unnecessary-copy COPIES-AT: frobenius
  return std::sqrt((m.array() * m.array()).sum());
}
double scaledSum(MatrixXd m, double k) { // EXPECT-NOT: ndarray-unnecessary-copy
  m *= k;
  return m.sum();
}
void blend(MatrixXd m, MatrixXd &out) { // EXPECT-NOT: ndarray-unnecessary-copy
  out = 0.5 * out + 0.5 * m;
  out(0, 0) += m(0, 0);
}

int main() {
  MatrixXd a = MatrixXd::Constant(30, 30, 0.25), b = a;
  for (int i = 0; i < 30; ++i)
    a(i, i) = i;
  double s = 0;
  probe::from(a); s += frobenius(a); probe::done(__LINE__); // COPY-OF: frobenius
  probe::from(a); s += scaledSum(a, 3); probe::done(__LINE__);
  blend(a, a);
  blend(a, b);
  std::printf("%.6g %.6g %.6g\n", s, a(0, 0), b(1, 1));
  return 0;
}
