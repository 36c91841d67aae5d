// Pattern: a concatenation of arrays the loop does not change, repeated.
#include "print.hpp"

int main() {
  auto x = nd::arange<double>(1024);
  auto y = nd::ones<double>({1024});
  auto z = nd::zeros<double>({1});
  double total = 0;
  for (int i = 0; i < 6; ++i) {
    z = nd::concatenate({x, y}); // EXPECT: ndarray-copy-in-loop RUNS: 6
    total += z(i * 300);
  }
  print_value("total", total);
  print("z", z);
}
