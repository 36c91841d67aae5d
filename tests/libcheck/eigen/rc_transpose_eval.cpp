// Application-like: design matrices transposed with eval(). eval() of a
// transpose builds its RowMajor plain object, which a ColMajor MatrixXd
// then copies again: two buffers (drop eval()). Without eval() one
// evaluation; eval() of an expression whose plain type is the
// destination's is moved in; `A = A.transpose().eval()` is the aliasing fix
// and stays.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

int main() {
  MatrixXd A(20, 12), S(16, 16);
  for (int i = 0; i < 240; ++i)
    A.data()[i] = (i % 13) - 6.0;
  for (int i = 0; i < 256; ++i)
    S.data()[i] = (i % 5) * 0.5;
  probe::from(A); MatrixXd At = A.transpose().eval(); probe::done(__LINE__); // EXPECT: ndarray-redundant-copy-chain
  probe::from(A); MatrixXd At2 = A.transpose(); probe::done(__LINE__); // EXPECT-NOT: ndarray-redundant-copy-chain
  probe::from(A); MatrixXd twice = (A + A).eval(); probe::done(__LINE__); // EXPECT-NOT: ndarray-redundant-copy-chain
  probe::from(S); S = S.transpose().eval(); probe::done(__LINE__); // EXPECT-NOT: ndarray-redundant-copy-chain
  MatrixXd G = At * A;
  std::printf("%.6g %.6g %.6g %.6g\n", G.trace(), At2.sum(), twice(3, 4),
              S(0, 1));
  return 0;
}
