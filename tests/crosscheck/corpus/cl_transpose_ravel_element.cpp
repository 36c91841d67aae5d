// Pattern: a hidden copy read one element at a time copies the whole array
// per element; the loop never changes 'a'.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  double total = 0;
  for (int i = 0; i < 50; ++i)
    total += a.T().ravel()(i); // EXPECT: ndarray-copy-in-loop RUNS: 50
  print_value("total", total);
}
