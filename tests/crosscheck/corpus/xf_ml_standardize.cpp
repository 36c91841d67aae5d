// Cross-function, a small ML preprocessing step: a Standardizer learns
// per-feature means from a (samples, features) matrix and applies them. It
// stores the training matrix feature-major (a transpose) in a private member,
// computes statistics through helpers, and exports the model. Mix of traps
// and correct code.
#include <vector>

#include "print.hpp"

static double mean_of(const nd::array<double>& feature) {
  double s = 0;
  for (std::ptrdiff_t i = 0; i < feature.shape(0); ++i)
    s += feature(i);
  return s / static_cast<double>(feature.shape(0));
}

class Standardizer {
public:
  explicit Standardizer(const nd::array<double>& samples) : by_feature_(samples.T()), means_(nd::zeros<double>({samples.shape(1)})) {
    for (std::ptrdiff_t f = 0; f < by_feature_.shape(0); ++f)
      means_(f) = mean_of(by_feature_(f, nd::all));
  }

  // Centres a batch in place (element writes reach the batch).
  void apply(const nd::array<double>& batch) const {
    for (std::ptrdiff_t i = 0; i < batch.shape(0); ++i)
      for (std::ptrdiff_t f = 0; f < batch.shape(1); ++f)
        batch(i, f) -= means_(f);
  }

  // The training data, exported feature by feature for the model card.
  nd::array<double> training_export() const {
    return by_feature_.ravel(); // EXPECT: ndarray-hidden-copy
  }

  nd::array<double> means() const { return means_; }

private:
  nd::array<double> by_feature_;
  nd::array<double> means_;
};

static nd::array<double> load(std::ptrdiff_t samples, std::ptrdiff_t features) {
  auto x = nd::empty<double>({samples, features});
  for (std::ptrdiff_t i = 0; i < samples; ++i)
    for (std::ptrdiff_t f = 0; f < features; ++f)
      x(i, f) = static_cast<double>((i * (f + 2) + f * 13) % 53);
  return x;
}

int main() {
  auto train = load(512, 8);
  Standardizer scaler(train);
  print("means", scaler.means());
  print("export", scaler.training_export());

  // Test batches are collected first and centred afterwards.
  std::vector<nd::array<double>> batches;
  for (int b = 0; b < 2; ++b)
    batches.push_back(load(256, 8));
  // The raw feature-major view of a batch, flattened for a columnar store.
  auto columnar = batches[0].T().reshape({-1}); // EXPECT: ndarray-hidden-copy
  print("columnar", columnar);
  for (const auto& batch : batches) {
    scaler.apply(batch);
    auto flat = batch.ravel(); // EXPECT-NOT: ndarray-hidden-copy
    print("batch", flat);
  }
}
