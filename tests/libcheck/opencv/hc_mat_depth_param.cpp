// A function taking const Mat_<float>& called with an 8-bit Mat: the argument
// is converted into a temporary float copy at every call.
#include "print.hpp"

float peak(const cv::Mat_<float>& m) {
  float best = m(0, 0);
  for (int r = 0; r < m.rows; ++r)
    for (int c = 0; c < m.cols; ++c) best = std::max(best, m(r, c));
  return best;
}

int main() {
  cv::Mat gray(32, 32, CV_8U);
  cv::randu(gray, 0, 200);
  cv::Mat_<float> floats(32, 32, 3.0f);
  print_value("peak", peak(gray)); // EXPECT: ndarray-hidden-copy
  print_value("peak_float", peak(floats)); // EXPECT-NOT: ndarray-hidden-copy
}
