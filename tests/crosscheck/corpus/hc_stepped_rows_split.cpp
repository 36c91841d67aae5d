// Negative (trap): rows taken with a step keep each row contiguous, so
// splitting the last axis is a view; only merging rows copies.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(8192).reshape({64, 128});
  auto even_rows = a(nd::slice(0, 64, 2), nd::all); // (32, 128), strides (256, 1)
  auto split = even_rows.reshape({32, 8, 16}); // EXPECT-NOT: ndarray-hidden-copy
  split(0, 0, 0) = -5.0; // a view: reaches `a`
  print("split", split);
  print("a_row0", a(0, nd::all));
  auto merged = even_rows.reshape({4096}); // EXPECT: ndarray-hidden-copy
  print("merged", merged);
}
