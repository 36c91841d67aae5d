// Writing a marker through a transposed Mat: t() evaluates into a new buffer,
// so the marker never reaches the image.
#include "print.hpp"

int main() {
  cv::Mat image(40, 24, CV_8U, cv::Scalar(5));
  double before = checksum(image);
  cv::Mat turned = image.t();
  turned.at<uchar>(0, 1) = 255; // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, image);
}
