// Application-like: rigid-body kinematics with fixed-size types. The
// helpers take `const Vector3d&`; the callers pass columns of rotation
// matrices and sums, each copied into a 24-byte temporary on the stack.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

double axisAngle(const Vector3d &axis, const Vector3d &v) {
  probe::saw(axis);
  return axis.dot(v) / (axis.norm() * v.norm());
}
Vector3d rotateAbout(Ref<const Vector3d> axis, const Vector3d &v) {
  probe::saw(axis);
  return axis.cross(v);
}

int main() {
  Matrix3d R;
  R << 0, -1, 0, 1, 0, 0, 0, 0, 1;
  Vector3d p(1, 2, 3), q(4, 5, 6);
  double s = 0;
  probe::from(R); s += axisAngle(R.col(2), p); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(R); s += rotateAbout(R.col(2), p).sum(); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(p, q); s += axisAngle(p + q, q); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(p); s += axisAngle(p, q); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(R); s += axisAngle(R.row(0).transpose(), p); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  std::printf("sum %g\n", s);
  return 0;
}
