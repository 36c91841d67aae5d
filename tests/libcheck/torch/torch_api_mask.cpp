// The <torch/torch.h> spelling of the lost masked write, and its fix.
#include <torch/torch.h>

#include "print.hpp"

using namespace torch::indexing;

int main() {
  torch::Tensor scores = torch::arange(40 * 10, torch::kFloat).reshape({40, 10}).remainder(13);
  torch::Tensor low = scores.lt(3);
  double before = checksum(scores);
  scores.index({low}) = 0.0f; // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, scores);
  double again = checksum(scores);
  scores.index({Slice(), 0}) = -1.0f; // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, again, scores);
  scores.masked_fill_(low, 0.0f);
  print("scores", scores);
}
