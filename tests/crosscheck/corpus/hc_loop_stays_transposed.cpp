// Pattern: a loop that keeps the handle non-contiguous on every path reaches
// a fixpoint where it is still non-contiguous.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto x = a.T();
  for (int i = 0; i < 4; ++i) {
    x(i, i) = -i;
    x = a.T();
  }
  auto flat = x.ravel(); // EXPECT: ndarray-hidden-copy
  print("flat", flat);
}
