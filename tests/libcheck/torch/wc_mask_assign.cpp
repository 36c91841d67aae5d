// Clamping outliers with a boolean mask: index({mask}) copies the selection,
// so assigning to it is lost (the pointnet2 bug); index_put_ writes in place.
#include "print.hpp"

using at::indexing::Slice;

int main() {
  at::Tensor dist = at::arange(32 * 16, at::kFloat).reshape({32, 16}).remainder(37);
  at::Tensor mask = dist.gt(30);
  at::Tensor fixed = dist.clone();
  double before = checksum(dist);
  dist.index({mask}) = 30.0f; // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, dist);
  double fixed_before = checksum(fixed);
  fixed.index_put_({mask}, 30.0f); // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, fixed_before, fixed);
}
