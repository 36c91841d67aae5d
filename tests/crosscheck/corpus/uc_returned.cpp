// Negative: a copy that escapes (returned) is not only read locally.
#include "print.hpp"

static nd::array<double> detached(const nd::array<double>& a) {
  return a.flatten(); // EXPECT-NOT: ndarray-unnecessary-copy
}

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto d = detached(a);
  a(0, 0) = 7.0;
  print("d", d);
}
