// Pattern: a hidden copy in a loop's condition is made on every test.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  int i = 0;
  while (a.T().ravel()(i) < 900.0) // EXPECT: ndarray-copy-in-loop
    ++i;
  print_value("i", i);
}
