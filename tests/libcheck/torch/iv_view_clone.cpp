// clone() keeps the transpose's strides, so view({-1}) of the clone throws too.
#include "print.hpp"

int main() {
  at::Tensor m = at::arange(20 * 20, at::kDouble).reshape({20, 20});
  at::Tensor c = m.t().clone();
  try {
    at::Tensor flat = c.view({-1}); // EXPECT: ndarray-impossible-view
    print("flat", flat);
  } catch (const c10::Error&) {
    threw(8);
  }
  print("c", c);
}
