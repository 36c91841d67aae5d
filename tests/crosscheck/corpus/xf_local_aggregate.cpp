// Cross-function, local aggregates: a training split is assembled into a small
// struct. The design matrix is stored as a transpose (features were collected
// column-wise), the labels as a plain vector. Fields of a local aggregate are
// tracked like variables, one per (aggregate, field): raveling train.X
// copies, raveling train.y or valid.X does not, and a field reassigned is
// followed from there.
#include "print.hpp"

struct Dataset {
  nd::array<double> X;
  nd::array<double> y;
};

static nd::array<double> collect_features(std::ptrdiff_t features, std::ptrdiff_t samples) {
  auto by_feature = nd::empty<double>({features, samples});
  for (std::ptrdiff_t f = 0; f < features; ++f)
    for (std::ptrdiff_t s = 0; s < samples; ++s)
      by_feature(f, s) = static_cast<double>((f * 19 + s * 3) % 23) / 22.0;
  return by_feature;
}

int main() {
  auto by_feature = collect_features(16, 512);
  auto labels = nd::zeros<double>({512});
  for (std::ptrdiff_t s = 0; s < 512; ++s)
    labels(s) = static_cast<double>(s % 2);

  Dataset train{by_feature.T(), labels};
  auto X_flat = train.X.ravel(); // EXPECT: ndarray-hidden-copy (the field slot 'train.X' holds the transpose stored at line 26)
  auto y_flat = train.y.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  print("X_flat", X_flat);
  print("y_flat", y_flat);

  // A validation split that stores the features sample-major: views.
  Dataset valid{nd::ascontiguousarray(by_feature(nd::all, nd::slice(0, 128)).T()), labels(nd::slice(0, 128))}; // EXPECT: ndarray-hidden-copy
  auto Xv_flat = valid.X.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  print("Xv_flat", Xv_flat);

  // Reassigning a field updates what is known about it.
  train.X = nd::ascontiguousarray(train.X); // EXPECT: ndarray-hidden-copy (train.X is still the transpose here)
  auto X_again = train.X.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  print("X_again", X_again);
}
