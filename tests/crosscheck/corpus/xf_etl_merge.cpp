// Cross-function ETL: two daily extracts are merged by a helper that returns
// nd::concatenate() (a fresh buffer). The load step copies the merged table
// again "to be safe": two buffers where one suffices. Another step copies a
// view returned by a helper, which is the one copy it needs.
#include "print.hpp"

static nd::array<double> extract(int day) {
  auto rows = nd::empty<double>({512, 8});
  for (std::ptrdiff_t i = 0; i < 512; ++i)
    for (std::ptrdiff_t j = 0; j < 8; ++j)
      rows(i, j) = static_cast<double>(day * 1000 + (i * 8 + j) % 211);
  return rows;
}

static nd::array<double> merge(const nd::array<double>& a, const nd::array<double>& b) {
  return nd::concatenate({a, b}, 0);
}

static nd::array<double> key_columns(const nd::array<double>& table) {
  return table(nd::all, nd::slice(0, 2));
}

int main() {
  auto monday = extract(1);
  auto tuesday = extract(2);

  auto staged = merge(monday, tuesday).copy(); // EXPECT: ndarray-redundant-copy-chain
  staged(0, 0) = -1.0;
  print("staged", staged);

  // One copy of the key columns: the view returned by the helper is not a copy.
  auto keys = key_columns(staged).copy(); // EXPECT-NOT: ndarray-redundant-copy-chain
  keys(0, 1) = -2.0;
  print("keys", keys);

  // Flattening the merge result directly is one more copy of a fresh buffer.
  auto wire = merge(monday, tuesday).flatten(); // EXPECT: ndarray-redundant-copy-chain
  print("wire", wire);
  print("monday", monday);
}
