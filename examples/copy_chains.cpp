// Copy chains: each line below allocates two buffers where one suffices.
// Run `ND_TRACE_COPIES=all ./example_copy_chains` to watch the copies happen,
// and `scripts/demo` to see ndtidy find them without running anything.
#include <nd/nd.hpp>

#include <cstdio>

static double sum(const nd::array<double> &flat) {
  double total = 0;
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    total += flat(i);
  return total;
}

int main() {
  nd::array<double> samples = nd::arange<double>(300 * 400).reshape({300, 400});

  // "Make sure it is a copy, then flatten it": flatten() already copies.
  nd::array<double> flat = samples.copy().flatten();

  // Copying a flattened array reproduces it byte for byte.
  nd::array<double> backup = samples.flatten().copy();

  // nd::copy of a fresh copy: the second buffer is identical to the first.
  nd::array<double> snapshot = nd::copy(samples.copy());

  // Not a chain: copy() returns a C-contiguous array, so ravel() is a view.
  nd::array<double> one_buffer = samples.copy().ravel();

  std::printf("%.0f %.0f %.0f %.0f\n", sum(flat), sum(backup),
              sum(snapshot.ravel()), sum(one_buffer));
  return 0;
}
