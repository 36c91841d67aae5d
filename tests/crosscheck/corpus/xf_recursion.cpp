// Recursion: a multi-resolution pyramid recursively halves an
// image and ravels each level. The first call gets a transposed image (ravel
// copies); the recursive calls get fresh C-contiguous arrays (views). A
// recursive call gives Unknown; the call from main is a known entry.
// The non-recursive driver around it is analysed as usual.
#include "print.hpp"

static double pyramid_energy(const nd::array<double>& level, int depth) {
  auto flat = level.ravel(); // EXPECT: ndarray-hidden-copy RUNS: 5 (the entry from line 47 passes a transpose; the recursive calls pass fresh C arrays)
  double e = 0;
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    e += flat(i) * flat(i);
  if (depth == 0 || level.shape(0) < 2)
    return e;
  auto half = nd::zeros<double>({level.shape(0) / 2, level.shape(1) / 2});
  for (std::ptrdiff_t i = 0; i < half.shape(0); ++i)
    for (std::ptrdiff_t j = 0; j < half.shape(1); ++j)
      half(i, j) = 0.25 * (level(2 * i, 2 * j) + level(2 * i + 1, 2 * j) + level(2 * i, 2 * j + 1) +
                           level(2 * i + 1, 2 * j + 1));
  return e + pyramid_energy(half, depth - 1);
}

// Mutual recursion through a second function: equally unknown.
static double odd_levels(const nd::array<double>& level, int depth);

static double even_levels(const nd::array<double>& level, int depth) {
  auto flat = level.reshape({-1}); // EXPECT: ndarray-hidden-copy RUNS: 2 (the entry from line 49 passes a transpose)
  return depth <= 0 ? flat(0) : flat(0) + odd_levels(level(nd::slice(0, level.shape(0) / 2), nd::all), depth - 1);
}

static double odd_levels(const nd::array<double>& level, int depth) {
  return level(0, 0) + even_levels(nd::ascontiguousarray(level), depth - 1); // NOFIND: mutually recursive helper, parameter layout unknown
}

// Reads one element per row, recursing over the rows; keeps nothing.
static double column_sum(const nd::array<double>& a, std::ptrdiff_t row) {
  if (row == a.shape(0))
    return 0;
  return a(row, 0) + column_sum(a, row + 1);
}

int main() {
  auto image = nd::empty<double>({64, 128});
  for (std::ptrdiff_t i = 0; i < 64; ++i)
    for (std::ptrdiff_t j = 0; j < 128; ++j)
      image(i, j) = static_cast<double>((i * j) % 17) / 16.0;
  print_value("energy_t", pyramid_energy(image.T(), 3));
  print_value("energy", pyramid_energy(image, 0));
  print_value("alternating", even_levels(image.T(), 2));

  // Outside the recursion: a transpose raveled here is known to copy.
  auto columns = image.T().ravel(); // EXPECT: ndarray-hidden-copy
  print("columns", columns);

  // A recursive helper that only reads its argument leaves its layout known.
  auto by_column = image.T();
  print_value("first_column_sum", column_sum(by_column, 0));
  auto flat_columns = by_column.ravel(); // EXPECT: ndarray-hidden-copy
  print("flat_columns", flat_columns);
}
