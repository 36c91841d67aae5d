// Cross-function, local aggregates: a training split is assembled into a small
// struct. The design matrix is stored as a transpose (features were collected
// column-wise), the labels as a plain vector. Fields of a local aggregate are
// tracked like variables: raveling ds.X copies, raveling ds.y does not.
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
  auto X_flat = train.X.ravel(); // NOFIND: fields of a local aggregate are followed as a class invariant (the join of every store), and line 38 stores a C array
  auto y_flat = train.y.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  print("X_flat", X_flat);
  print("y_flat", y_flat);

  // A validation split that stores the features sample-major: views.
  Dataset valid{nd::ascontiguousarray(by_feature(nd::all, nd::slice(0, 128)).T()), labels(nd::slice(0, 128))}; // NOFIND: the extents come from integer arguments of collect_features(), which are not followed
  auto Xv_flat = valid.X.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  print("Xv_flat", Xv_flat);

  // Reassigning a field updates what is known about it.
  train.X = nd::ascontiguousarray(train.X); // NOFIND: the class invariant of X joins this store (C) with the transpose stored at line 26
  auto X_again = train.X.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  print("X_again", X_again);
}
