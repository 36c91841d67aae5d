// Pattern: a negative step breaks contiguity: ravel() copies in every order.
#include "print.hpp"

int main() {
  auto x = nd::arange<double>(4096);
  auto reversed = x(nd::slice(nd::none, nd::none, -1));
  auto flat = reversed.ravel(); // EXPECT: ndarray-hidden-copy
  auto flat_k = reversed.ravel(nd::order::K); // EXPECT: ndarray-hidden-copy
  print("flat", flat);
  print("flat_k", flat_k);
}
