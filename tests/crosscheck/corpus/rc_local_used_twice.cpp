// Negative: the first copy is modified and read on its own, so both buffers are needed.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto work = a.copy();
  work(0, 0) = 100.0;
  auto flat = work.flatten(); // EXPECT-NOT: ndarray-redundant-copy-chain
  flat(1) = -1.0;
  print("work", work);
  print("flat", flat);
  print("a", a);
}
