// Macros: the diagnostic is still right, but no fix-it is offered inside a macro.
#include "print.hpp"

#define FLAT_COPY(x) (x).copy().flatten()
#define COLUMNS(x) (x).T().ravel()

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto f = FLAT_COPY(a); // EXPECT: ndarray-redundant-copy-chain
  auto c = COLUMNS(a); // EXPECT: ndarray-hidden-copy
  print("f", f);
  print("c", c);
}
