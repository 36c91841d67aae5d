// Reassignment is tracked: the layout is the one of the last assignment.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto v = a.T();
  v = a;
  auto view = v.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  auto w = a;
  w = a.T();
  auto copied = w.ravel(); // EXPECT: ndarray-hidden-copy
  print("view", view);
  print("copied", copied);
}
