// Writing two rows into a header that views one row: the sizes differ, so
// copyTo() reallocates the header and the canvas never sees the rows
// (opencv #14179).
#include "print.hpp"

int main() {
  cv::Mat source(8, 40, CV_32F, cv::Scalar(3));
  cv::Mat canvas = cv::Mat::zeros(16, 40, CV_32F);
  cv::Mat target = canvas.row(4);
  double before = checksum(canvas);
  source.rowRange(0, 2).copyTo(target); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, canvas);
  double again = checksum(canvas);
  source.row(1).copyTo(canvas.row(10)); // EXPECT-NOT: ndarray-write-to-copy, ndarray-hidden-copy
  written(__LINE__ - 1, again, canvas);
}
