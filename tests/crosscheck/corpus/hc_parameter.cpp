// Negative by default: a parameter's layout is unknown (ReportUnknownLayout is off).
#include "print.hpp"

static nd::array<double> flat_of(const nd::array<double>& x) {
  return x.ravel(); // EXPECT-NOT: ndarray-hidden-copy NOFIND: parameter of unknown layout
}

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  print("view", flat_of(a));
  print("copy", flat_of(a.T()));
}
