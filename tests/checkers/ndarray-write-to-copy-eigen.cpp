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

// A by-value parameter is a copy of the caller's argument: written and
// never read, its writes are lost (tests/libcheck/eigen/wc_param_by_value.cpp).
void PositiveParameterWritten(MatrixXd gain, double s) {
  gain *= s;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: write into 'gain' is lost: 'gain' is a by-value parameter that is never read, and the write does not reach the caller's argument [ndarray-write-to-copy]
  // CHECK-MESSAGES: :[[@LINE-3]]:40: note: 'gain' is a copy of the caller's argument: it owns its elements (value semantics)
}

void PositiveParameterElement(Eigen::VectorXd bias) {
  bias(0) = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: write into 'bias' is lost: 'bias' is a by-value parameter that is never read, and the write does not reach the caller's argument [ndarray-write-to-copy]
}

// Read only to compute its own writes, through Eigen's own operations:
// what is computed stays in the copy.
void PositiveParameterSelfRead(MatrixXd gain) {
  gain /= gain.norm();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: write into 'gain' is lost: 'gain' is a by-value parameter that is read only to compute its own writes, and the write does not reach the caller's argument [ndarray-write-to-copy]
  // CHECK-MESSAGES: :[[@LINE-3]]:41: note: 'gain' is a copy of the caller's argument: it owns its elements (value semantics)
}

void PositiveCopySelfRead(MatrixXd &grid) {
  MatrixXd corner = grid.block(0, 0, 4, 4);
  corner = corner.cwiseAbs();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: write into 'corner' is lost: 'corner' is a copy of 'grid.block(0, 0, 4, 4)' that is read only to compute its own writes, and the write does not reach 'grid' [ndarray-write-to-copy]
  corner(0, 0) += corner(1, 1);
}

struct Tracker {
  Eigen::VectorXd state_ = Eigen::VectorXd::Zero(4);
  void reset() {
    Eigen::VectorXd v = this->state_;
    v(0) = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: write into 'v' is lost: 'v' is a copy of 'this->state_' that is never read, and the write does not reach 'this->state_' [ndarray-write-to-copy]
  }
  Tracker(MatrixXd init) : state_(init.col(0)) { init(0, 0) = 0; } // read
};

// Negative: the written copy is returned, read, passed on or read by a
// function of the user's; a reference parameter; a copy that a constructor's
// member initializer reads.
MatrixXd NegativeParameterReturned(MatrixXd gain) { return gain *= 2; }
double NegativeParameterScratch(MatrixXd gain, double s) {
  gain.array() += s;
  return gain.squaredNorm();
}
void NegativeParameterPassedOn(MatrixXd gain, MatrixXd &out) {
  gain(0, 0) = 1;
  out.swap(gain);
}
void NegativeParameterReference(MatrixXd &gain) { gain *= 2; }
// A read handed to a function of the user's may be kept by it.
double keep(const MatrixXd &m);
void NegativeParameterReadByUserCall(MatrixXd gain) { gain /= keep(gain); }
void NegativeParameterConst(const MatrixXd gain, double &out) {
  out = gain(0, 0);
}

MatrixXd NegativeCopyWrittenAndReturned(const MatrixXd &grid) {
  MatrixXd corner = grid.block(0, 0, 4, 4);
  return corner *= 2; // the result of the write is read
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
