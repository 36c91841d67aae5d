// Boosting selected samples: index() with an integer tensor copies, so the
// in-place mul_ on its result never reaches the batch.
#include "print.hpp"

int main() {
  at::Tensor batch = at::arange(64 * 8, at::kFloat).reshape({64, 8});
  at::Tensor picks = at::arange(0, 64, 3, at::kLong);
  double before = checksum(batch);
  batch.index({picks}).mul_(2); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, batch);
  double rows_before = checksum(batch);
  batch.narrow(0, 0, 4).mul_(2); // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, rows_before, batch);
}
