// Per-sample column-major serialisation in a loop: each iteration copies.
#include "print.hpp"

int main() {
  at::Tensor batch = at::arange(4 * 24 * 16, at::kFloat).reshape({4, 24, 16});
  double total = 0;
  for (int64_t b = 0; b < batch.size(0); ++b) {
    at::Tensor sample = batch.select(0, b); // EXPECT-NOT: ndarray-hidden-copy
    at::Tensor serial = sample.t().reshape({-1}); // EXPECT: ndarray-hidden-copy RUNS: 4
    total += checksum(serial);
  }
  print_value("total", total);
}
