// Cross-function: a reporting module takes a flatten() snapshot of a result
// grid and hands it to read-only helpers. Nothing writes the grid while the
// snapshot is in use, so the copy is unnecessary. Where the helper does
// write, or the grid changes before the snapshot is read, the copy is needed.
#include "print.hpp"

static double total(const nd::array<double>& values) {
  double sum = 0;
  for (std::ptrdiff_t i = 0; i < values.size(); ++i)
    sum += values(i);
  return sum;
}

static double peak(const nd::array<double>& values) {
  double best = values(0);
  for (std::ptrdiff_t i = 1; i < values.size(); ++i)
    best = values(i) > best ? values(i) : best;
  return best;
}

// Normalises a buffer in place (writes its argument).
static void normalise(const nd::array<double>& values, double by) {
  for (std::ptrdiff_t i = 0; i < values.size(); ++i)
    values(i) /= by;
}

int main() {
  auto grid = nd::empty<double>({96, 96});
  for (std::ptrdiff_t i = 0; i < 96; ++i)
    for (std::ptrdiff_t j = 0; j < 96; ++j)
      grid(i, j) = static_cast<double>((i * 96 + j) % 113);

  auto report = grid.flatten(); // EXPECT: ndarray-unnecessary-copy
  print_value("total", total(report));
  print_value("peak", peak(report));

  // The copy is normalised: it must be a copy, or the grid would change.
  auto scaled = grid.flatten(); // EXPECT-NOT: ndarray-unnecessary-copy
  normalise(scaled, peak(scaled));
  print_value("scaled_total", total(scaled));

  // The grid is updated while the "before" snapshot is still needed.
  auto before = grid.copy(); // EXPECT-NOT: ndarray-unnecessary-copy
  for (std::ptrdiff_t i = 0; i < 96; ++i)
    grid(i, i) = -1.0;
  print("before", before);
  print_value("diagonal", grid(5, 5));
}
