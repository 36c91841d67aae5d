// REQUIRES: eigen
// RUN: %check_ndtidy %s ndarray-redundant-copy-chain %t -- -- %eigen_flags

// Eigen 3.4, against the real headers: eval() of an expression builds the
// expression's plain object; when the declared variable has another
// storage type (a transpose's plain object is RowMajor), it is copied
// again: two buffers (measured: tests/libcheck/eigen/rc_*.cpp). Only in
// declarations: `a = a.transpose().eval()` is the aliasing fix.

#include <Eigen/Dense>

using Eigen::Dynamic;
using Eigen::Matrix;
using Eigen::Matrix3d;
using Eigen::MatrixXd;
using RowMajorMatrixXd = Matrix<double, Dynamic, Dynamic, Eigen::RowMajor>;

double PositiveTranspose(const MatrixXd &a) {
  MatrixXd t = a.transpose().eval();
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 't' is built from a temporary copy: eval() evaluates its operand into an object of another type than 't' ('MatrixXd'), which is then copied into 't': two buffers where one suffices; without eval() the expression is evaluated into 't' directly [ndarray-redundant-copy-chain]
  // CHECK-FIXES: {{^}}  MatrixXd t = a.transpose();{{$}}
  return t.sum();
}

double PositiveBlockIntoRowMajor(const MatrixXd &a) {
  RowMajorMatrixXd tile(a.block(0, 0, 2, 2).eval());
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'tile' is built from a temporary copy: eval() evaluates its operand into an object of another type than 'tile' ('RowMajorMatrixXd'), which is then copied into 'tile': two buffers where one suffices; without eval() the expression is evaluated into 'tile' directly [ndarray-redundant-copy-chain]
  // CHECK-FIXES: {{^}}  RowMajorMatrixXd tile(a.block(0, 0, 2, 2));{{$}}
  return tile.sum();
}

double NegativeSameType(const MatrixXd &a) {
  MatrixXd s = (a + a).eval(); // the plain object is MatrixXd: moved in
  MatrixXd c = a.eval();       // a plain object's eval() is the object
  return s.sum() + c.sum();
}

void NegativeAliasingFix(MatrixXd &a) { a = a.transpose().eval(); }

double NegativeFixedSize(const Matrix3d &r) {
  Matrix<double, 3, 3, Eigen::RowMajor> t = r.transpose().eval();
  MatrixXd m = r.transpose().eval(); // the evaluated Matrix3d is on the stack
  return t.sum() + m.sum();
}

double NegativeProduct(const MatrixXd &a) {
  RowMajorMatrixXd p = (a * a).eval(); // a product is evaluated anyway
  return p.sum();
}
