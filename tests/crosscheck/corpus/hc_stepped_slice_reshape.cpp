// Pattern: reshape() of a column-stepped slice cannot be a view.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(8192).reshape({64, 128});
  auto even_columns = a(nd::all, nd::slice(0, 64, 2)); // (64, 32), strides (128, 2)
  auto flat = even_columns.reshape({2048}); // EXPECT: ndarray-hidden-copy
  print("flat", flat);
  auto direct = a(nd::all, nd::slice(1, 65, 2)).reshape({32, 64}); // EXPECT: ndarray-hidden-copy
  print("direct", direct);
}
