// Pattern: a loop with a compile-time trip count makes the same hidden copy on
// every iteration; the check states the total (bytes x iterations), which the
// runtime's summary line must match.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(2048).reshape({32, 64});
  double total = 0;
  for (int i = 0; i <= 24; ++i) {
    auto flat = a.T().ravel(); // EXPECT: ndarray-copy-in-loop RUNS: 25
    total += flat(i * 70);
  }
  print_value("total", total);
}
