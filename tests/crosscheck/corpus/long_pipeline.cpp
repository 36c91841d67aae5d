// A feature pipeline: load samples, centre each feature through a transposed
// view, take a window of every other sample, and export flat buffers.
#include "print.hpp"

static nd::array<double> load_samples(std::ptrdiff_t rows, std::ptrdiff_t cols) {
  auto raw = nd::arange<double>(static_cast<double>(rows * cols)).reshape({rows, cols});
  for (std::ptrdiff_t i = 0; i < rows; ++i)
    raw(i, i % cols) = static_cast<double>((i * 37) % 101);
  return raw;
}

static double mean_of(const nd::array<double>& values) {
  double sum = 0;
  for (std::ptrdiff_t i = 0; i < values.shape(0); ++i)
    sum += values(i);
  return sum / static_cast<double>(values.shape(0));
}

int main() {
  auto samples = load_samples(512, 16);
  // Per-feature statistics read the samples feature by feature.
  auto features = samples.T();
  auto means = nd::zeros<double>({16});
  for (std::ptrdiff_t f = 0; f < 16; ++f)
    means(f) = mean_of(features(f, nd::all));
  for (std::ptrdiff_t f = 0; f < 16; ++f)
    for (std::ptrdiff_t i = 0; i < 512; ++i)
      features(f, i) -= means(f);
  print("means", means);

  // Feature-major export for a column-oriented consumer.
  auto export_buffer = features.ravel(); // EXPECT: ndarray-hidden-copy
  print("export", export_buffer);

  // Every other sample, merged into one flat block.
  auto window = samples(nd::slice(0, 512, 2), nd::all);
  auto window_flat = window.reshape({4096}); // EXPECT: ndarray-hidden-copy
  print("window", window_flat);

  // An archive copy, copied twice by accident.
  auto archived = samples.copy().flatten(); // EXPECT: ndarray-redundant-copy-chain
  print("archived", archived);

  // A read-only snapshot for the report.
  auto report = samples.flatten(); // EXPECT: ndarray-unnecessary-copy
  double peak = 0;
  for (std::ptrdiff_t i = 0; i < report.size(); ++i)
    peak = report(i) > peak ? report(i) : peak;
  print_value("peak", peak);

  // Scaling a batch of features "in place" through flatten(): the write is lost.
  features(nd::slice(0, 8), nd::all).flatten().fill(0.0); // EXPECT: ndarray-write-to-copy
  print("samples", samples);
}
