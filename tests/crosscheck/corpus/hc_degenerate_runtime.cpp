// Truthfulness: with an extent known only at run time, a transposed array may
// have a dimension of length 1 and then ravel() is a view. A claim that it
// copies must say "unless"; an unconditional one is false for rows == 1.
#include "print.hpp"

static void run(std::ptrdiff_t rows) {
  auto a = nd::zeros<double>({rows, 2048});
  a(0, 1) = static_cast<double>(rows);
  auto flat = a.T().ravel(); // EXPECT: ndarray-hidden-copy RUNS: 2
  print("flat", flat);
}

int main(int argc, char**) {
  run(argc);      // rows == 1: a view
  run(argc + 63); // rows == 64: a copy
}
