// Application-like: a calibration step meant to update the caller's
// matrices, but two helpers take them by value: each writes its own copy,
// never reads it again, and the caller's matrix is unchanged. The helpers
// taking a reference update it; the one that returns its written copy and
// the one that reads it as scratch space lose nothing (not probed: any
// write-to-copy claim on them would be judged false). Two helpers write
// their copy from its own elements (`gain /= gain.norm()`): lost as well.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;

// The caller's argument, for the write probes in the callees.
static const void *Arg = nullptr;
template <class T> const T &arg() { return *static_cast<const T *>(Arg); }

// Written from its own elements: the reads only compute the writes, which
// stay in the copy.
void normalise(MatrixXd gain) {
  double before = probe::checksum(arg<MatrixXd>()); gain /= gain.norm(); probe::wrote(__LINE__, before, arg<MatrixXd>()); // EXPECT: ndarray-write-to-copy
}

void clampNegative(ArrayXXd w) {
  double before = probe::checksum(arg<ArrayXXd>()); w = w.max(0.0); probe::wrote(__LINE__, before, arg<ArrayXXd>()); // EXPECT: ndarray-write-to-copy
}

void resetBias(VectorXd bias) {
  double before = probe::checksum(arg<VectorXd>()); bias.setZero(); probe::wrote(__LINE__, before, arg<VectorXd>()); // EXPECT: ndarray-write-to-copy
}

void scaleGain(MatrixXd gain, double s) {
  double before = probe::checksum(arg<MatrixXd>()); gain *= s; probe::wrote(__LINE__, before, arg<MatrixXd>()); // EXPECT: ndarray-write-to-copy
}

void pinCorner(MatrixXd gain) {
  double before = probe::checksum(arg<MatrixXd>()); gain(0, 0) = 1.0; probe::wrote(__LINE__, before, arg<MatrixXd>()); // EXPECT: ndarray-write-to-copy
}

void scaleGainRef(MatrixXd &gain, double s) {
  double before = probe::checksum(arg<MatrixXd>()); gain *= s; probe::wrote(__LINE__, before, arg<MatrixXd>()); // EXPECT-NOT: ndarray-write-to-copy
}

MatrixXd scaledGain(MatrixXd gain, double s) {
  gain *= s;
  return gain;
}

double energyAfterScaling(MatrixXd gain, double s) {
  gain *= s;
  return gain.squaredNorm();
}

int main() {
  MatrixXd K = MatrixXd::Constant(8, 8, 0.5);
  ArrayXXd W = ArrayXXd::Constant(8, 8, -1.0);
  VectorXd b = VectorXd::Ones(8);
  Arg = &K;
  normalise(K);
  Arg = &W;
  clampNegative(W);
  Arg = &b;
  resetBias(b);
  Arg = &K;
  scaleGain(K, 3.0);
  pinCorner(K);
  scaleGainRef(K, 2.0);
  MatrixXd K2 = scaledGain(K, 2.0);
  double e = energyAfterScaling(K, 2.0);
  std::printf("%.6g %.6g %.6g %.6g %.6g\n", K.sum(), W.sum(), b.sum(), K2.sum(), e);
  return 0;
}
