// Negative (trap): every other column of whole rows is evenly spaced in
// memory, so NumPy's no-copy reshape succeeds and reshape() is a view.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(8192).reshape({64, 128});
  auto odd_columns = a(nd::all, nd::slice(1, 128, 2)); // (64, 64), strides (128, 2)
  auto flat = odd_columns.reshape({4096}); // EXPECT-NOT: ndarray-hidden-copy
  auto folded = odd_columns.reshape({32, 128}); // EXPECT-NOT: ndarray-hidden-copy
  flat(0) = -1.0; // a view: reaches `a`
  print("flat", flat);
  print("folded", folded);
  print_value("a01", a(0, 1));
  auto column = a(nd::all, 5).reshape({16, 4}); // EXPECT-NOT: ndarray-hidden-copy
  print("column", column);
}
