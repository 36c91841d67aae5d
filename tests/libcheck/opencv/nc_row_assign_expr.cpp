// The documented workaround: assigning a MatExpr (row + 0) or a Scalar to a
// row view writes the data.
#include "print.hpp"

int main() {
  cv::Mat m(16, 32, CV_32F);
  cv::randu(m, 0, 1);
  double before = checksum(m);
  m.row(0) = m.row(1) + 0; // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, before, m);
  double again = checksum(m);
  m.row(2) = cv::Scalar(0); // EXPECT-NOT: ndarray-write-to-copy, ndarray-hidden-copy
  written(__LINE__ - 1, again, m);
}
