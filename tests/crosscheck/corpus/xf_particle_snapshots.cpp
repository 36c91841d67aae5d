// Cross-function, fields and containers in a small N-body step: the particle
// state is a private (3, N) array allocated in Fortran order for a vectorised
// kernel. Snapshots for the trajectory file ravel it in C order, which copies
// (the member's every store is F-ordered); the snapshots themselves are fresh
// 1-D buffers collected in a std::vector, and raveling them is free.
#include <vector>

#include "print.hpp"

class Particles {
public:
  explicit Particles(std::ptrdiff_t n) : pos_(nd::zeros<double>({3, n}, nd::order::F)), n_(n) {
    for (std::ptrdiff_t i = 0; i < n_; ++i)
      for (std::ptrdiff_t d = 0; d < 3; ++d)
        pos_(d, i) = static_cast<double>((i * (d + 1)) % 17);
  }

  void drift(double dt) {
    for (std::ptrdiff_t i = 0; i < n_; ++i)
      for (std::ptrdiff_t d = 0; d < 3; ++d)
        pos_(d, i) += dt * static_cast<double>(d + 1);
  }

  // Trajectory record: x coordinates, then y, then z.
  nd::array<double> snapshot() const {
    return pos_.ravel(); // EXPECT: ndarray-hidden-copy RUNS: 4
  }

  // Per-particle interleaved (x, y, z) record: F order of a (3, N) array is a view.
  nd::array<double> interleaved() const {
    return pos_.ravel(nd::order::F); // EXPECT-NOT: ndarray-hidden-copy
  }

  void reset() { pos_ = nd::zeros<double>({3, n_}, nd::order::F); }

private:
  nd::array<double> pos_;
  std::ptrdiff_t n_;
};

int main() {
  Particles system(1024);
  std::vector<nd::array<double>> trajectory;
  for (int step = 0; step < 3; ++step) {
    system.drift(0.5);
    trajectory.push_back(system.snapshot());
  }
  print("interleaved", system.interleaved());

  double path = 0;
  for (const auto& frame : trajectory) {
    auto flat = frame.ravel(); // EXPECT-NOT: ndarray-hidden-copy
    path += flat(0) + flat(flat.size() - 1);
  }
  print_value("path", path);

  system.reset();
  print("after_reset", system.snapshot());
}
