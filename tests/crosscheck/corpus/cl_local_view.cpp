// Pattern: a view made in the loop of an unchanged array, then a reshape that
// copies: both are the same every iteration.
#include <vector>
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  const std::vector<int> columns = {1, 5, 9, 13, 17};
  double total = 0;
  for (int c : columns) {
    auto t = a.T();
    auto r = t.reshape({32, 128}); // EXPECT: ndarray-copy-in-loop RUNS: 5
    total += r(0, c);
  }
  print_value("total", total);
}
