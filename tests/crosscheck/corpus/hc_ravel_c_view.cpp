// Negative: ravel()/reshape() of a C-contiguous array, or of a row of it, is a view.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto flat = a.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  auto row = a(3, nd::all).ravel(); // EXPECT-NOT: ndarray-hidden-copy
  auto cube = a.reshape({16, 4, 64}); // EXPECT-NOT: ndarray-hidden-copy
  auto top = a(nd::slice(0, 32), nd::all).ravel(); // EXPECT-NOT: ndarray-hidden-copy
  flat(1) = -1.0; // a view: the write reaches `a`
  print("flat", flat);
  print("row", row);
  print("cube", cube);
  print("top", top);
  print("a", a);
}
