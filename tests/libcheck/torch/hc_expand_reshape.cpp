// A broadcast bias flattened for a fused kernel: expand() is a view with
// stride 0, and reshape({-1}) must materialise it.
#include "print.hpp"

int main() {
  at::Tensor bias = at::arange(64, at::kFloat).div(8);
  at::Tensor tiled = bias.expand({32, 64}); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor flat = tiled.reshape({-1}); // NOFIND: expand()'s broadcast strides are not followed
  print("flat", flat);
}
