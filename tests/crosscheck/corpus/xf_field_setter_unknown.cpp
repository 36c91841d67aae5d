// Negative, fields: a private member is initialised with a transpose, but a
// setter also stores whatever the caller passes, and the caller passes an
// array whose orientation is read from the data. Not every store has a known
// layout, so the member's layout is unknown in the methods. At run time the
// ravel() copies before the reset and is a view after it.
#include "print.hpp"

class Histogram2D {
public:
  explicit Histogram2D(const nd::array<double>& counts_xy) : counts_(counts_xy.T()) {}

  // Replaces the counts with an array of any layout.
  void reset(const nd::array<double>& counts) { counts_ = counts; }

  // Flattened counts for plotting, row-major.
  nd::array<double> flat_counts() const {
    return counts_.ravel(); // EXPECT-NOT: ndarray-hidden-copy RUNS: 2 NOFIND: a setter stores an argument of unknown layout
  }

  double total() const {
    double s = 0;
    for (std::ptrdiff_t i = 0; i < counts_.shape(0); ++i)
      for (std::ptrdiff_t j = 0; j < counts_.shape(1); ++j)
        s += counts_(i, j);
    return s;
  }

private:
  nd::array<double> counts_;
};

int main() {
  auto counts = nd::zeros<double>({48, 64});
  for (std::ptrdiff_t k = 0; k < 5000; ++k)
    counts((k * 7) % 48, (k * 13) % 64) += 1.0;
  Histogram2D h(counts);
  print("flat", h.flat_counts());
  print_value("total", h.total());

  // The replacement's orientation flag is part of the data.
  auto replacement = nd::ones<double>({32, 64});
  const bool transposed = counts(0, 0) > 100.0;
  h.reset(transposed ? replacement.T() : replacement);
  print("flat_after_reset", h.flat_counts());
  print_value("total_after_reset", h.total());
}
