// REQUIRES: eigen
// RUN: %check_ndtidy %s ndarray-hidden-temporary %t -- -- %eigen_flags

// Eigen 3.4, against the real headers: an argument that is not exactly the
// parameter's storage type is converted into a temporary at the call; a
// Ref<const T> copies when its compile-time match fails. Each positive and
// negative case here is run against the library in
// tests/libcheck/eigen/hidden_temporary.cpp (data() identity, malloc count).

#include <Eigen/Dense>

using Eigen::ArrayXXd;
using Eigen::Map;
using Eigen::Matrix3d;
using Eigen::MatrixXd;
using Eigen::Ref;
using Eigen::Vector3d;
using Eigen::VectorXd;
using RowMatrixXd =
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

double norm3(const Vector3d &v) { return v.norm(); }
double total(const MatrixXd &m) { return m.sum(); }
double totalArray(const ArrayXXd &x) { return x.sum(); }
double totalRef(Ref<const MatrixXd> m) { return m.sum(); }
double totalRefVector(Ref<const VectorXd> v) { return v.sum(); }
double totalAnyStride(
    Ref<const MatrixXd, 0, Eigen::Stride<Eigen::Dynamic, Eigen::Dynamic>> m) {
  return m.sum();
}
template <typename Derived>
double totalGeneric(const Eigen::MatrixBase<Derived> &m) {
  return m.sum();
}

// ---- const Matrix& given something else ----------------------------------

