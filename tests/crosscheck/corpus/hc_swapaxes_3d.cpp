// Pattern: permuted 3-D arrays. ravel() copies; ravel(K) is a view when the
// strides are a dense permutation.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({16, 16, 16});
  auto swapped = a.swapaxes(0, 2).ravel(); // EXPECT: ndarray-hidden-copy
  auto permuted = a.transpose({1, 0, 2});
  auto permuted_c = permuted.ravel(); // EXPECT: ndarray-hidden-copy
  auto permuted_k = permuted.ravel(nd::order::K); // EXPECT-NOT: ndarray-hidden-copy
  auto moved = nd::moveaxis(a, 0, -1).reshape({16, 256}); // EXPECT: ndarray-hidden-copy
  auto grouped = nd::moveaxis(a, 0, -1).reshape({256, 16}); // EXPECT-NOT: ndarray-hidden-copy
  print("swapped", swapped);
  print("permuted_c", permuted_c);
  print("permuted_k", permuted_k);
  print("moved", moved);
  print("grouped", grouped);
}
