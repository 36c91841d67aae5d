// Pattern: copy() whose result is only read: the source can be used directly.
#include "print.hpp"

static double trace(const nd::array<double>& m) {
  double t = 0;
  for (std::ptrdiff_t i = 0; i < m.shape(0); ++i)
    t += m(i, i);
  return t;
}

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto snapshot = a.copy(); // EXPECT: ndarray-unnecessary-copy
  print_value("trace", trace(snapshot));
  print_value("corner", snapshot(63, 63));
}
