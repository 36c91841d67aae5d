// A column-major pipeline: features arrive as rows, get transposed for a
// column-wise step, then flattened for output. Two traps: a ravel() of the
// transpose that silently copies, and a write into a flatten() temporary
// that never reaches the source.
#include <nd/nd.hpp>

#include <cstdio>

int main() {
  nd::array<double> features = nd::arange<double>(512 * 256).reshape({512, 256});

  // features.T() is F-contiguous, not C-contiguous: this ravel() copies 1 MiB.
  nd::array<double> by_column = features.T().ravel();

  // "Zero the first element" — of a copy that is thrown away: features is
  // left unchanged.
  features.flatten()(0) = 0.0;

  double first = by_column(1);
  double kept = features(0, 0);
  std::printf("%.0f %.0f\n", first, kept);
  return 0;
}
