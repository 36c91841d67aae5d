// Application-like, clean: copies that are needed (written, or snapshots
// of data that changes afterwards, or passed on by non-const reference),
// lazy expressions kept with auto, and writes through blocks and
// references. No ndarray diagnostic.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

void normalise(MatrixXd &m) { m /= m.norm(); }

int main() {
  MatrixXd a = MatrixXd::Random(16, 16);
  probe::from(a); MatrixXd work = a; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  normalise(work);
  probe::from(a); MatrixXd snapshot = a; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  a.block(0, 0, 4, 4).setIdentity();
  double before = probe::checksum(a); a.col(2).setConstant(3); probe::wrote(__LINE__, before, a); // EXPECT-NOT: ndarray-write-to-copy
  MatrixXd &alias = a;
  before = probe::checksum(a); alias(5, 5) = -1; probe::wrote(__LINE__, before, a); // EXPECT-NOT: ndarray-write-to-copy
  probe::from(a); MatrixXd moved = std::move(work); probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  std::printf("%.6g %.6g %.6g\n", moved.sum(), snapshot.sum(), a.sum());
  return 0;
}
