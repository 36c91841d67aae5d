// Negative: flatten() (always independent) and copy_mode::never (always a view)
// state the intent, so nothing is ambiguous.
#include "print.hpp"

static void mark(const nd::array<double>& x) {
  x.reshape({-1}, nd::order::C, nd::copy_mode::never)(0) = -3.0; // EXPECT-NOT: ndarray-ambiguous-alias
  auto own = x.flatten();
  own(1) = -4.0; // EXPECT-NOT: ndarray-ambiguous-alias
  print("own", own);
}

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  mark(a);
  print("a", a);
}
