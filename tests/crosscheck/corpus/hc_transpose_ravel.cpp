// Pattern: ravel() of a transposed C-ordered array copies (hidden copy).
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto direct = a.T().ravel(); // EXPECT: ndarray-hidden-copy
  print("direct", direct);
  auto t = a.T();
  auto through_local = t.ravel(); // EXPECT: ndarray-hidden-copy
  print("through_local", through_local);
}
