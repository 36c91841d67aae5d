// Pattern: growth by concatenation with a compile-time trip count and parts of
// known size: the check states the exact number of bytes the loop copies.
#include "print.hpp"

int main() {
  auto head = nd::ones<double>({96});
  auto tail = nd::arange<double>(32);
  auto x = nd::zeros<double>({64});
  for (int i = 0; i < 12; ++i)
    x = nd::concatenate({head, x, tail}); // EXPECT: ndarray-copy-in-loop RUNS: 12
  print("x", x);
}
