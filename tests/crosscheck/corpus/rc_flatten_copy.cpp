// Pattern: flatten() is already a fresh buffer; copy() of it is a second one.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto flat = a.flatten().copy(); // EXPECT: ndarray-redundant-copy-chain
  auto nested = nd::copy(a.copy()); // EXPECT: ndarray-redundant-copy-chain
  print("flat", flat);
  print("nested", nested);
}
