// Pattern: a column block of a C array is not contiguous; a row block is.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(16384).reshape({2048, 8});
  auto left = a(nd::all, nd::slice(0, 4)).ravel(); // EXPECT: ndarray-hidden-copy
  auto top = a(nd::slice(0, 1024), nd::all).ravel(); // EXPECT-NOT: ndarray-hidden-copy
  auto column = a(nd::all, 5).ravel(); // EXPECT: ndarray-hidden-copy
  print("left", left);
  print("top", top);
  print("column", column);
}
