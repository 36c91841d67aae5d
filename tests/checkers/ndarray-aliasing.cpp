// REQUIRES: eigen
// RUN: %check_ndtidy %s ndarray-aliasing %t -- -- %eigen_flags

// Eigen 3.4, against the real headers: an assignment whose lazy right side
// reads the destination in another order (its transpose, its reverse), or
// a product that reads the destination under `noalias()`. Each case is run
// against the library in tests/libcheck/eigen/alias_*.cpp (wrong result
// in the -DNDEBUG build, abort in the debug build).

#include <Eigen/Dense>

using Eigen::ArrayXXd;
using Eigen::Matrix3d;
using Eigen::MatrixXd;
using Eigen::Vector3d;
using Eigen::VectorXd;

void PositiveTransposeDynamic(MatrixXd &a) {
  a = a.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result when 'a' has more than one row and more than one column; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a.transposeInPlace();{{$}}
}

void PositiveTransposeFixed() {
  Matrix3d r = Matrix3d::Identity(); // a rotation
  // Invert it.
  r = r.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'r' reads the transpose of 'r' after overwriting some of its elements: wrong result; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  r.transposeInPlace();{{$}}
}

void PositiveTransposeArray(ArrayXXd &x) {
  x = x.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'x' reads the transpose of 'x' after overwriting some of its elements: wrong result when 'x' has more than one row and more than one column; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  x.transposeInPlace();{{$}}
}

void PositiveSymmetrise(MatrixXd &a) {
  a = a + a.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result when 'a' has more than one row and more than one column; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a = a + a.transpose();{{$}}
}

void PositiveCompound(Matrix3d &a) {
  a += a.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  a -= 0.5 * a.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
}

void PositiveNoAliasTranspose(MatrixXd &a) {
  a.noalias() = a.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result when 'a' has more than one row and more than one column; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a.noalias() = a.transpose();{{$}}
}

void PositiveUnderUnary(MatrixXd &a) {
  a = a.transpose().cwiseAbs();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result when 'a' has more than one row and more than one column [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a = a.transpose().cwiseAbs();{{$}}
}

struct Pose {
  Matrix3d R;
  void invertRotation() {
    R = R.transpose();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: assignment to 'R' reads the transpose of 'R' after overwriting some of its elements: wrong result; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
    // CHECK-FIXES: {{^}}    R.transposeInPlace();{{$}}
  }
};

void PositiveReverse(VectorXd &v) {
  v = v.reverse();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'v' reads the reverse of 'v' after overwriting some of its elements: wrong result when 'v' has more elements than one SIMD packet holds, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  v.reverseInPlace();{{$}}
}

void PositiveReverseSum(Vector3d &v) {
  v += v.reverse();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'v' reads the reverse of 'v' after overwriting some of its elements: wrong result when 'v' has more elements than one SIMD packet holds, which no assertion catches [ndarray-aliasing]
}

void PositiveNoAliasProduct(MatrixXd &a, const MatrixXd &b) {
  a.noalias() = a * b;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the product writes into 'a' while it still reads 'a' as its left factor, although the no-alias assignment promises it does not: wrong result when 'a' has more than one column, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a = a * b;{{$}}
  a.noalias() = b * a;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the product writes into 'a' while it still reads 'a' as its right factor, although the no-alias assignment promises it does not: wrong result when 'a' has more than one row, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a = b * a;{{$}}
}

void PositiveNoAliasProductFixed(Matrix3d &a, const Matrix3d &b) {
  a.noalias() = a * b;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the product writes into 'a' while it still reads 'a' as its left factor, although the no-alias assignment promises it does not: wrong result, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a = a * b;{{$}}
}

#define TRANSPOSE_IN_PLACE(m) m = m.transpose()
void PositiveMacroNoFix(MatrixXd &a) {
  TRANSPOSE_IN_PLACE(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result when 'a' has more than one row and more than one column; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  TRANSPOSE_IN_PLACE(a);{{$}}
}

void PositiveNotAStatement(MatrixXd &a, MatrixXd &b) {
  b = a = a.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result when 'a' has more than one row and more than one column; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  b = a = a.transpose();{{$}}
}

// Negative: evaluated first, another variable, in place, products without
// a no-alias promise, vectors and 1x1 shapes fixed at compile time.
void NegativeEval(MatrixXd &a) { a = a.transpose().eval(); }
void NegativeOther(MatrixXd &a, const MatrixXd &b) { a = b.transpose(); }
void NegativeInPlace(MatrixXd &a) { a.transposeInPlace(); }
void NegativeProduct(MatrixXd &a, const MatrixXd &b) { a = a * b; }
void NegativeProductTransposed(MatrixXd &a, const MatrixXd &b) {
  a = a.transpose() * b;
}
void NegativeNoAliasOther(MatrixXd &a, const MatrixXd &b, const MatrixXd &c) {
  a.noalias() = b * c;
}
void NegativeVectorTranspose(VectorXd &v, Eigen::RowVectorXd &r) {
  r = v.transpose();
  v = r.transpose();
  r = r.transpose().transpose();
}
void NegativeOneByOne(Eigen::Matrix<double, 1, 1> &s) { s = s.transpose(); }
void NegativeColumnCopy(MatrixXd &a) { a.col(1) = a.col(0); }
void NegativeReverseEval(VectorXd &v) { v = v.reverse().eval(); }
void NegativeReverseInPlace(VectorXd &v) { v.reverseInPlace(); }
void NegativeColwiseReverse(MatrixXd &a) { a = a.colwise().reverse().eval(); }
void NegativeCopy(MatrixXd &a, const MatrixXd &b) { a = b; }
// With a product among the operands Eigen may evaluate into a temporary
// first: `a = a.transpose() + a * b` is right (measured), and
// `a = a * b + a.transpose()` wrong; neither is reported.
void NegativeWithProduct(MatrixXd &a, const MatrixXd &b) {
  a = a.transpose() + a * b;
  a = a * b + a.transpose();
}
// One extent fixed, one not: not reported.
void NegativeMixedExtents(Eigen::Matrix<double, 3, Eigen::Dynamic> &m) {
  m = m.transpose();
}
void NegativeElementWise(MatrixXd &a, const MatrixXd &b) { a = a + b; }

template <class M> void NegativeDependent(M &m) { m = m.transpose(); }
template <class T> void NegativeDependentScalar(Eigen::Matrix<T, 3, 3> &m) {
  m = m.transpose();
}
