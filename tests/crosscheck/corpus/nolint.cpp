// NOLINT silences a finding; the runtime still sees the copy.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto t = a.T().ravel(); // NOLINT(ndarray-hidden-copy) NOFIND: silenced by NOLINT
  auto c = a.copy().flatten(); // NOLINT
  print("t", t);
  print("c", c);
}
