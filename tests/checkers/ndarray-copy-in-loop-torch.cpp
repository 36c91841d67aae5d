// REQUIRES: torch
// RUN: %check_ndtidy %s ndarray-copy-in-loop,ndarray-hidden-copy %t -- -- %torch_flags

// ndarray-copy-in-loop on libtorch's at::Tensor, against the real ATen
// headers: the check asks the same model as for nd. contiguous() of a
// transpose copies (torch's is_contiguous() is NumPy's C flag); clone()
// always copies.

#include <ATen/ATen.h>

double PositiveContiguousOfTranspose(int n) {
  at::Tensor x = at::rand({300, 400});
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    auto f = x.t().contiguous();
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: contiguous() copies on each iteration: the array is not C-contiguous (it is a transpose of a C-contiguous array), and 'x' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    // CHECK-MESSAGES: :[[@LINE-2]]:16: note: not C-contiguous since it was transposed here
    sum += f.sum().item<double>();
  }
  return sum;
}

double PositiveCloneTrip() {
  at::Tensor x = at::rand({64, 64});
  double sum = 0;
  for (int i = 0; i < 10; ++i) {
    auto c = x.clone();
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: clone() copies on each iteration: 'x' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    sum += c.sum().item<double>();
  }
  return sum;
}

// ---- Negative ---------------------------------------------------------------

double NegativeSourceChanges(at::Tensor x, int n) {
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    auto f = x.t().contiguous(); // a new 'x' each iteration
    sum += f.sum().item<double>();
    x = x + 1;
  }
  return sum;
}

double NegativeContiguousOfContiguous(int n) {
  at::Tensor x = at::rand({64, 64});
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    auto f = x.contiguous(); // already C-contiguous: no copy
    sum += f.sum().item<double>();
  }
  return sum;
}

double NegativeHoisted(const at::Tensor &x, int n) {
  double sum = 0;
  auto f = x.t().contiguous();
  for (int i = 0; i < n; ++i)
    sum += f.sum().item<double>();
  return sum;
}
