// Cross-function, call-path-conditional, two levels: a plotting module draws
// heat maps through draw() -> rasterise(), which reshapes the data into a
// pixel row. The live view passes the grid itself and the zoomed view a block
// of whole rows (views); the rotated view passes the transpose and the
// preview every other row (copies). The copy in rasterise() happens only on
// the paths through the last two calls.
#include "print.hpp"

static double rasterise(const nd::array<double>& values) {
  auto pixels = values.reshape({-1}); // EXPECT: ndarray-hidden-copy RUNS: 4
  double ink = 0;
  for (std::ptrdiff_t i = 0; i < pixels.size(); ++i)
    ink += pixels(i) * static_cast<double>(i % 3);
  return ink;
}

static void draw(const char* title, const nd::array<double>& grid) {
  print_value(title, rasterise(grid));
}

// The colour bar is drawn from a fresh array: never a copy.
static void colour_bar(double lo, double hi) {
  auto bar = nd::empty<double>({32, 64});
  for (std::ptrdiff_t i = 0; i < 32; ++i)
    for (std::ptrdiff_t j = 0; j < 64; ++j)
      bar(i, j) = lo + (hi - lo) * static_cast<double>(j) / 63.0;
  auto strip = bar.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  print("bar", strip);
}

static nd::array<double> heat_map() {
  auto heat = nd::empty<double>({48, 96});
  for (std::ptrdiff_t i = 0; i < 48; ++i)
    for (std::ptrdiff_t j = 0; j < 96; ++j)
      heat(i, j) = static_cast<double>((i * i + j) % 43);
  return heat;
}

int main() {
  auto heat = heat_map();
  draw("live", heat); // EXPECT-NOT: ndarray-hidden-copy
  draw("zoomed", heat(nd::slice(8, 40), nd::all)); // EXPECT-NOT: ndarray-hidden-copy
  draw("rotated", heat.T());
  draw("preview", heat(nd::slice(nd::none, nd::none, 2), nd::all));
  colour_bar(0.0, 42.0);
}
