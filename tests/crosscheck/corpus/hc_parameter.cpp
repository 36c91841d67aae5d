// A parameter's layout is unknown in general; the call from main with a
// transpose makes this ravel() copy on that call path (and only there).
#include "print.hpp"

static nd::array<double> flat_of(const nd::array<double>& x) {
  return x.ravel(); // EXPECT: ndarray-hidden-copy
}

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  print("view", flat_of(a));
  print("copy", flat_of(a.T()));
}
