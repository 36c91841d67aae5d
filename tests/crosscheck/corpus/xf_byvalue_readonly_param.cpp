// Cross-function: passing an array by value to a helper that only reads it
// does not change the caller's array, so the caller still knows its layout
// afterwards. A feature matrix is checked by value, then exported through its
// transpose: the export's ravel() copies. A helper that reshapes its by-value
// handle in place (set_shape) does change what the caller sees.
#include "print.hpp"

// Validates a batch; takes the handle by value and only reads it.
static bool all_finite(nd::array<double> batch) {
  for (std::ptrdiff_t i = 0; i < batch.shape(0); ++i)
    for (std::ptrdiff_t j = 0; j < batch.shape(1); ++j)
      if (!(batch(i, j) == batch(i, j)))
        return false;
  return true;
}

static double column_sum(nd::array<double> batch, std::ptrdiff_t j) {
  double s = 0;
  for (std::ptrdiff_t i = 0; i < batch.shape(0); ++i)
    s += batch(i, j);
  return s;
}

// Reinterprets the handle in place: the caller's array object changes shape.
static void as_rows_of_64(nd::array<double> batch) {
  batch.set_shape({-1, 64});
}

int main() {
  auto batch = nd::arange<double>(8192).reshape({256, 32});
  auto features = batch.T();
  std::printf("finite=%d\n", all_finite(features) ? 1 : 0);
  print_value("col0", column_sum(features, 0));
  auto exported = features.ravel(); // EXPECT: ndarray-hidden-copy
  print("exported", exported);

  // The original batch is still C-contiguous after being read by value.
  std::printf("finite=%d\n", all_finite(batch) ? 1 : 0);
  auto rows = batch.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  print("rows", rows);

  // set_shape() in the helper is seen by the caller; the array stays C-contiguous.
  auto grid = nd::arange<double>(4096).reshape({32, 128});
  as_rows_of_64(grid);
  print("grid", grid);
  auto grid_flat = grid.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  print("grid_flat", grid_flat);
}
