// Pattern: ravel() of a parameter, then a write: a view for some callers, a copy for others.
#include "print.hpp"

static void mark_first(const nd::array<double>& x) {
  x.ravel()(0) = -1.0; // EXPECT: ndarray-ambiguous-alias
}

static void mark_second(const nd::array<double>& x) {
  auto flat = x.reshape({-1}); // NOFIND: parameter of unknown layout (the write below is the finding)
  flat(1) = -2.0; // EXPECT: ndarray-ambiguous-alias
}

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  mark_first(a);
  mark_first(a.T());
  mark_second(a);
  mark_second(a.T());
  print("a", a);
}
