// clone() keeps the transpose's strides (MemoryFormat::Preserve), so the
// reshape after it copies a second time: two buffers where one would do.
#include "print.hpp"

int main() {
  at::Tensor frame = at::arange(48 * 32, at::kFloat).reshape({48, 32});
  at::Tensor serial = frame.t().clone().reshape({-1}); // EXPECT: ndarray-redundant-copy-chain
  at::Tensor once = frame.t().clone(at::MemoryFormat::Contiguous).view({-1}); // EXPECT-NOT: ndarray-redundant-copy-chain
  print("serial", serial);
  print("once", once);
}
