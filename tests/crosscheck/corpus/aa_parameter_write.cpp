// Pattern: ravel() of a parameter, then a write: a view for some callers, a copy for others.
// Both helpers are static: every call is in this file, so the write is lost on the
// call paths that pass a transpose, and only there.
#include "print.hpp"

static void mark_first(const nd::array<double>& x) {
  x.ravel()(0) = -1.0; // EXPECT: ndarray-write-to-copy
}

static void mark_second(const nd::array<double>& x) {
  auto flat = x.reshape({-1}); // NOFIND: a hidden copy on one call path; the lost write below is the finding
  flat(1) = -2.0; // EXPECT: ndarray-write-to-copy
}

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  mark_first(a);
  mark_first(a.T());
  mark_second(a);
  mark_second(a.T());
  print("a", a);
}
