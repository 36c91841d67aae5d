// A float Mat_ made from an 8-bit Mat converts silently (a full copy); the
// same-depth Mat_ is a view.
#include "print.hpp"

double mean_intensity(const cv::Mat& gray) {
  cv::Mat_<float> values = gray; // EXPECT: ndarray-hidden-copy
  double sum = 0;
  for (int r = 0; r < values.rows; ++r)
    for (int c = 0; c < values.cols; ++c) sum += values(r, c);
  return sum / values.total();
}

int main() {
  cv::Mat gray(48, 48, CV_8U);
  cv::randu(gray, 0, 256);
  cv::Mat_<uchar> bytes = gray; // EXPECT-NOT: ndarray-hidden-copy
  print_value("mean", mean_intensity(gray));
  print("bytes", bytes);
}
