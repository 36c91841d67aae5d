// view() of a transpose whose axes cannot merge throws at run time (the
// message then suggests reshape, which copies). Split axes are fine.
#include "print.hpp"

int main() {
  at::Tensor m = at::arange(16 * 24, at::kFloat).reshape({16, 24});
  try {
    at::Tensor flat = m.t().view({-1}); // EXPECT: ndarray-impossible-view
    print("flat", flat);
  } catch (const c10::Error&) {
    threw(8);
  }
  at::Tensor split = m.t().view({4, 6, 16}); // EXPECT-NOT: ndarray-impossible-view, ndarray-hidden-copy
  print("split", split);
}
