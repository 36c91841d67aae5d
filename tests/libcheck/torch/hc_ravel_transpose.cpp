// ravel() is contiguous().view(-1) since PR #71771: it copies a transpose.
#include "print.hpp"

double spread(const at::Tensor& grid) {
  at::Tensor values = grid.t().ravel(); // EXPECT: ndarray-hidden-copy
  return (values.max() - values.min()).item<double>();
}

int main() {
  at::Tensor grid = at::arange(40 * 30, at::kFloat).reshape({40, 30}).div(7);
  at::Tensor direct = grid.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  print_value("spread", spread(grid));
  print("direct", direct);
}
