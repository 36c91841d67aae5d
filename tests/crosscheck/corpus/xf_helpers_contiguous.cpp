// Negative: a statistics library whose helpers ravel and reshape their
// arguments, called only with C-contiguous arrays: fresh arrays, row blocks,
// single rows, and results of ascontiguousarray(). Every ravel() and reshape()
// in the helpers is a view; nothing is reported.
#include "print.hpp"

static double mean(const nd::array<double>& x) {
  auto flat = x.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  double s = 0;
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    s += flat(i);
  return s / static_cast<double>(flat.size());
}

static double variance(const nd::array<double>& x) {
  const double m = mean(x);
  auto flat = x.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  double s = 0;
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    s += (flat(i) - m) * (flat(i) - m);
  return s / static_cast<double>(flat.size());
}

static nd::array<double> as_matrix(const nd::array<double>& x, std::ptrdiff_t cols) {
  return x.reshape({-1, cols}); // EXPECT-NOT: ndarray-hidden-copy
}

int main() {
  auto data = nd::arange<double>(16384).reshape({128, 128});
  print_value("mean_all", mean(data));
  print_value("var_top", variance(data(nd::slice(0, 32), nd::all)));
  print_value("var_row", variance(data(7, nd::all)));
  print_value("var_packed", variance(nd::ascontiguousarray(data.T()))); // EXPECT: ndarray-hidden-copy
  auto series = nd::arange<double>(4096);
  auto grid = as_matrix(series, 64);
  print("grid", grid);
  print_value("mean_grid", mean(grid));
  // Writes through the helper's view reach the series.
  as_matrix(series, 32)(0, 0) = -5.0; // EXPECT-NOT: ndarray-write-to-copy
  print_value("series0", series(0));
}
