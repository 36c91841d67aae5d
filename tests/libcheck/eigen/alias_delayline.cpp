// Application-like: an FIR filter's delay line, shifted by one sample
// before the newest is stored at the front. `x.segment(1, Taps - 1) =
// x.segment(0, Taps - 1);` copies forward into the part it still reads:
// every later sample becomes the first one (wrong in both builds, no
// assertion); the fix-it evaluates the right side first. Shifting the
// other way (newest at the back) reads each sample before overwriting it,
// and is right.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

constexpr int Taps = 8;

int main() {
  VectorXd x(Taps);
  for (int i = 0; i < Taps; ++i)
    x(i) = 0.25 * i * i + 1;
  VectorXd refRight = x;
  refRight.segment(1, Taps - 1) = VectorXd(x.segment(0, Taps - 1));
  VectorXd refLeft = x;
  refLeft.segment(0, Taps - 1) = VectorXd(x.segment(1, Taps - 1));
  probe::aliased(__LINE__, [&] { x.segment(1, Taps - 1) = x.segment(0, Taps - 1); return probe::equal(x, refRight); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { x.segment(1, Taps - 1) = x.segment(0, Taps - 1).eval(); return probe::equal(x, refRight); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { x.head(Taps - 1) = x.tail(Taps - 1); return probe::equal(x, refLeft); }); // EXPECT-NOT: ndarray-aliasing
  // A fixed-size line: tail() has a known start.
  Matrix<double, Taps, 1> y = x;
  Matrix<double, Taps, 1> refY = y;
  refY.tail(Taps - 2) = VectorXd(y.head(Taps - 2));
  probe::aliased(__LINE__, [&] { y.tail(Taps - 2) = y.head(Taps - 2); return probe::equal(y, refY); }); // EXPECT: ndarray-aliasing
  double out = x.dot(x.reverse());
  std::printf("%g\n", out);
  return 0;
}
