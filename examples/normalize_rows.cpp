// Normalising the rows of a feature matrix, as a preprocessing step would.
// The F-ordered input makes every row operation walk memory with a stride.
#include <nd/nd.hpp>

#include <cmath>
#include <cstdio>

static nd::array<double> normalized(const nd::array<double> &features) {
  // A defensive copy, then a converted copy of it: two full buffers.
  nd::array<float> scaled = features.copy().astype<float>();
  for (std::ptrdiff_t r = 0; r < scaled.shape()[0]; ++r) {
    float norm = 0;
    for (std::ptrdiff_t c = 0; c < scaled.shape()[1]; ++c)
      norm += scaled(r, c) * scaled(r, c);
    norm = std::sqrt(norm);
    for (std::ptrdiff_t c = 0; c < scaled.shape()[1]; ++c)
      scaled(r, c) = norm > 0 ? scaled(r, c) / norm : 0.0f;
  }
  return scaled.astype<double>();
}

int main() {
  nd::array<double> features = nd::ones<double>({256, 64}, nd::order::F);
  nd::array<double> result = normalized(features);
  double first = result(0, 0);
  std::printf("%.4f\n", first);
  return 0;
}
