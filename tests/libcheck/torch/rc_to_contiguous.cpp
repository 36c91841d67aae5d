// to(other dtype) keeps the transpose's strides, so contiguous() after it
// copies again; to(..., MemoryFormat::Contiguous) would do both at once.
// That contiguous() copies is known (to() keeps the F order whether or not
// it copies); that to() made a first buffer depends on the dtype.
#include "print.hpp"

int main() {
  at::Tensor pixels = at::arange(32 * 32, at::kFloat).reshape({32, 32});
  at::Tensor wide = pixels.t().to(at::kDouble).contiguous(); // EXPECT: ndarray-hidden-copy NOFIND: redundant-copy-chain needs the dtype, which is not tracked
  print("wide", wide);
}
