// Pattern: a hidden copy inside a loop body is paid on every iteration.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  double total = 0;
  for (int step = 0; step < 3; ++step) {
    a(step, 0) = step;
    auto flat = a.T().ravel(); // EXPECT: ndarray-hidden-copy
    total += flat(step + 1);
  }
  print_value("total", total);
}
