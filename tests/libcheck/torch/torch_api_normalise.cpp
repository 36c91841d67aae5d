// The <torch/torch.h> spelling: an HWC image converted to CHW for a model.
// permute() is a view; contiguous() of it copies the whole image.
#include <torch/torch.h>

#include "print.hpp"

torch::Tensor to_chw(const torch::Tensor& hwc) {
  return hwc.permute({2, 0, 1}).contiguous(); // EXPECT: ndarray-hidden-copy
}

int main() {
  torch::Tensor hwc = torch::arange(32 * 32 * 3, torch::kFloat).reshape({32, 32, 3}).div(255);
  torch::Tensor chw = to_chw(hwc);
  torch::Tensor scaled = hwc.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  print("chw", chw);
  print("scaled", scaled);
}
