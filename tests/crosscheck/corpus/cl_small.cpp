// Pattern: a small array (below MinElements) copied in a loop stays quiet.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(64).reshape({8, 8});
  double total = 0;
  for (int i = 0; i < 8; ++i)
    total += a.T().ravel()(i); // EXPECT-NOT: ndarray-copy-in-loop, ndarray-hidden-copy NOFIND: below MinElements
  print_value("total", total);
}
