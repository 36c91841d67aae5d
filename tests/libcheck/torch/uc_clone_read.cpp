// Statistics over a defensive clone that is only read, while the source is
// never written: the clone's buffer is wasted (a handle would do).
#include "print.hpp"

double energy(const at::Tensor& samples) {
  at::Tensor copy = samples.clone(); // NOFIND: a tensor passed as the argument of a torch method (copy.mul(copy)) counts as escaping
  return copy.mul(copy).sum().item<double>();
}

int main() {
  at::Tensor samples = at::linspace(0.0, 1.0, 512, at::kDouble);
  print_value("energy", energy(samples));
}
