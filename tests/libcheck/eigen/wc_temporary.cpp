// Application-like: a robot pose whose Jacobian getter returns a copy.
// Writing into the returned temporary, or into a temporary MatrixXd built
// from the state, changes nothing; the getter that returns a reference
// does.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

struct Arm {
  MatrixXd J = MatrixXd::Identity(6, 7);
  MatrixXd jacobian() const { return J; }
  MatrixXd &jacobianRef() { return J; }
};

int main() {
  Arm arm;
  MatrixXd state = MatrixXd::Ones(6, 6);
  double before = probe::checksum(arm.J); arm.jacobian()(0, 0) = 3; probe::wrote(__LINE__, before, arm.J); // EXPECT: ndarray-write-to-copy
  before = probe::checksum(state); MatrixXd(state)(1, 1) = 4; probe::wrote(__LINE__, before, state); // EXPECT: ndarray-write-to-copy
  before = probe::checksum(arm.J); arm.jacobianRef()(0, 1) = 2; probe::wrote(__LINE__, before, arm.J); // EXPECT-NOT: ndarray-write-to-copy
  std::printf("%.6g %.6g\n", arm.J.sum(), state.sum());
  return 0;
}
