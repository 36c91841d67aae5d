// Pattern: a fresh copy held in a local used once, then copied again.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto snapshot = a.copy(); // NOFIND: one defect with the chain below, which redundant-copy-chain reports
  auto flat = snapshot.flatten(); // EXPECT: ndarray-redundant-copy-chain
  print("flat", flat);
}