double PositiveColumnOfFixed(const Matrix3d &M) {
  return norm3(M.col(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: passing 'Eigen::Block<…>' to parameter 'v' of type 'const Vector3d &' materialises a temporary copy of 24 bytes [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :22:30: note: parameter declared here
  // CHECK-MESSAGES: :22:30: note: 'Eigen::Ref<const Vector3d>' binds to it without a copy; so does a template parameter 'const Eigen::MatrixBase<Derived> &'
}

double PositiveTranspose(const MatrixXd &a) {
  return total(a.transpose());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: passing 'Eigen::Transpose<…>' to parameter 'm' of type 'const MatrixXd &' materialises a temporary copy [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :23:30: note: parameter declared here
  // CHECK-MESSAGES: :23:30: note: no 'Eigen::Ref<const MatrixXd>' binds to it without a copy, as its storage order differs; a template parameter 'const Eigen::MatrixBase<Derived> &' takes it without a copy
}

double PositiveBlock(const MatrixXd &a) {
  return total(a.block(0, 0, 2, 2));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: passing 'Eigen::Block<…>' to parameter 'm' of type 'const MatrixXd &' materialises a temporary copy [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :23:30: note: 'Eigen::Ref<const MatrixXd>' binds to it without a copy; so does a template parameter 'const Eigen::MatrixBase<Derived> &'
}

double PositiveSum(const MatrixXd &a, const MatrixXd &b) {
  return total(a + b);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: passing 'Eigen::CwiseBinaryOp<…>' to parameter 'm' of type 'const MatrixXd &' materialises a temporary copy [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :23:30: note: no 'Eigen::Ref<const MatrixXd>' binds to it without a copy, as it has no addressable elements; a template parameter 'const Eigen::MatrixBase<Derived> &' takes it without a copy
}

double PositiveFixedToDynamic(const Matrix3d &M) {
  return total(M);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: passing 'Matrix3d' to parameter 'm' of type 'const MatrixXd &' materialises a temporary copy of 72 bytes [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :23:30: note: 'Eigen::Ref<const MatrixXd>' binds to it without a copy; so does a template parameter 'const Eigen::MatrixBase<Derived> &'
}

double PositiveArrayView(const MatrixXd &a) {
  return totalArray(a.array());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: passing 'Eigen::ArrayWrapper<…>' to parameter 'x' of type 'const ArrayXXd &' materialises a temporary copy [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :24:35: note: 'Eigen::Ref<const ArrayXXd>' binds to it without a copy; so does a template parameter 'const Eigen::ArrayBase<Derived> &'
}

// ---- Ref<const T> whose compile-time match fails -------------------------

double PositiveRefRow(const MatrixXd &a) {
  return totalRef(a.row(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: passing 'Eigen::Block<…>' to parameter 'm' of type 'Ref<const MatrixXd>' materialises a temporary copy [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :25:37: note: parameter declared here
  // CHECK-MESSAGES: :25:37: note: 'Eigen::Ref<const MatrixXd, 0, Eigen::Stride<Eigen::Dynamic, Eigen::Dynamic>>' binds to it without a copy, as its inner stride is not 1; so does a template parameter 'const Eigen::MatrixBase<Derived> &'
}

double PositiveRefTranspose(const MatrixXd &a) {
  return totalRef(a.transpose());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: passing 'Eigen::Transpose<…>' to parameter 'm' of type 'Ref<const MatrixXd>' materialises a temporary copy [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :25:37: note: no 'Eigen::Ref<const MatrixXd>' binds to it without a copy, as its storage order differs; a template parameter 'const Eigen::MatrixBase<Derived> &' takes it without a copy
}

double PositiveRefRowMajor(const RowMatrixXd &r) {
  return totalRef(r);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: passing 'RowMatrixXd' to parameter 'm' of type 'Ref<const MatrixXd>' materialises a temporary copy [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :25:37: note: no 'Eigen::Ref<const MatrixXd>' binds to it without a copy, as its storage order differs; a template parameter 'const Eigen::MatrixBase<Derived> &' takes it without a copy
}

double PositiveRefSum(const MatrixXd &a) {
  return totalRef(a + a);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: passing 'Eigen::CwiseBinaryOp<…>' to parameter 'm' of type 'Ref<const MatrixXd>' materialises a temporary copy [ndarray-hidden-temporary]
}

double PositiveRefVectorOfRow(const MatrixXd &a) {
  return totalRefVector(a.row(1).transpose());
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: passing 'Eigen::Transpose<…>' to parameter 'v' of type 'Ref<const VectorXd>' materialises a temporary copy [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :26:43: note: 'Eigen::Ref<const VectorXd, 0, Eigen::InnerStride<>>' binds to it without a copy, as its inner stride is not 1; so does a template parameter 'const Eigen::MatrixBase<Derived> &'
}

double PositiveAnyStrideTranspose(const MatrixXd &a) {
  return totalAnyStride(a.transpose());
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: passing 'Eigen::Transpose<…>' to parameter 'm' of type 'Ref<const MatrixXd, 0, Eigen::Stride<Eigen::Dynamic, Eigen::Dynamic>>' materialises a temporary copy [ndarray-hidden-temporary]
}

// ---- By-value parameters whose writes are lost ---------------------------------

// A by-value parameter announces its copy; a view passed to one is reported
// when the callee only writes the parameter, so the writes never reach the
// viewed matrix.
void scaleInPlace(VectorXd v) { v *= 2.0; }
void clearFirst(Vector3d v);
VectorXd unit(VectorXd v) { v /= v.norm(); return v; }
double sumOfSquares(VectorXd v) { v = v.cwiseAbs2(); return v.sum(); }

void PositiveViewIntoWrittenByValue(MatrixXd &m, Matrix3d &r, VectorXd &w) {
  scaleInPlace(m.col(0));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: passing 'Eigen::Block<…>' to by-value parameter 'v' of type 'VectorXd' makes a copy, and 'scaleInPlace' only writes 'v': the writes are lost, they do not reach 'm' [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :[[@LINE-8]]:28: note: parameter declared here
  // CHECK-MESSAGES: :[[@LINE-9]]:35: note: 'v' is written here
  clearFirst(r.col(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: passing 'Eigen::Block<…>' to by-value parameter 'q' of type 'Vector3d' makes a copy of 24 bytes, and 'clearFirst' only writes 'q': the writes are lost, they do not reach 'r' [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :[[@LINE+27]]:26: note: parameter declared here
  // CHECK-MESSAGES: :[[@LINE+26]]:36: note: 'q' is written here
  scaleInPlace(w.head(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: passing 'Eigen::VectorBlock<…>' to by-value parameter 'v' of type 'VectorXd' makes a copy, and 'scaleInPlace' only writes 'v': the writes are lost, they do not reach 'w' [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :[[@LINE-16]]:28: note: parameter declared here
  // CHECK-MESSAGES: :[[@LINE-17]]:35: note: 'v' is written here
}

// Read only to compute its own writes, through Eigen's operations: the
// writes are lost just the same.
void unitise(VectorXd d) { d /= d.norm(); }
void PositiveViewIntoSelfReadByValue(MatrixXd &m) {
  unitise(m.col(3));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: passing 'Eigen::Block<…>' to by-value parameter 'd' of type 'VectorXd' makes a copy, and 'unitise' uses 'd' only to compute writes into it: the writes are lost, they do not reach 'm' [ndarray-hidden-temporary]
  // CHECK-MESSAGES: :[[@LINE-4]]:23: note: parameter declared here
  // CHECK-MESSAGES: :[[@LINE-5]]:30: note: 'd' is written here
}

// The callee reads its copy, or returns it; the argument is a variable of
// the parameter's type (a copy the user asked for), or computed values.
double NegativeByValueNotLost(MatrixXd &m, VectorXd &w) {
  VectorXd u = unit(m.col(2));
  scaleInPlace(w);
  scaleInPlace(m.col(0) * 2.0);
  return u(0) + sumOfSquares(m.col(1));
}

void clearFirst(Vector3d q) { q(0) = 0.0; }

// ---- No temporary -----------------------------------------------------------

double NegativeSameType(const MatrixXd &a, const Vector3d &v) {
  return total(a) + norm3(v);
}

double NegativeRefBinds(const MatrixXd &a, const VectorXd &v, double *buf) {
  Map<MatrixXd> m(buf, 2, 3);
  return totalRef(a) + totalRefVector(v) + totalRef(m) +
         totalRef(a.block(0, 0, 2, 2)) + totalRef(a.middleCols(1, 2)) +
         totalRefVector(a.col(1)) + totalAnyStride(a.row(1));
}

double NegativeEvalIsAlreadyATemporary(const MatrixXd &a) {
  // eval() of an expression returns a plain MatrixXd: the call binds to it.
  return total((a + a).eval()) + total(a.eval());
}

double NegativeComputedValues(const MatrixXd &a) {
  // Products and nullary expressions must be computed anyway.
  return total(a * a) + total(MatrixXd::Zero(3, 3));
}

double NegativeGenericParameter(const MatrixXd &a) {
  return totalGeneric(a.transpose()) + totalGeneric(a + a);
}

double NegativeExplicitTemporary(const MatrixXd &a) {
  return total(MatrixXd(a.transpose()));
}

// A call that does not depend on the template parameter is reported once,
// in the template's definition, however often it is instantiated.
template <typename T> double PositiveInTemplate(const MatrixXd &a, T t) {
  return total(a.transpose()) + t;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: passing 'Eigen::Transpose<…>' to parameter 'm' of type 'const MatrixXd &' materialises a temporary copy [ndarray-hidden-temporary]
}
double instantiateTwice(const MatrixXd &a) {
  return PositiveInTemplate(a, 1.0) + PositiveInTemplate(a, 1);
}

template <typename T> double NegativeDependent(const T &a) {
  return total(a.transpose());
}
double instantiate(const MatrixXd &a) { return NegativeDependent(a); }

#define TOTAL_T(x) total((x).transpose())
double NegativeInMacro(const MatrixXd &a) { return TOTAL_T(a); }
