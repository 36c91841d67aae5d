// Application-like: residuals of a batch of fits against a reference
// matrix. The reference is copied once per call and only read while the
// source is unchanged; the loop body's copy is written (needed).
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

int main() {
  MatrixXd target(10, 10);
  for (int i = 0; i < 100; ++i)
    target.data()[i] = i % 9;
  double total = 0;
  probe::from(target); MatrixXd reference = target; probe::done(__LINE__); // EXPECT: ndarray-unnecessary-copy
  for (int k = 0; k < 5; ++k) {
    probe::from(target); MatrixXd trial = target; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
    trial.diagonal().array() += k;
    total += (trial - reference).squaredNorm();
  }
  std::printf("%.6g\n", total);
  return 0;
}
