// Pattern: flatten() whose result is only read: ravel() gives the same values without a copy.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto flat = a.flatten(); // EXPECT: ndarray-unnecessary-copy
  double sum = 0;
  for (std::ptrdiff_t i = 0; i < flat.size(); i += 3)
    sum += flat(i);
  print_value("sum", sum);
}
