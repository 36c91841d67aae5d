// Application-like: a trajectory smoother meant to normalise, damp and pin
// the columns of the caller's direction matrix in place, through helpers
// that take their vector by value. Given a column (a Block view), each call
// builds a new vector, the helper writes only that, and the matrix is
// unchanged. The helper taking Ref<VectorXd> updates the matrix; the one
// that returns its written copy, and the one that reads it, lose nothing.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

// The caller's matrix, for the write probes in the helpers.
static const MatrixXd *Dirs = nullptr;

void normaliseInPlace(VectorXd d) {
  double before = probe::checksum(*Dirs); d.normalize(); probe::wrote(__LINE__, before, *Dirs); // EXPECT: ndarray-write-to-copy
}

void damp(VectorXd v, double factor) {
  double before = probe::checksum(*Dirs); v *= factor; probe::wrote(__LINE__, before, *Dirs); // EXPECT: ndarray-write-to-copy
}

void pinStart(VectorXd v) {
  double before = probe::checksum(*Dirs); v(0) = 0.0; probe::wrote(__LINE__, before, *Dirs); // EXPECT: ndarray-write-to-copy
}

// Reads its copy only to compute its own writes: lost as well.
void unitise(VectorXd d) {
  double before = probe::checksum(*Dirs); d /= d.norm(); probe::wrote(__LINE__, before, *Dirs); // EXPECT: ndarray-write-to-copy
}

void dampRef(Ref<VectorXd> v, double factor) { v *= factor; }

VectorXd normalised(VectorXd d) {
  d.normalize();
  return d;
}

double energy(VectorXd v) {
  v *= 0.5;
  return v.squaredNorm();
}

int main() {
  MatrixXd dirs(6, 40);
  for (int i = 0; i < dirs.size(); ++i)
    dirs(i % 6, i / 6) = 1.0 + i % 5;
  Dirs = &dirs;
  double before = 0;
  probe::from(dirs); before = probe::checksum(dirs); normaliseInPlace(dirs.col(3)); probe::done(__LINE__); probe::wrote(__LINE__, before, dirs); // EXPECT: ndarray-hidden-temporary
  probe::from(dirs); before = probe::checksum(dirs); damp(dirs.col(4), 0.5); probe::done(__LINE__); probe::wrote(__LINE__, before, dirs); // EXPECT: ndarray-hidden-temporary
  probe::from(dirs); before = probe::checksum(dirs); pinStart(dirs.row(2).transpose()); probe::done(__LINE__); probe::wrote(__LINE__, before, dirs); // EXPECT: ndarray-hidden-temporary
  probe::from(dirs); before = probe::checksum(dirs); unitise(dirs.col(8)); probe::done(__LINE__); probe::wrote(__LINE__, before, dirs); // EXPECT: ndarray-hidden-temporary
  probe::from(dirs); before = probe::checksum(dirs); dampRef(dirs.col(5), 0.5); probe::done(__LINE__); probe::wrote(__LINE__, before, dirs); // EXPECT-NOT: ndarray-hidden-temporary
  // Copies too, as a by-value parameter announces; nothing is lost.
  VectorXd unit = normalised(dirs.col(6));
  double e = energy(dirs.col(7));
  std::printf("%.6g %.6g %.6g\n", dirs.sum(), unit.sum(), e);
  return 0;
}
