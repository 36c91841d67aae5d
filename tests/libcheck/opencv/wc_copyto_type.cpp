// A float result copied into a double ROI: the types differ, copyTo()
// reallocates the ROI header and the write is lost.
#include "print.hpp"

int main() {
  cv::Mat result(16, 16, CV_32F, cv::Scalar(1.5));
  cv::Mat atlas = cv::Mat::zeros(64, 64, CV_64F);
  cv::Mat slot = atlas(cv::Rect(16, 16, 16, 16));
  double before = checksum(atlas);
  result.copyTo(slot); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, atlas);
  double again = checksum(atlas);
  result.convertTo(atlas(cv::Rect(32, 32, 16, 16)), CV_64F); // EXPECT-NOT: ndarray-write-to-copy, ndarray-hidden-copy
  written(__LINE__ - 1, again, atlas);
}
