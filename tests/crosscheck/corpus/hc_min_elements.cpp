// MinElements: a hidden copy of 64 elements is real but too small to report.
#include "print.hpp"

int main() {
  auto small = nd::arange<double>(64).reshape({8, 8});
  auto flat = small.T().ravel(); // EXPECT-NOT: ndarray-hidden-copy NOFIND: below MinElements
  print("flat", flat);
  auto edge = nd::arange<double>(1024).reshape({32, 32});
  auto edge_flat = edge.T().ravel(); // EXPECT: ndarray-hidden-copy
  print("edge_flat", edge_flat);
}
