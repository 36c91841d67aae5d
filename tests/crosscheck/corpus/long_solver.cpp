// Jacobi iterations for Laplace's equation on a 64 x 64 grid, with handle
// swaps, a convergence test on flat views, and a column-major dump.
#include "print.hpp"

#include <cmath>

static double max_abs_difference(const nd::array<double>& x, const nd::array<double>& y) {
  double worst = 0;
  for (std::ptrdiff_t i = 0; i < x.shape(0); ++i)
    worst = std::fmax(worst, std::fabs(x(i) - y(i)));
  return worst;
}

int main() {
  const std::ptrdiff_t n = 64;
  auto grid = nd::zeros<double>({64, 64});
  for (std::ptrdiff_t j = 0; j < n; ++j)
    grid(0, j) = 1.0;
  auto next = grid.copy();
  double delta = 1;
  int iterations = 0;
  while (delta > 1e-3 && iterations < 25) {
    for (std::ptrdiff_t i = 1; i < n - 1; ++i)
      for (std::ptrdiff_t j = 1; j < n - 1; ++j)
        next(i, j) = 0.25 * (grid(i - 1, j) + grid(i + 1, j) + grid(i, j - 1) + grid(i, j + 1));
    auto old_flat = grid.ravel(); // EXPECT-NOT: ndarray-hidden-copy
    auto new_flat = next.ravel(); // EXPECT-NOT: ndarray-hidden-copy
    delta = max_abs_difference(old_flat, new_flat);
    auto previous = grid;
    grid = next;
    next = previous;
    ++iterations;
  }
  print_value("iterations", iterations);
  print_value("delta", delta);

  // The interior, flattened for a residual report.
  auto interior = grid(nd::slice(1, 63), nd::slice(1, 63));
  auto interior_flat = interior.ravel(); // EXPECT: ndarray-hidden-copy
  print("interior", interior_flat);

  // A column-major dump for a Fortran consumer.
  auto dump = grid.T().ravel(); // EXPECT: ndarray-hidden-copy
  print("dump", dump);

  // The final state, copied only to be read.
  auto final_state = grid.copy(); // EXPECT: ndarray-unnecessary-copy
  print_value("centre", final_state(32, 32));
  print_value("edge", final_state(1, 32));
}
