// Cross-function, lambdas: a report builder defines small lambdas and calls
// them in the same function. A lambda is a function: the one that ravels its
// parameter copies when it is given a transpose (its only call), and the one
// given only row blocks never copies.
#include "print.hpp"

int main() {
  auto table = nd::empty<double>({256, 24});
  for (std::ptrdiff_t i = 0; i < 256; ++i)
    for (std::ptrdiff_t j = 0; j < 24; ++j)
      table(i, j) = static_cast<double>((i * 11 + j * 17) % 101);

  auto column_major = [](const nd::array<double>& m) {
    return m.ravel(); // EXPECT: ndarray-hidden-copy
  };
  auto block_sum = [](const nd::array<double>& rows) {
    auto flat = rows.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
    double s = 0;
    for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
      s += flat(i);
    return s;
  };

  auto export_cols = column_major(table.T());
  print("export_cols", export_cols);
  print_value("top", block_sum(table(nd::slice(0, 128), nd::all)));
  print_value("bottom", block_sum(table(nd::slice(128, 256), nd::all)));

  // A lambda returning a view: the caller's ravel() of its result copies.
  auto every_third = [](const nd::array<double>& m) { return m(nd::slice(nd::none, nd::none, 3), nd::all); };
  auto sampled = every_third(table).ravel(); // EXPECT: ndarray-hidden-copy
  print("sampled", sampled);

  // A lambda that keeps the layout it is given: called with the table only.
  auto rows_of = [](const nd::array<double>& m, std::ptrdiff_t n) {
    return m.reshape({n, -1}); // EXPECT-NOT: ndarray-hidden-copy
  };
  auto pairs = rows_of(table, 128);
  print("pairs", pairs);

  // The same lambda object called twice, once with each layout: conditional.
  auto pack = [](const nd::array<double>& m) {
    return nd::ascontiguousarray(m); // EXPECT: ndarray-hidden-copy RUNS: 2
  };
  print("packed_rows", pack(table)); // EXPECT-NOT: ndarray-hidden-copy
  print("packed_cols", pack(table.T()));
}
