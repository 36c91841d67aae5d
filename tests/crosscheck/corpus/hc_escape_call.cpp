// Negative: a handle passed by non-const reference may be changed by the
// callee; its layout afterwards is unknown.
#include "print.hpp"

static void untranspose(nd::array<double>& x) { x = x.T(); }

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto t = a.T();
  untranspose(t);
  auto flat = t.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  print("flat", flat);
}
