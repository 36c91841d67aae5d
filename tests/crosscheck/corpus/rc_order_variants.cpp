// Copy order matters: an F-ordered copy raveled in C order is two buffers; in
// F order, one. astype() keeps the source's order (K): of a transpose, F.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto two = a.copy(nd::order::F).ravel(); // EXPECT: ndarray-redundant-copy-chain
  auto one = a.copy(nd::order::F).ravel(nd::order::F); // EXPECT-NOT: ndarray-redundant-copy-chain, ndarray-hidden-copy
  auto converted = a.T().astype<float>().ravel(); // EXPECT: ndarray-redundant-copy-chain
  auto converted_c = a.astype<float>().ravel(); // EXPECT-NOT: ndarray-redundant-copy-chain, ndarray-hidden-copy
  print("two", two);
  print("one", one);
  print("converted", converted);
  print("converted_c", converted_c);
}
