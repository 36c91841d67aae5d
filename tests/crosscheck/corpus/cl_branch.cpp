// Pattern: a copy under a branch of the loop: made on the iterations that
// take the branch, each time the same.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  double total = 0;
  for (int i = 0; i < 20; ++i) {
    if (i % 3 == 0)
      total += a.copy()(i, 1); // EXPECT: ndarray-copy-in-loop
    total += a(i, 2);
  }
  print_value("total", total);
}
