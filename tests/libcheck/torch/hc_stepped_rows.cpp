// Decimating the rows of a spectrogram then flattening it: the row step breaks
// the uniform spacing, so reshape copies.
#include "print.hpp"

int main() {
  at::Tensor spec = at::arange(32 * 40, at::kDouble).reshape({32, 40}).sqrt();
  at::Tensor decimated = spec.slice(0, 0, 32, 2); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor flat = decimated.reshape({-1}); // EXPECT: ndarray-hidden-copy
  at::Tensor first_rows = spec.narrow(0, 0, 8).reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  print("flat", flat);
  print("first_rows", first_rows);
}
