// Pattern: nd::copy keeps F order (order K), so nd::copy(f).ravel() copies twice.
#include "print.hpp"

int main() {
  auto f = nd::zeros<double>({64, 64}, nd::order::F);
  for (int i = 0; i < 64; ++i)
    f(i, 63 - i) = i;
  auto twice = nd::copy(f).ravel(); // EXPECT: ndarray-redundant-copy-chain
  print("twice", twice);
  auto c = nd::arange<double>(4096).reshape({64, 64});
  auto once = nd::copy(c).ravel(); // EXPECT-NOT: ndarray-redundant-copy-chain, ndarray-hidden-copy
  print("once", once);
}
