// Pattern: astype() always copies; a copy() right after is a second buffer.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto converted = a.astype<float>().copy(); // EXPECT: ndarray-redundant-copy-chain
  auto converted_once = a.astype<float>(); // EXPECT-NOT: ndarray-redundant-copy-chain
  print("converted", converted);
  print("converted_once", converted_once);
}
