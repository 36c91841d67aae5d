// Pattern: extents known only at run time: the copy is still the same every
// iteration ("copies on each iteration", no byte count).
#include "print.hpp"

int main(int argc, char**) {
  const std::ptrdiff_t n = 40 + argc;
  auto a = nd::zeros<double>({n, n});
  a(1, 2) = 3.0;
  double total = 0;
  for (std::ptrdiff_t i = 0; i < 7; ++i) {
    auto c = a.copy(); // EXPECT: ndarray-copy-in-loop RUNS: 7
    total += c(1, 2) + c(i, i);
  }
  print_value("total", total);
}
