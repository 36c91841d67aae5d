// Batch assembly: samples stacked into a batch (explicit copies that are
// needed), then per-sample views. Nothing to report.
#include "print.hpp"

#include <vector>

int main() {
  std::vector<at::Tensor> samples;
  for (int i = 0; i < 6; ++i) samples.push_back(at::full({16, 16}, static_cast<float>(i)));
  at::Tensor batch = at::stack(samples);
  at::Tensor rows = batch.reshape({6, -1}); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor third = batch.select(0, 2); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor means = rows.mean(1);
  print("means", means);
  print("third", third);
}
