// Pattern: the source is written on every iteration: the copy is not loop
// invariant (only a hidden copy).
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  double total = 0;
  for (int i = 0; i < 4; ++i) {
    auto flat = a.T().ravel(); // EXPECT: ndarray-hidden-copy EXPECT-NOT: ndarray-copy-in-loop
    total += flat(i);
    a(i, 0) = -1.0;
  }
  print_value("total", total);
}
