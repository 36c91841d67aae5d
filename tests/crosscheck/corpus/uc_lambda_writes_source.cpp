// Negative: a lambda capturing the source by reference writes it while the copy is alive.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto frozen = a.flatten(); // EXPECT-NOT: ndarray-unnecessary-copy
  auto scale = [&a] { a(1, 1) = a(1, 1) * 10.0; };
  scale();
  print("frozen", frozen);
  print("a", a);
}
