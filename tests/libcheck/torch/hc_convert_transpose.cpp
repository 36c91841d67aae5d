// A feature map stored transposed and widened to double for a solver: to()
// keeps the transposed strides whether it converts (a new buffer) or not
// (the tensor itself), so flattening the result copies, and view() on it
// throws. Converting the contiguous map keeps it contiguous.
#include "print.hpp"

int main() {
  at::Tensor features = at::arange(48 * 20, at::kFloat).reshape({48, 20});
  at::Tensor wide = features.t().to(at::kDouble);
  at::Tensor flat = wide.reshape({-1}); // EXPECT: ndarray-hidden-copy
  at::Tensor same = features.t().to(at::kFloat);
  at::Tensor rows = same.contiguous(); // EXPECT: ndarray-hidden-copy
  at::Tensor host = features.t().cpu().flatten(); // EXPECT: ndarray-hidden-copy
  try {
    at::Tensor v = features.t().toType(at::kDouble).view({-1}); // EXPECT: ndarray-impossible-view
    print("v", v);
  } catch (const c10::Error&) {
    threw(15);
  }
  at::Tensor plain = features.to(at::kDouble).view({-1}); // EXPECT-NOT: ndarray-impossible-view
  at::Tensor plain_flat = features.to(at::kFloat).reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  print("flat", flat);
  print("rows", rows);
  print("host", host);
  print("plain", plain);
  print("plain_flat", plain_flat);
}
