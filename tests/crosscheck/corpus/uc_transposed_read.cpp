// flatten() of a transposed array, only read: ravel() would copy too, so
// there is nothing to save (a fix must not allocate more).
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto flat = a.T().flatten(); // EXPECT-NOT: ndarray-unnecessary-copy
  print_value("x", flat(1) + flat(4095));
}
