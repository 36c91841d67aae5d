// Bug pattern: writing into the temporary returned by flatten(); the write is lost.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  a.flatten()(3) = 1000.0; // EXPECT: ndarray-write-to-copy
  a.copy().fill(0.0); // EXPECT: ndarray-write-to-copy
  print("a", a);
}
