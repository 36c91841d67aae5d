// Pattern: an explicit copy of an unchanged array made on every iteration.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(2048).reshape({32, 64});
  double total = 0;
  int i = 0;
  while (i < 12) {
    auto flat = a.flatten(); // EXPECT: ndarray-copy-in-loop RUNS: 12
    total += flat(i * 3);
    ++i;
  }
  print_value("total", total);
}
