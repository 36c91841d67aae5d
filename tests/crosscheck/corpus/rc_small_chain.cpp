// MinElements: a double copy of 100 elements is not worth reporting.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(100).reshape({10, 10});
  auto flat = a.copy().flatten(); // EXPECT-NOT: ndarray-redundant-copy-chain
  print("flat", flat);
}
