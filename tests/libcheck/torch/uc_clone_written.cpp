// Normalisation on a clone: the clone is written, so it is needed (the
// caller's tensor must not change). Nothing to report.
#include "print.hpp"

at::Tensor normalised(const at::Tensor& x) {
  at::Tensor y = x.clone(); // EXPECT-NOT: ndarray-unnecessary-copy
  y.sub_(y.mean());
  y.div_(y.std());
  return y;
}

int main() {
  at::Tensor x = at::arange(256, at::kDouble).pow(1.5);
  at::Tensor y = normalised(x);
  print("x", x);
  print("y", y);
}
