// Channel reordering for a batch of sequences: permute() is a view, and
// contiguous() of the permuted tensor copies the whole batch.
#include "print.hpp"

int main() {
  at::Tensor batch = at::arange(8 * 16 * 12, at::kFloat).reshape({8, 16, 12});
  at::Tensor swapped = batch.permute({0, 2, 1}); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor packed = batch.permute({0, 2, 1}).contiguous(); // EXPECT: ndarray-hidden-copy
  print("swapped", swapped);
  print("packed", packed);
  print_value("packed_contiguous", packed.is_contiguous());
}
