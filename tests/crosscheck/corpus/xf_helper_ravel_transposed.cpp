// Cross-function: an ETL step exports tables through a helper that ravels its
// argument. Every caller hands it a transposed (column-major) view, so the
// ravel() in the helper copies on every call: the copy happens in the helper,
// and the call sites are what make it copy.
#include "print.hpp"

// Flattens a table into the row-major wire format.
static nd::array<double> to_wire(const nd::array<double>& table) {
  return table.ravel(); // EXPECT: ndarray-hidden-copy RUNS: 2
}

static nd::array<double> load_orders(std::ptrdiff_t rows, std::ptrdiff_t cols) {
  auto orders = nd::empty<double>({rows, cols});
  for (std::ptrdiff_t i = 0; i < rows; ++i)
    for (std::ptrdiff_t j = 0; j < cols; ++j)
      orders(i, j) = static_cast<double>((i * 31 + j * 7) % 97);
  return orders;
}

static double checksum(const nd::array<double>& wire) {
  double sum = 0;
  for (std::ptrdiff_t i = 0; i < wire.size(); ++i)
    sum += wire(i) * static_cast<double>(i % 13);
  return sum;
}

int main() {
  // Orders are stored one record per row; the warehouse wants one field per row.
  auto orders = nd::arange<double>(8192).reshape({256, 32});
  auto by_field = orders.T();
  auto wire = to_wire(by_field);
  print("wire", wire);
  print_value("checksum", checksum(wire));

  // Returns, same shape, same treatment.
  auto returns = nd::zeros<double>({128, 64});
  for (std::ptrdiff_t i = 0; i < 128; ++i)
    returns(i, i % 64) = static_cast<double>(i);
  auto returns_wire = to_wire(returns.T());
  print("returns_wire", returns_wire);

  // The loaded table is only read row by row: no helper involved.
  auto loaded = load_orders(64, 64);
  double first_col = 0;
  for (std::ptrdiff_t i = 0; i < 64; ++i)
    first_col += loaded(i, 0);
  print_value("first_col", first_col);
}
