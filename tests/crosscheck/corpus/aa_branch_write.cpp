// Pattern: the layout depends on a branch, so whether the write reaches `a` does too.
#include "print.hpp"

static void run(bool transpose) {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  nd::array<double> v = transpose ? a.T() : a(nd::all, nd::all);
  auto flat = v.ravel(); // NOFIND: layout depends on the branch (the write below is the finding)
  flat(3) = 99.0; // EXPECT: ndarray-ambiguous-alias
  print("a", a);
}

int main() {
  run(true);
  run(false);
}
