// Clearing a buffer through a flattened handle: the reshape of the transpose
// is a copy, so zero_() clears the copy; on the contiguous tensor it is a view.
// Both layouts are known (locals made here), so neither write is ambiguous.
#include "print.hpp"

int main() {
  at::Tensor x = at::arange(24 * 16, at::kFloat).reshape({24, 16});
  double before = checksum(x);
  x.t().reshape({-1}).zero_(); // EXPECT: ndarray-write-to-copy EXPECT-NOT: ndarray-ambiguous-alias
  written(__LINE__ - 1, before, x);
  at::Tensor y = at::arange(24 * 16, at::kFloat).reshape({24, 16});
  double y_before = checksum(y);
  y.reshape({-1}).zero_(); // EXPECT-NOT: ndarray-write-to-copy, ndarray-hidden-copy, ndarray-ambiguous-alias
  written(__LINE__ - 1, y_before, y);
}
