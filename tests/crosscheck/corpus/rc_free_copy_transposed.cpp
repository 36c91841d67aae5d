// Pattern: nd::copy of a transposed C array is F-ordered; raveling it copies again.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto twice = nd::copy(a.T()).ravel(); // EXPECT: ndarray-redundant-copy-chain
  print("twice", twice);
  auto c_copy = nd::copy(a.T(), nd::order::C).ravel(); // EXPECT-NOT: ndarray-redundant-copy-chain, ndarray-hidden-copy
  print("c_copy", c_copy);
}
