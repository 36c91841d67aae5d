// Pattern: a fresh copy held in a local used once, then copied again.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto snapshot = a.copy(); // EXPECT: ndarray-unnecessary-copy
  auto flat = snapshot.flatten(); // EXPECT: ndarray-redundant-copy-chain
  print("flat", flat);
}
