// Transposing a 24x40 patch into one row of a canvas: the row has another
// size, so cv::transpose() reallocates the header and the canvas is never
// written; into an ROI of the transposed size (40x24) it writes in place.
#include "print.hpp"

int main() {
  cv::Mat patch(24, 40, CV_32F, cv::Scalar(0.25));
  patch.row(3).setTo(0.75);
  cv::Mat canvas = cv::Mat::zeros(48, 48, CV_32F);
  cv::Mat band = canvas.row(0);
  double before = checksum(canvas);
  cv::transpose(patch, band); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, canvas);
  cv::Mat slot = canvas(cv::Rect(0, 8, 24, 40));
  double again = checksum(canvas);
  cv::transpose(patch, slot); // EXPECT-NOT: ndarray-write-to-copy, ndarray-hidden-copy
  written(__LINE__ - 1, again, canvas);
  print("canvas", canvas);
}
