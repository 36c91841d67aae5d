// Bug pattern: "assumed flatten returns a view": the local is written and never read.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto flat = a.flatten();
  flat(0) = -1.0; // EXPECT: ndarray-write-to-copy
  print("a", a);
}
