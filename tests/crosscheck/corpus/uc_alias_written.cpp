// Negative: an alias of the source is written while the copy is alive.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto alias = a;
  auto frozen = a.flatten(); // EXPECT-NOT: ndarray-unnecessary-copy
  alias(0, 1) = 55.0;
  print("frozen", frozen);
  print("a", a);
}
