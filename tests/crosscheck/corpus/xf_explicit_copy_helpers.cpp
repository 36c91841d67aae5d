// Mostly negative: helpers that copy on purpose. to_contiguous() makes the
// layout explicit with ascontiguousarray() (which copies here, in the helper,
// because its caller passes a transpose), and everything downstream of it is
// a view. detached() returns an explicit copy that the caller modifies, which
// is what a copy is for.
#include "print.hpp"

static nd::array<double> to_contiguous(const nd::array<double>& x) {
  return nd::ascontiguousarray(x); // EXPECT: ndarray-hidden-copy
}

static nd::array<double> detached(const nd::array<double>& x) {
  return x.flatten(); // EXPECT-NOT: ndarray-unnecessary-copy
}

int main() {
  auto scores = nd::empty<double>({64, 96});
  for (std::ptrdiff_t i = 0; i < 64; ++i)
    for (std::ptrdiff_t j = 0; j < 96; ++j)
      scores(i, j) = static_cast<double>((i * 96 + j) % 101) / 100.0;

  auto by_judge = to_contiguous(scores.T());
  auto stream = by_judge.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  auto blocks = by_judge.reshape({96, 8, 8}); // EXPECT-NOT: ndarray-hidden-copy
  print("stream", stream);
  print("blocks", blocks);

  // A scratch buffer: modified and read, the source stays intact.
  auto scratch = detached(scores);
  for (std::ptrdiff_t i = 0; i < scratch.size(); ++i)
    scratch(i) = scratch(i) > 0.5 ? 1.0 : 0.0; // EXPECT-NOT: ndarray-write-to-copy
  print("scratch", scratch);
  print("scores", scores);

  // Per-judge normalisation: explicit copies that are written and returned.
  double best = 0;
  for (std::ptrdiff_t judge = 0; judge < 4; ++judge) {
    auto column = detached(scores(nd::all, judge));
    double top = 0;
    for (std::ptrdiff_t i = 0; i < column.size(); ++i)
      top = column(i) > top ? column(i) : top;
    for (std::ptrdiff_t i = 0; i < column.size(); ++i)
      column(i) /= top > 0 ? top : 1.0; // EXPECT-NOT: ndarray-write-to-copy
    best += column(column.size() - 1);
  }
  print_value("best", best);
}
