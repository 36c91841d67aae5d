// Negative: the source is written while the flattened copy is alive; a view would see the write.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto before = a.flatten(); // EXPECT-NOT: ndarray-unnecessary-copy
  a(0, 0) = 100.0;
  print("before", before);
  print("a", a);
}
