// Element-wise arithmetic on a transposed map gives a new tensor with the
// transposed strides (TensorIterator follows its input's layout), so
// flattening the scaled map copies it once more; the same arithmetic on the
// contiguous map gives a contiguous result that flattens as a view.
#include "print.hpp"

int main() {
  at::Tensor maps = at::arange(24 * 16, at::kFloat).reshape({24, 16});
  at::Tensor scaled = (maps.t() / 255).sqrt();
  at::Tensor flat = scaled.reshape({-1}); // EXPECT: ndarray-hidden-copy
  at::Tensor centred = -at::exp(maps.t().mul(0.5)) + 1;
  at::Tensor rows = centred.contiguous(); // EXPECT: ndarray-hidden-copy
  at::Tensor smooth = at::exp(maps * 0.5);
  at::Tensor plain = smooth.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor clipped = maps.clamp(0, 100).relu();
  at::Tensor clipped_flat = clipped.view({-1}); // EXPECT-NOT: ndarray-impossible-view
  print("flat", flat);
  print("rows", rows);
  print("plain", plain);
  print("clipped", clipped_flat);
}
