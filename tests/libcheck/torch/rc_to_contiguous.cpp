// to(other dtype) keeps the transpose's strides, so contiguous() after it
// copies again; to(..., MemoryFormat::Contiguous) would do both at once.
#include "print.hpp"

int main() {
  at::Tensor pixels = at::arange(32 * 32, at::kFloat).reshape({32, 32});
  at::Tensor wide = pixels.t().to(at::kDouble).contiguous(); // NOFIND: to(dtype) is not modelled (the dtype is not tracked)
  print("wide", wide);
}
