// Pattern: nested loops: a copy in the inner loop of an array neither loop
// changes; reported against the inner loop.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  double total = 0;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 4; ++j)
      total += nd::ascontiguousarray(a(nd::all, nd::slice(0, 64, 2)))(i, j); // EXPECT: ndarray-copy-in-loop RUNS: 12
  print_value("total", total);
}
