// A camera driver hands over frames as plain float buffers; the pipeline
// wraps them with at::from_blob (no copy: the tensor is the driver's memory,
// C-contiguous in the sizes given) and hands column-major views to a solver.
// Flattening the transposed frame copies; view() on it throws; the frame
// itself flattens as a view, and writes through it reach the driver's
// buffer. A frame wrapped with explicit strides is not judged.
#include "print.hpp"

#include <vector>

int main() {
  std::vector<float> frame(48 * 64);
  for (size_t i = 0; i < frame.size(); ++i) frame[i] = static_cast<float>(i % 97);
  at::Tensor image = at::from_blob(frame.data(), {48, 64});
  at::Tensor columns = image.t().reshape({-1}); // EXPECT: ndarray-hidden-copy
  at::Tensor packed = image.t().contiguous(); // EXPECT: ndarray-hidden-copy
  try {
    at::Tensor v = at::from_blob(frame.data(), {48, 64}, at::kFloat).t().view({-1}); // EXPECT: ndarray-impossible-view
    print("v", v);
  } catch (const c10::Error&) {
    threw(18);
  }
  at::Tensor rows = image.view({-1}); // EXPECT-NOT: ndarray-impossible-view, ndarray-hidden-copy
  at::Tensor flat = image.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  double before = checksum(image);
  image.view({-1}).mul_(0.5); // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, before, image);
  std::vector<float> strided(64 * 48);
  at::Tensor col_major = at::from_blob(strided.data(), {48, 64}, {1, 48});
  at::Tensor unknown = col_major.reshape({-1}); // NOFIND: the strides are not followed
  print("columns", columns);
  print("packed", packed);
  print("rows", rows);
  print("flat", flat);
  print("unknown", unknown);
}
