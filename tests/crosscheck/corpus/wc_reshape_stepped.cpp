// Bug pattern: reshape() of a stepped slice copies; filling the result does not reach the source.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(8192).reshape({64, 128});
  a(nd::all, nd::slice(0, 64, 2)).reshape({2048}).fill(0.0); // EXPECT: ndarray-write-to-copy
  print("a", a);
}
