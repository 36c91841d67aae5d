// reshape() of a continuous Mat (whole image, a row range) is a view: no copy,
// and writes through it reach the image.
#include "print.hpp"

int main() {
  cv::Mat image(16, 24, CV_32F, cv::Scalar(1));
  cv::Mat line = image.reshape(1, 1); // EXPECT-NOT: ndarray-hidden-copy
  cv::Mat band = image.rowRange(4, 8).reshape(1, 1); // EXPECT-NOT: ndarray-hidden-copy
  double before = checksum(image);
  band.at<float>(0, 3) = 9; // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, before, image);
  print("line", line);
}
