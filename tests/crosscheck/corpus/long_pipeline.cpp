// A feature pipeline: load samples, centre each feature through a transposed
// view, take a window of every other sample, and export flat buffers.
#include "print.hpp"

// Fills the samples in place; the handle is const, so its layout stays.
static void load_samples(const nd::array<double>& raw) {
  const std::ptrdiff_t rows = raw.shape(0), cols = raw.shape(1);
  for (std::ptrdiff_t i = 0; i < rows; ++i)
    for (std::ptrdiff_t j = 0; j < cols; ++j)
      raw(i, j) = static_cast<double>(i * cols + j + (i * 37) % 101);
}

static double mean_of(const nd::array<double>& values) {
  double sum = 0;
  for (std::ptrdiff_t i = 0; i < values.shape(0); ++i)
    sum += values(i);
  return sum / static_cast<double>(values.shape(0));
}

int main() {
  auto samples = nd::empty<double>({512, 16});
  load_samples(samples);
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
