// Negative (trap): copy() is C-ordered, so copy().ravel() is one buffer, not two.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto f = nd::zeros<double>({64, 64}, nd::order::F);
  f(1, 2) = 3.0;
  auto from_t = a.T().copy().ravel(); // EXPECT-NOT: ndarray-redundant-copy-chain, ndarray-hidden-copy
  auto from_f = f.copy().ravel(); // EXPECT-NOT: ndarray-redundant-copy-chain, ndarray-hidden-copy
  print("from_t", from_t);
  print("from_f", from_f);
}
