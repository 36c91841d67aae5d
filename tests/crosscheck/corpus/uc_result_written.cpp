// Negative: the flattened copy is written; with ravel() the write would reach the source.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto scratch = a.flatten(); // EXPECT-NOT: ndarray-unnecessary-copy
  scratch(0) = -1.0;
  print("scratch", scratch);
  print("a", a);
}
