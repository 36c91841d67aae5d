// flatten() is reshape({-1}): a view of a contiguous tensor, a copy of a
// transposed one (pytorch #49954: it is not NumPy's always-copying flatten).
#include "print.hpp"

int main() {
  at::Tensor weights = at::linspace(-1.0, 1.0, 24 * 20, at::kDouble).reshape({24, 20});
  at::Tensor rows = weights.flatten(); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor cols = weights.t().flatten(); // EXPECT: ndarray-hidden-copy
  print("rows", rows);
  print("cols", cols);
}
