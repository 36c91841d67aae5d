#include "stats.hpp"

#include <cstdio>

int main() {
  nd::array<double> grid = nd::arange<double>(12).reshape({3, 4});
  nd::array<double> backup = nd::copy(grid.copy());
  std::printf("%.1f %.1f %.1f\n", sample::total(grid),
              sample::total(sample::flattened_snapshot(grid)),
              sample::total(sample::centered(backup)));
  return 0;
}
