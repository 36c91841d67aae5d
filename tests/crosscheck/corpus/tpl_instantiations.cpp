// Templates: a hidden copy in a function template is reported once, for
// every instantiation that reaches it; a copy chain in a template too.
#include "print.hpp"

template <class T> nd::array<T> columns_first(T size) {
  auto m = nd::arange<T>(size * size).reshape({64, 64});
  auto t = m.T();
  return t.ravel(); // EXPECT: ndarray-hidden-copy
}

template <class T> nd::array<T> twice(const nd::array<T>& m) {
  return m.copy().flatten(); // EXPECT: ndarray-redundant-copy-chain
}

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto b = nd::arange<float>(4096).reshape({64, 64});
  print("a", columns_first(64.0));
  print("b", columns_first(64.0f));
  print("a2", twice(a));
  print("b2", twice(b));
}
