// The <torch/torch.h> spelling, no trap: handle copies, contiguous reshapes,
// in-place updates through views.
#include <torch/torch.h>

#include "print.hpp"

int main() {
  torch::Tensor w = torch::arange(64 * 16, torch::kFloat).reshape({64, 16});
  torch::Tensor alias = w; // EXPECT-NOT: ndarray-hidden-copy, ndarray-unnecessary-copy
  torch::Tensor head = w.narrow(0, 0, 8).view({-1}); // EXPECT-NOT: ndarray-hidden-copy
  alias.select(1, 0).zero_();
  torch::Tensor flat = w.flatten(); // EXPECT-NOT: ndarray-hidden-copy
  print("head", head);
  print("flat", flat);
}
