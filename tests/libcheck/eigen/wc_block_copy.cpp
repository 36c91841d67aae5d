// Application-like: a boundary condition meant to be set on a block of the
// grid. `MatrixXd corner = grid.block(...)` copies the block (value
// semantics), so the writes into it never reach the grid; `auto` keeps the
// block expression, whose writes do.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

int main() {
  MatrixXd grid = MatrixXd::Constant(24, 24, 1.0);
  MatrixXd corner = grid.block(0, 0, 4, 4);
  double before = probe::checksum(grid); corner(0, 0) = 5; probe::wrote(__LINE__, before, grid); // EXPECT: ndarray-write-to-copy
  auto edge = grid.block(0, 0, 4, 24);
  before = probe::checksum(grid); edge(1, 3) = 7; probe::wrote(__LINE__, before, grid); // EXPECT-NOT: ndarray-write-to-copy
  MatrixXd row = grid.row(5);
  before = probe::checksum(grid); row.setZero(); probe::wrote(__LINE__, before, grid); // EXPECT: ndarray-write-to-copy
  std::printf("%.6g\n", grid.sum());
  return 0;
}
