// Pattern: an array grown by concatenating itself: every iteration copies all
// of it again (quadratic).
#include "print.hpp"

int main() {
  auto parts = nd::arange<double>(256);
  auto x = nd::zeros<double>({256});
  for (int i = 0; i < 8; ++i)
    x = nd::concatenate({x, parts}); // EXPECT: ndarray-copy-in-loop
  print("x", x);
}
