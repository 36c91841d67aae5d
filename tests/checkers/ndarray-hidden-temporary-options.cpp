// REQUIRES: eigen
// RUN: %check_ndtidy --check-suffixes=DEFAULT %s ndarray-hidden-temporary %t -- -- %eigen_flags
// RUN: %check_ndtidy --check-suffixes=BIG %s ndarray-hidden-temporary %t -- \
// RUN:   --config="{CheckOptions: {ndarray-hidden-temporary.MinBytes: 64}}" \
// RUN:   -- %eigen_flags
// RUN: %ndtidy --checks='-*,ndarray-hidden-temporary' --dump-config | FileCheck %s --check-prefix=CONFIG
// RUN: %ndtidy --checks='-*,ndarray-hidden-temporary' --config="{CheckOptions: {ndarray-hidden-temporary.MinBytes: 64}}" --dump-config | FileCheck %s --check-prefix=CONFIG64

// MinBytes drops temporaries whose size is known and smaller; a temporary
// of unknown size is always reported.
// CONFIG: ndarray-hidden-temporary.MinBytes: '0'
// CONFIG64: ndarray-hidden-temporary.MinBytes: '64'

#include <Eigen/Dense>

double norm3(const Eigen::Vector3d &v) { return v.norm(); }
double total(const Eigen::MatrixXd &m) { return m.sum(); }

double column(const Eigen::Matrix3d &M) {
  return norm3(M.col(0));
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:16: warning: passing 'Eigen::Block<…>' to parameter 'v' of type 'const Eigen::Vector3d &' materialises a temporary copy of 24 bytes [ndarray-hidden-temporary]
}

double whole(const Eigen::Matrix3d &M) {
  return total(M);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:16: warning: passing 'Eigen::Matrix3d' to parameter 'm' of type 'const Eigen::MatrixXd &' materialises a temporary copy of 72 bytes [ndarray-hidden-temporary]
  // CHECK-MESSAGES-BIG: :[[@LINE-2]]:16: warning: passing 'Eigen::Matrix3d' to parameter 'm' of type 'const Eigen::MatrixXd &' materialises a temporary copy of 72 bytes [ndarray-hidden-temporary]
}

double unknownSize(const Eigen::MatrixXd &a) {
  return total(a.transpose());
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:16: warning: passing 'Eigen::Transpose<…>' to parameter 'm' of type 'const Eigen::MatrixXd &' materialises a temporary copy [ndarray-hidden-temporary]
  // CHECK-MESSAGES-BIG: :[[@LINE-2]]:16: warning: passing 'Eigen::Transpose<…>' to parameter 'm' of type 'const Eigen::MatrixXd &' materialises a temporary copy [ndarray-hidden-temporary]
}
