// Negative for unconditional claims: a report generator picks its row encoder
// from a table of function pointers. encode_flat() is called directly with a
// transpose (a copy) and, through the table, with a C-contiguous array (a
// view). Its callers are not all visible as calls, so the ravel() must not be
// claimed to copy on every call.
#include "print.hpp"

static double encode_flat(const nd::array<double>& table) {
  auto cells = table.ravel(); // RUNS: 2 NOFIND: also called through a function pointer with another layout
  double h = 0;
  for (std::ptrdiff_t i = 0; i < cells.size(); ++i)
    h = h * 0.5 + cells(i);
  return h;
}

static double encode_rows(const nd::array<double>& table) {
  double h = 0;
  for (std::ptrdiff_t i = 0; i < table.shape(0); ++i)
    h = h * 0.5 + table(i, 0);
  return h;
}

using Encoder = double (*)(const nd::array<double>&);

struct Format {
  const char* name;
  Encoder encode;
};

int main() {
  auto table = nd::empty<double>({128, 32});
  for (std::ptrdiff_t i = 0; i < 128; ++i)
    for (std::ptrdiff_t j = 0; j < 32; ++j)
      table(i, j) = static_cast<double>((i + 3 * j) % 19);

  // The column report always uses the flat encoder, on the transpose.
  print_value("columns", encode_flat(table.T()));

  const Format formats[] = {{"flat", &encode_flat}, {"rows", &encode_rows}};
  for (const Format& f : formats)
    print_value(f.name, f.encode(table));
}
