// Pattern: copy().flatten() allocates two buffers where flatten() alone suffices.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto flat = a.copy().flatten(); // EXPECT: ndarray-redundant-copy-chain
  auto flat_t = a.T().copy().flatten(); // EXPECT: ndarray-redundant-copy-chain
  print("flat", flat);
  print("flat_t", flat_t);
}
