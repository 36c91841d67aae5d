// Application-like: a sample history kept newest-first and flipped for an
// oldest-first consumer. `h = h.reverse();` overwrites the first half
// before the second half reads it: wrong in both builds, no assertion.
// The shifts with head()/tail() are not reported by ndarray-aliasing (the
// left shift below is measured right; the right shift, wrong, is a known
// gap: docs/checks/ndarray-aliasing.md).
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

int main() {
  VectorXd h(8);
  for (int i = 0; i < 8; ++i)
    h(i) = i * i + 1.0;
  const VectorXd refRev = h.reverse();
  VectorXd refLeft = h;
  refLeft.head(7) = VectorXd(h.tail(7));
  probe::aliased(__LINE__, [&] { h = h.reverse(); return probe::equal(h, refRev); }); // EXPECT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { h.reverseInPlace(); return probe::equal(h, refRev); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { h = h.reverse().eval(); return probe::equal(h, refRev); }); // EXPECT-NOT: ndarray-aliasing
  probe::aliased(__LINE__, [&] { h.head(7) = h.tail(7); return probe::equal(h, refLeft); }); // EXPECT-NOT: ndarray-aliasing
  // A fixed-size window of 3 (no SIMD packet fits it).
  Vector3d w(1, 2, 4);
  const Vector3d refW = w + w.reverse().eval();
  probe::aliased(__LINE__, [&] { w += w.reverse(); return probe::equal(w, refW); }); // EXPECT: ndarray-aliasing
  std::printf("%g\n", h(0));
  return 0;
}
