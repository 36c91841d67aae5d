// Cross-function: a column-major exporter takes its array by value and
// rebinds the parameter to the transpose before flattening it. The rebinding
// is local to the helper (the handle is a copy; the caller's array object is
// untouched), so the ravel() in the helper copies for C-ordered inputs and the
// caller's own ravel() afterwards is a view. A second helper rebinds its
// parameter to a contiguous copy first, so its ravel() is always a view.
#include "print.hpp"

static nd::array<double> column_major(nd::array<double> m) {
  m = m.T();
  return m.ravel(); // EXPECT: ndarray-hidden-copy RUNS: 2
}

static double packed_sum(nd::array<double> m) {
  m = nd::ascontiguousarray(m); // EXPECT: ndarray-hidden-copy
  auto flat = m.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  double s = 0;
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    s += flat(i);
  return s;
}

static nd::array<double> sensor_block(int seed) {
  auto block = nd::empty<double>({256, 16});
  for (std::ptrdiff_t i = 0; i < 256; ++i)
    for (std::ptrdiff_t j = 0; j < 16; ++j)
      block(i, j) = static_cast<double>((i * (seed + 2) + j * 5) % 73);
  return block;
}

int main() {
  auto left = sensor_block(1);
  auto right = sensor_block(2);
  print("left_cols", column_major(left));
  print("right_cols", column_major(right));

  // Still C-contiguous: the helper rebound its own handle only.
  auto left_rows = left.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  auto right_rows = right.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  print("left_rows", left_rows);
  print("right_rows", right_rows);

  print_value("packed", packed_sum(left.T()));
  auto left_again = left.reshape({64, 64}); // EXPECT-NOT: ndarray-hidden-copy
  print("left_again", left_again);
}
