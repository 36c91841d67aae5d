// REQUIRES: eigen
// RUN: %check_ndtidy %s ndarray-unnecessary-copy %t -- -- %eigen_flags
// Whether a TU includes Eigen is decided per TU: after a first file without
// it, in the same run, the Eigen file's findings are all there.
// RUN: %ndtidy --checks='-*,ndarray-unnecessary-copy' --quiet %S/Inputs/no-array-library.cpp %s -- %eigen_flags 2>&1 | FileCheck %s --check-prefix=SECOND-TU
// SECOND-TU: ndarray-unnecessary-copy-eigen.cpp:[[@LINE+17]]:12: warning: 'b' is a deep copy of 'a' that is only read

// Eigen 3.4, against the real headers: `MatrixXd b = a;` and `auto b = a;`
// are deep copies (value semantics). Reported when the copy is only read
// while its source cannot change, with the fix `const MatrixXd &b = a;`;
// a by-value parameter only read, in a function that cannot change its
// argument, gets `const MatrixXd &`. Measured in
// tests/libcheck/eigen/uc_*.cpp (one allocation per copy, none after the
// fix).

#include <Eigen/Dense>

using Eigen::Matrix3d;
using Eigen::MatrixXd;

double PositiveLocal(const MatrixXd &in) {
  MatrixXd a = in * 2;
  MatrixXd b = a;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'b' is a deep copy of 'a' that is only read, and 'a' is not modified while 'b' is in use: a const reference to 'a' gives the same elements without copying [ndarray-unnecessary-copy]
  // CHECK-FIXES: {{^}}  const MatrixXd &b = a;{{$}}
  return b(0, 0) + b.norm() + (b * a).sum() + b.col(1).sum();
}

double PositiveAuto(const MatrixXd &in) {
  MatrixXd a = in;
  auto b = a;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'b' is a deep copy of 'a' that is only read, and 'a' is not modified while 'b' is in use: a const reference to 'a' gives the same elements without copying [ndarray-unnecessary-copy]
  // CHECK-FIXES: {{^}}  const auto &b = a;{{$}}
  double s = b.transpose()(1, 0) + b.colwise().sum()(0);
  a(0, 0) = 3; // after the last use of b
  return s + a(0, 0);
}

double PositiveParameter(MatrixXd m) {
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: parameter 'm' of type 'MatrixXd' is a deep copy of its argument that is only read, and nothing in the function can modify the argument: 'const MatrixXd &' gives the same elements without copying [ndarray-unnecessary-copy]
  // CHECK-FIXES: {{^}}double PositiveParameter(const MatrixXd &m) {{{$}}
  return m.sum() + m(0, 0);
}

double PositiveConstRefSource(const MatrixXd &a, int n) {
  MatrixXd b = a;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'b' is a deep copy of 'a' that is only read, and 'a' is not modified while 'b' is in use: a const reference to 'a' gives the same elements without copying [ndarray-unnecessary-copy]
  // CHECK-FIXES: {{^}}  const MatrixXd &b = a;{{$}}
  return b.sum() * n;
}

double NegativeSourceWrittenWhileInUse(MatrixXd a) {
  MatrixXd b = a;
  a(0, 0) = 3;
  return b.sum() + a.sum();
}

double NegativeSourceWrittenInLoop(MatrixXd a) {
  MatrixXd b = a;
  double s = 0;
  for (int i = 0; i < 3; ++i) {
    s += b(0, 0);
    a(0, 0) += 1;
  }
  return s;
}

double NegativeSourceWrittenThroughBlock(MatrixXd a) {
  MatrixXd b = a;
  a.block(0, 0, 2, 2).setZero();
  return b.sum();
}

double NegativeCopyWritten(const MatrixXd &a) {
  MatrixXd b = a;
  b.col(0) *= 2;
  return b.sum();
}

double NegativeLazyExpression(MatrixXd a) {
  // Not a copy; and the view keeps a reachable for writing: a is not
  // reported as a copy source either.
  auto t = a.transpose();
  MatrixXd b = a;
  return t(0, 1) + b.sum();
}

double NegativeFixedSize(const Matrix3d &r) {
  Matrix3d a = r;
  Matrix3d b = a; // on the stack: no allocation to save
  return b.sum();
}

double NegativeEscapes(MatrixXd a) {
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: parameter 'a' of type 'MatrixXd' is a deep copy of its argument that is only read, and nothing in the function can modify the argument: 'const MatrixXd &' gives the same elements without copying [ndarray-unnecessary-copy]
  // CHECK-FIXES: {{^}}double NegativeEscapes(const MatrixXd &a) {{{$}}
  MatrixXd b = a; // b's address is taken: not reported
  MatrixXd *p = &b;
  return p->sum();
}

void NegativeParameterAndOutput(MatrixXd m, MatrixXd &out) {
  // `blend(x, x)`: out may be the argument.
  out += m;
}

double NegativeParameterMoved(MatrixXd m) {
  MatrixXd kept = std::move(m);
  return kept.sum();
}

MatrixXd Global;
double NegativeParameterWithGlobal(MatrixXd m) {
  Global(0, 0) = 1; // the caller may pass Global
  return m(0, 0);
}

struct Holder {
  MatrixXd M;
  double member(MatrixXd m) { return m.sum() + M.sum(); }
};
