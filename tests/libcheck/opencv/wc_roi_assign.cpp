// Pasting a patch with operator=: a Mat assigned to the ROI header rebinds it;
// a Scalar assigned to it fills the pixels.
#include "print.hpp"

int main() {
  cv::Mat canvas = cv::Mat::zeros(64, 64, CV_8U);
  cv::Mat patch(16, 16, CV_8U, cv::Scalar(200));
  double before = checksum(canvas);
  canvas(cv::Rect(8, 8, 16, 16)) = patch; // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, canvas);
  double again = checksum(canvas);
  canvas(cv::Rect(32, 32, 16, 16)) = cv::Scalar(90); // EXPECT-NOT: ndarray-write-to-copy, ndarray-hidden-copy
  written(__LINE__ - 1, again, canvas);
}
