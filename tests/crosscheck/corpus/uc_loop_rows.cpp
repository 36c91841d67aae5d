// Pattern: a row copied in a loop only to be read.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(16384).reshape({8, 2048});
  double total = 0;
  for (std::ptrdiff_t r = 0; r < 8; ++r) {
    auto row = a(r, nd::all).flatten(); // EXPECT: ndarray-unnecessary-copy
    total += row(r) + row(2047);
  }
  print_value("total", total);
}
