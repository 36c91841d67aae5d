// REQUIRES: eigen
// RUN: %check_ndtidy %s ndarray-write-to-copy %t -- -- %eigen_flags

// Eigen 3.4, against the real headers: writes that only reach a copy. A
// local initialised from a variable, a member or a block of one owns its
// elements (value semantics): written and never read, its writes are lost.
// A write into a temporary matrix dies with it. (Eigen's eval() returns a
// const object: `x.eval()(0, 0) = 1` does not compile.) Measured:
// tests/libcheck/eigen/wc_*.cpp.

#include <Eigen/Dense>

using Eigen::MatrixXd;

struct Pose {
  MatrixXd J = MatrixXd::Identity(6, 7);
  MatrixXd jacobian() const { return J; }
  MatrixXd &jacobianRef() { return J; }
};

void PositiveBlockCopy(MatrixXd &grid) {
  MatrixXd corner = grid.block(0, 0, 4, 4);
  corner(0, 0) = 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: write into 'corner' is lost: 'corner' is a copy of 'grid.block(0, 0, 4, 4)' that is never read, and the write does not reach 'grid' [ndarray-write-to-copy]
}

void PositiveMemberCopy(Pose &p) {
  MatrixXd j = p.J;
  j.setZero();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write into 'j' is lost: 'j' is a copy of 'p.J' that is never read, and the write does not reach 'p.J' [ndarray-write-to-copy]
}

void PositiveTemporary(Pose &p, const MatrixXd &state) {
  p.jacobian()(0, 0) = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: write into the temporary that 'Pose::jacobian()' returns is lost: the temporary is destroyed at the end of the statement [ndarray-write-to-copy]
  MatrixXd(state)(1, 1) = 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: write into a temporary is lost: the temporary is destroyed at the end of the statement [ndarray-write-to-copy]
}

double NegativeCopyRead(MatrixXd &grid) {
  MatrixXd corner = grid.block(0, 0, 4, 4);
  corner(0, 0) = 5;
  return corner.sum();
}

void NegativeThroughViews(MatrixXd &grid, Pose &p) {
  auto edge = grid.block(0, 0, 2, 4);
  edge(1, 1) = 7;
  grid.col(2).setConstant(3);
  p.jacobianRef()(0, 1) = 2;
  MatrixXd &alias = grid;
  alias(0, 0) = 1;
}

double NegativeFreshLocal() {
  MatrixXd work = MatrixXd::Zero(4, 4); // not a copy of anything
  work(0, 0) = 1;
  return 0;
}

double NegativeTemporaryUsed(const MatrixXd &a) {
  return (MatrixXd(a).setZero()).sum(); // the temporary is read
}
