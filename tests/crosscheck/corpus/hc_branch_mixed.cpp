// Negative: one branch keeps the array contiguous; the layout after the join
// is unknown, so a hidden-copy claim would be false on one path.
#include "print.hpp"

static double run(bool transpose) {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  nd::array<double> v = a;
  if (transpose)
    v = a.T();
  auto flat = v.ravel(); // EXPECT-NOT: ndarray-hidden-copy NOFIND: layout depends on the branch
  return flat(65);
}

int main() {
  print_value("transposed", run(true));
  print_value("plain", run(false));
}
