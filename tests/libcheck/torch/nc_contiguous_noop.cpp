// contiguous() of an already-contiguous tensor returns the tensor itself: no
// copy, and a write through the result reaches the source.
#include "print.hpp"

int main() {
  at::Tensor img = at::arange(32 * 32, at::kFloat).reshape({32, 32});
  at::Tensor packed = img.contiguous(); // EXPECT-NOT: ndarray-hidden-copy, ndarray-unnecessary-copy, ndarray-ambiguous-alias
  double before = checksum(img);
  packed.select(0, 0).fill_(7); // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, before, img);
  at::Tensor rows = img.narrow(0, 4, 8).contiguous(); // EXPECT-NOT: ndarray-hidden-copy
  print("rows", rows);
}
