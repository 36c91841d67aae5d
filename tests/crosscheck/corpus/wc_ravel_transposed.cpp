// Bug pattern: ravel() of a transposed array copies, so writing through it is lost.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  a.T().ravel()(0) = 42.0; // EXPECT: ndarray-write-to-copy
  auto r = a.T().ravel();
  r(1) = 43.0; // EXPECT: ndarray-write-to-copy
  print("a", a);
}
