// Negative: an unknown function holding a handle to the source may write it.
#include "print.hpp"

struct Accumulator {
  nd::array<double> target;
  void bump() const { target(0, 0) += 1.0; }
};

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  Accumulator acc{a};
  auto frozen = a.flatten(); // EXPECT-NOT: ndarray-unnecessary-copy
  acc.bump();
  print("frozen", frozen);
  print("a", a);
}
