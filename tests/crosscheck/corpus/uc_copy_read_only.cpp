// Pattern: copy() whose result is only read: the source can be used directly.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto snapshot = a.copy(); // EXPECT: ndarray-unnecessary-copy
  double trace = 0;
  for (std::ptrdiff_t i = 0; i < snapshot.shape(0); ++i)
    trace += snapshot(i, i);
  print_value("trace", trace);
  print_value("corner", snapshot(63, 63));
}
