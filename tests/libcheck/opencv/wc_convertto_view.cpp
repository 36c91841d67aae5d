// Converting into a view of another type: convertTo() reallocates the view
// to the new type, and the 8-bit image is untouched.
#include "print.hpp"

int main() {
  cv::Mat gray(32, 32, CV_8U, cv::Scalar(10));
  cv::Mat gain(32, 32, CV_32F, cv::Scalar(2.5f));
  cv::Mat top = gray.rowRange(0, 16);
  double before = checksum(gray);
  gain.rowRange(0, 16).convertTo(top, CV_32F); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, gray);
  double again = checksum(gray);
  gain.rowRange(16, 32).convertTo(gray.rowRange(16, 32), CV_8U); // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, again, gray);
}
