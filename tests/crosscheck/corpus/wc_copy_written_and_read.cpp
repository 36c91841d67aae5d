// Negative: a copy that is written and then read is a deliberate scratch buffer.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto scratch = a.copy();
  scratch(0, 0) = 5.0; // EXPECT-NOT: ndarray-write-to-copy
  auto flat = a.flatten();
  flat.fill(1.0); // EXPECT-NOT: ndarray-write-to-copy
  print("scratch", scratch);
  print("flat", flat);
}
