// Cross-function, call-path-conditional with several callers: an ETL job
// writes three tables through one CSV-row encoder that ravels its argument.
// The customers table is stored row-major (a view); the orders table arrives
// transposed and the inventory table in Fortran order, so the ravel copies
// when the encoder is called from those two lines. The header encoder is only
// given C-contiguous rows.
#include "print.hpp"

static double encode_rows(const nd::array<double>& table) {
  auto cells = table.ravel(); // EXPECT: ndarray-hidden-copy RUNS: 3
  double crc = 0;
  for (std::ptrdiff_t i = 0; i < cells.size(); ++i)
    crc = crc * 0.75 + cells(i);
  return crc;
}

static double encode_header(const nd::array<double>& first_rows) {
  auto cells = first_rows.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  double crc = 0;
  for (std::ptrdiff_t i = 0; i < cells.size(); ++i)
    crc = crc * 0.5 + cells(i);
  return crc;
}

static nd::array<double> fill_table(const nd::array<double>& t, int salt) {
  for (std::ptrdiff_t i = 0; i < t.shape(0); ++i)
    for (std::ptrdiff_t j = 0; j < t.shape(1); ++j)
      t(i, j) = static_cast<double>((i * 13 + j * salt) % 47);
  return t;
}

int main() {
  auto customers = fill_table(nd::empty<double>({256, 8}), 3);
  auto orders_by_col = fill_table(nd::empty<double>({12, 512}), 5);
  auto inventory = fill_table(nd::empty<double>({128, 16}, nd::order::F), 7);

  print_value("customers", encode_rows(customers)); // EXPECT-NOT: ndarray-hidden-copy
  print_value("orders", encode_rows(orders_by_col.T()));
  print_value("inventory", encode_rows(inventory));

  print_value("customers_header", encode_header(customers(nd::slice(0, 128), nd::all)));
  print_value("orders_header", encode_header(orders_by_col(nd::slice(0, 2), nd::all)));
}
