// Feature flattening: a transposed feature map reshaped to 1-D is copied
// (the axes cannot merge); the same reshape of the contiguous map is a view.
#include "print.hpp"

at::Tensor column_major_features(const at::Tensor& maps) {
  at::Tensor flat = maps.t().reshape({-1}); // EXPECT: ndarray-hidden-copy
  return flat;
}

int main() {
  at::Tensor maps = at::arange(32 * 48, at::kFloat).reshape({32, 48});
  at::Tensor by_column = column_major_features(maps);
  at::Tensor by_row = maps.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  print("by_column", by_column);
  print("by_row", by_row);
}
