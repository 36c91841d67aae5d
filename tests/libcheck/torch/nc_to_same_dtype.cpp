// to(kFloat) of a float tensor returns the tensor itself (0 bytes); only a
// real dtype change allocates.
#include "print.hpp"

int main() {
  at::Tensor probs = at::rand({64, 10}, at::TensorOptions().dtype(at::kFloat)).mul(0).add(0.25);
  at::Tensor same = probs.to(at::kFloat); // EXPECT-NOT: ndarray-hidden-copy, ndarray-ambiguous-alias
  at::Tensor wide = probs.to(at::kDouble);
  double before = checksum(probs);
  same.select(1, 0).fill_(1); // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, before, probs);
  print("wide", wide);
}
