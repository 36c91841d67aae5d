// Cross-function: feature scaling. Each feature column a(:, j) of a sample
// matrix is handed to a helper that flattens it with ravel() to compute its
// range. A column of a C-ordered matrix is strided, so the ravel copies, once
// per feature: inside the helper, because of the caller's argument.
#include <vector>

#include "print.hpp"

struct Range {
  double lo, hi;
};

static Range range_of(const nd::array<double>& feature) {
  auto values = feature.ravel(); // EXPECT: ndarray-hidden-copy RUNS: 4
  Range r{values(0), values(0)};
  for (std::ptrdiff_t i = 1; i < values.size(); ++i) {
    r.lo = values(i) < r.lo ? values(i) : r.lo;
    r.hi = values(i) > r.hi ? values(i) : r.hi;
  }
  return r;
}

static void rescale(const nd::array<double>& column, Range r) {
  const double width = r.hi > r.lo ? r.hi - r.lo : 1.0;
  for (std::ptrdiff_t i = 0; i < column.shape(0); ++i)
    column(i) = (column(i) - r.lo) / width;
}

int main() {
  auto samples = nd::empty<double>({2048, 4});
  for (std::ptrdiff_t i = 0; i < 2048; ++i)
    for (std::ptrdiff_t j = 0; j < 4; ++j)
      samples(i, j) = static_cast<double>((i * (j + 1) * 17) % 1000) * (j + 1);
  std::vector<Range> ranges;
  for (std::ptrdiff_t j = 0; j < 4; ++j) {
    auto column = samples(nd::all, j);
    ranges.push_back(range_of(column));
    rescale(column, ranges.back());
  }
  for (std::size_t j = 0; j < ranges.size(); ++j)
    std::printf("feature %zu: [%g, %g]\n", j, ranges[j].lo, ranges[j].hi);
  print("scaled", samples);
}
