// Application-like: a reference trajectory kept with `auto`. On an Eigen
// matrix `auto ref = path;` is a deep copy (value semantics), made here
// only to be read while the path is unchanged (a known miss, see below).
// `auto t = v.transpose();` copies nothing (a lazy expression), and the copy
// that is written is needed.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

int main() {
  MatrixXd path(3, 40);
  for (int i = 0; i < 120; ++i)
    path.data()[i] = std::sin(0.1 * i);
  double length = 0;
  // A copy only read, but not reported: 'path' is read below inside a lazy
  // expression assigned into a block of 'smoothed', which ValueUses takes
  // as an escape of 'path' (it then may change: say nothing).
  probe::from(path); auto ref = path; probe::done(__LINE__);
  for (int i = 1; i < ref.cols(); ++i)
    length += (ref.col(i) - ref.col(i - 1)).norm();
  MatrixXd v = MatrixXd::Ones(3, 40);
  probe::from(v); auto t = v.transpose(); probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  double first = t(0, 1);
  probe::from(path); auto smoothed = path; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  for (int i = 1; i + 1 < smoothed.cols(); ++i)
    smoothed.col(i) = (path.col(i - 1) + path.col(i + 1)) / 2;
  std::printf("%.6g %.6g %.6g\n", length, first, smoothed.sum());
  return 0;
}
