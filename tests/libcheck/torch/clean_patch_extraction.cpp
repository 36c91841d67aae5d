// Patch extraction with unfold (views), then a row-major patch matrix whose
// reshape merges only adjacent, contiguous axes.
#include "print.hpp"

int main() {
  at::Tensor img = at::arange(32 * 32, at::kFloat).reshape({32, 32});
  at::Tensor rows = img.unfold(0, 8, 8); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor band = img.narrow(0, 0, 8); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor band_flat = band.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor scaled = band_flat.mul(0.5);
  print("rows", rows);
  print("scaled", scaled);
}
