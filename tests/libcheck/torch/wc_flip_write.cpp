// Marking the last row through a flipped tensor: flip() copies in libtorch
// (a view in NumPy), so the write lands in the copy.
#include "print.hpp"

int main() {
  at::Tensor rows = at::arange(32 * 12, at::kFloat).reshape({32, 12});
  double before = checksum(rows);
  rows.flip({0}).select(0, 0).fill_(-1); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, rows);
  double again = checksum(rows);
  rows.select(0, 0).fill_(-1); // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, again, rows);
}
