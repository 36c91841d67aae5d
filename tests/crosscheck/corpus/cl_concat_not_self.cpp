// Pattern: a concatenation assigned in a loop that does not feed itself is
// not growth; its operand changes each iteration, so it is not invariant
// either.
#include "print.hpp"

int main() {
  auto x = nd::arange<double>(1024);
  auto y = nd::ones<double>({1024});
  auto z = nd::zeros<double>({1});
  for (int i = 0; i < 5; ++i) {
    z = nd::concatenate({x, y}); // EXPECT-NOT: ndarray-copy-in-loop
    x(i) = -1.0;
  }
  print("z", z);
}
