// A defensive clone after contiguous(): contiguous() already made a fresh
// buffer from the transpose, so the clone is a second copy.
#include "print.hpp"

at::Tensor owned_transpose(const at::Tensor& m) {
  return m.t().contiguous().clone(); // EXPECT: ndarray-redundant-copy-chain
}

int main() {
  at::Tensor m = at::arange(30 * 20, at::kDouble).reshape({30, 20});
  at::Tensor owned = owned_transpose(m);
  m.fill_(0);
  print("owned", owned);
}
