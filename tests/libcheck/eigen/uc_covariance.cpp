// Application-like: a sample covariance. The centred data is computed from
// a snapshot `X` of the measurements that is only read while they stay
// unchanged (a const reference would do); the other copies are needed: one
// is scaled in place, one is a snapshot taken before the data changes.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

int main() {
  MatrixXd data(50, 4);
  for (int i = 0; i < 200; ++i)
    data.data()[i] = (i * 37 % 11) * 0.5 - 2;
  probe::from(data); MatrixXd X = data; probe::done(__LINE__); // EXPECT: ndarray-unnecessary-copy
  VectorXd mean = X.colwise().mean();
  MatrixXd centred = X.rowwise() - mean.transpose();
  MatrixXd cov = centred.transpose() * centred / double(X.rows() - 1);

  probe::from(data); MatrixXd W = data; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  W.col(0) *= 2;
  probe::from(data); MatrixXd before = data; probe::done(__LINE__); // EXPECT-NOT: ndarray-unnecessary-copy
  data(0, 0) = 100;
  std::printf("cov %.6g %.6g w %.6g before %.6g after %.6g\n", cov(0, 0),
              cov(1, 2), W.sum(), before(0, 0), data(0, 0));
  return 0;
}
