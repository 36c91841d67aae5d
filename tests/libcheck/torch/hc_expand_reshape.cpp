// A broadcast bias flattened for a fused kernel: expand() is a view with
// stride 0, and reshape({-1}) must materialise it. Per-row scales stretched
// across the columns: making them contiguous, or flattening them, copies;
// adding an axis of length 1 is still a view.
#include "print.hpp"

int main() {
  at::Tensor bias = at::arange(64, at::kFloat).div(8);
  at::Tensor tiled = bias.expand({32, 64}); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor flat = tiled.reshape({-1}); // EXPECT: ndarray-hidden-copy
  at::Tensor scale = at::rand({32, 1});
  at::Tensor grid = scale.expand({-1, 64}).contiguous(); // EXPECT: ndarray-hidden-copy
  at::Tensor lanes = scale.expand({-1, 64}).reshape({-1}); // EXPECT: ndarray-hidden-copy
  at::Tensor planes = scale.expand({-1, 64}).view({32, 1, 64}); // EXPECT-NOT: ndarray-impossible-view, ndarray-hidden-copy
  print("flat", flat);
  print("grid", grid);
  print("lanes", lanes);
  print("planes", planes);
}
