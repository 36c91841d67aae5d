// Bug pattern: take() and boolean masks always copy; writing into their result is lost.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096);
  nd::array<long> picks = {1, 5, 9};
  a.take(picks).fill(-1.0); // EXPECT: ndarray-write-to-copy
  auto mask = nd::zeros<bool>({4096});
  mask(7) = true;
  a.index(mask).fill(-2.0); // EXPECT: ndarray-write-to-copy
  print("a", a);
}
