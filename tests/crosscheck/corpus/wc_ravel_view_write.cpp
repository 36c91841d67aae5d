// Negative: ravel() of a C array is a view; the write reaches the source.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  a.ravel()(0) = 11.0; // EXPECT-NOT: ndarray-write-to-copy, ndarray-ambiguous-alias
  auto row = a(2, nd::all).ravel();
  row(0) = 12.0; // EXPECT-NOT: ndarray-write-to-copy, ndarray-ambiguous-alias
  a.T().ravel(nd::order::F)(5) = 13.0; // EXPECT-NOT: ndarray-write-to-copy, ndarray-ambiguous-alias
  print("a", a);
}
