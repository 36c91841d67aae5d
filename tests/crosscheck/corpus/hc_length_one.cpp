// Negative (trap): a transposed (1, n) or (n, 1) array is still contiguous.
#include "print.hpp"

int main() {
  auto row = nd::arange<double>(4096).reshape({1, 4096});
  auto flat_row = row.T().ravel(); // EXPECT-NOT: ndarray-hidden-copy
  auto column = nd::arange<double>(4096).reshape({4096, 1});
  auto flat_column = column.T().reshape({4096}); // EXPECT-NOT: ndarray-hidden-copy
  auto cube = nd::arange<double>(4096).reshape({64, 1, 64});
  auto moved = cube.swapaxes(0, 1).ravel(); // EXPECT-NOT: ndarray-hidden-copy
  flat_row(0) = 7.0; // a view: reaches `row`
  print("flat_row", flat_row);
  print("row", row);
  print("flat_column", flat_column);
  print("moved", moved);
}
