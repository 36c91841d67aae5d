// Cross-function, containers: a batch loader collects mini-batches into a
// std::vector. Every batch pushed is a transposed view (the source is stored
// feature-major), so each element is not C-contiguous and raveling one copies.
#include <vector>

#include "print.hpp"

static nd::array<double> feature_major(std::ptrdiff_t features, std::ptrdiff_t samples, int seed) {
  auto data = nd::empty<double>({features, samples});
  for (std::ptrdiff_t f = 0; f < features; ++f)
    for (std::ptrdiff_t s = 0; s < samples; ++s)
      data(f, s) = static_cast<double>((f * 7 + s * (seed + 1)) % 29);
  return data;
}

int main() {
  std::vector<nd::array<double>> batches;
  for (int b = 0; b < 3; ++b) {
    auto source = feature_major(32, 64, b);
    batches.push_back(source.T());
  }
  auto extra = feature_major(32, 64, 7);
  batches.emplace_back(extra.T());

  double checksum = 0;
  for (std::size_t b = 0; b < batches.size(); ++b) {
    auto flat = batches[b].ravel(); // EXPECT: ndarray-hidden-copy RUNS: 4
    for (std::ptrdiff_t i = 0; i < flat.size(); i += 97)
      checksum += flat(i);
  }
  print_value("checksum", checksum);

  // Element access and shape queries never copy.
  double corner = 0;
  for (const auto& batch : batches)
    corner += batch(0, 0) + static_cast<double>(batch.shape(1));
  print_value("corner", corner);

  auto first = batches.front().reshape({-1}); // EXPECT: ndarray-hidden-copy
  print("first", first);
}
