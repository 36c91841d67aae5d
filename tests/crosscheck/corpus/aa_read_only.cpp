// Negative: ravel() of a parameter that is only read is not ambiguous.
#include "print.hpp"

static double total(const nd::array<double>& x) {
  auto flat = x.ravel(); // EXPECT-NOT: ndarray-ambiguous-alias NOFIND: parameter of unknown layout
  double s = 0;
  for (std::ptrdiff_t i = 0; i < flat.size(); i += 5)
    s += flat(i);
  return s;
}

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  print_value("c", total(a));
  print_value("t", total(a.T()));
}
