// Negative: a view of the source (a row) is written while the copy is alive.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto row = a(0, nd::all);
  auto frozen = a.copy(); // EXPECT-NOT: ndarray-unnecessary-copy
  row.fill(9.0);
  print("frozen", frozen);
  print("a", a);
}
