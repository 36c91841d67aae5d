// Pattern: every branch leaves the array non-contiguous, so ravel() copies on every path.
#include "print.hpp"

static double run(bool swap_first) {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  nd::array<double> v;
  if (swap_first)
    v = a.swapaxes(0, 1);
  else
    v = a(nd::all, nd::slice(0, 64, 2));
  auto flat = v.ravel(); // EXPECT: ndarray-hidden-copy
  print("flat", flat);
  return flat(1);
}

int main() {
  print_value("first", run(true));
  print_value("second", run(false));
}
