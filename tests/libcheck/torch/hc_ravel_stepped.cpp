// Every other column: reshape({-1}) of the stepped slice is a view (the rows
// are evenly spaced), while ravel() copies it because it is not contiguous.
#include "print.hpp"

int main() {
  at::Tensor signal = at::arange(16 * 64, at::kFloat).reshape({16, 64});
  at::Tensor even = signal.slice(1, 0, 64, 2); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor as_view = even.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor as_copy = even.ravel(); // EXPECT: ndarray-hidden-copy
  print("as_view", as_view);
  print("as_copy", as_copy);
}
