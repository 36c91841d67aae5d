// Cross-function, call-path-conditional: a statistics module summarises
// samples through one helper. The per-sample summary passes a C-contiguous
// block (a view); the per-feature summary passes the transpose (a copy). The
// copy happens in the helper only when it is called from the second caller.
#include "print.hpp"

struct Summary {
  double mean = 0;
  double spread = 0;
};

// Summarises the values of `block` in row-major order.
static Summary summarise(const nd::array<double>& block) {
  auto values = block.reshape({-1}); // EXPECT: ndarray-hidden-copy RUNS: 2
  Summary s;
  for (std::ptrdiff_t i = 0; i < values.size(); ++i)
    s.mean += values(i);
  s.mean /= static_cast<double>(values.size());
  for (std::ptrdiff_t i = 0; i < values.size(); ++i)
    s.spread += (values(i) - s.mean) * (values(i) - s.mean);
  s.spread /= static_cast<double>(values.size());
  return s;
}

static nd::array<double> make_samples() {
  auto samples = nd::empty<double>({512, 8});
  for (std::ptrdiff_t i = 0; i < 512; ++i)
    for (std::ptrdiff_t f = 0; f < 8; ++f)
      samples(i, f) = static_cast<double>((i * (f + 3)) % 41) - 20.0;
  return samples;
}

static void per_sample(const nd::array<double>& samples) {
  auto s = summarise(samples); // EXPECT-NOT: ndarray-hidden-copy
  print_value("per_sample.mean", s.mean);
  print_value("per_sample.spread", s.spread);
}

static void per_feature(const nd::array<double>& samples) {
  auto features = samples.T();
  auto s = summarise(features);
  print_value("per_feature.mean", s.mean);
  print_value("per_feature.spread", s.spread);
}

int main() {
  auto samples = make_samples();
  per_sample(samples);
  per_feature(samples);
}
