// Application-like: a filter whose gain is tuned through a local copy of
// the member. The copy is written and never read, so the filter keeps its
// old gain; a reference to the member updates it.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

struct Filter {
  MatrixXd K = MatrixXd::Constant(8, 8, 0.5);
  ArrayXXd weights = ArrayXXd::Ones(8, 8);
};

int main() {
  Filter f;
  MatrixXd gain = f.K;
  double before = probe::checksum(f.K); gain(2, 2) = 0.9; probe::wrote(__LINE__, before, f.K); // EXPECT: ndarray-write-to-copy
  ArrayXXd w = f.weights;
  before = probe::checksum(f.weights); w *= 2; probe::wrote(__LINE__, before, f.weights); // EXPECT: ndarray-write-to-copy
  MatrixXd &gainRef = f.K;
  before = probe::checksum(f.K); gainRef(3, 3) = 0.1; probe::wrote(__LINE__, before, f.K); // EXPECT-NOT: ndarray-write-to-copy
  std::printf("%.6g %.6g\n", f.K.sum(), f.weights.sum());
  return 0;
}
