// Normalising a whole gain map into the top half of an output image: the
// sizes differ, convertTo() reallocates the view, the image keeps its zeros.
#include "print.hpp"

int main() {
  cv::Mat gain(24, 32, CV_32F, cv::Scalar(0.25f));
  cv::Mat output = cv::Mat::zeros(24, 32, CV_32F);
  cv::Mat top = output.rowRange(0, 12);
  double before = checksum(output);
  gain.convertTo(top, CV_32F, 4.0); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, output);
  double again = checksum(output);
  gain.rowRange(12, 24).convertTo(output.rowRange(12, 24), CV_32F, 4.0); // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, again, output);
}
