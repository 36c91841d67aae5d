// Pattern: each iteration writes into its copy: it needs a fresh one, so the
// copy is not reported.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  double total = 0;
  for (int i = 0; i < 5; ++i) {
    auto scratch = a.copy(); // EXPECT-NOT: ndarray-copy-in-loop
    scratch(0, 0) = i;
    total += scratch(0, 0) + scratch(i, 3);
  }
  print_value("total", total);
}
