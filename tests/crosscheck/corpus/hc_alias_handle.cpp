// Pattern: copying the handle aliases; the alias keeps the transposed layout.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto t = a.T();
  auto u = t;
  auto flat = u.ravel(); // EXPECT: ndarray-hidden-copy
  print("flat", flat);
  const nd::array<double>& ref = t;
  auto flat_ref = ref.reshape({4096}); // EXPECT: ndarray-hidden-copy
  print("flat_ref", flat_ref);
}
