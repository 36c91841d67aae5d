// Cross-function, call-path-conditional, two levels: a plotting module draws
// heat maps through draw() -> rasterise(), which reshapes the data into a
// pixel row. The live view passes the grid itself (a view); the "rotated"
// view passes its transpose (a copy). The copy in rasterise() happens only
// on the path through the second call.
#include "print.hpp"

static double rasterise(const nd::array<double>& values) {
  auto pixels = values.reshape({-1}); // EXPECT: ndarray-hidden-copy RUNS: 2
  double ink = 0;
  for (std::ptrdiff_t i = 0; i < pixels.size(); ++i)
    ink += pixels(i) * static_cast<double>(i % 3);
  return ink;
}

static void draw(const char* title, const nd::array<double>& grid) {
  print_value(title, rasterise(grid));
}

int main() {
  auto heat = nd::empty<double>({48, 96});
  for (std::ptrdiff_t i = 0; i < 48; ++i)
    for (std::ptrdiff_t j = 0; j < 96; ++j)
      heat(i, j) = static_cast<double>((i * i + j) % 43);
  draw("live", heat); // EXPECT-NOT: ndarray-hidden-copy
  draw("rotated", heat.T());
}
