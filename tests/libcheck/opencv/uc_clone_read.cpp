// A defensive clone that is only read while the source is never written:
// the copy is wasted (a handle copy would do).
#include "print.hpp"

double contrast(const cv::Mat& image) {
  cv::Mat work = image.clone(); // EXPECT: ndarray-unnecessary-copy
  double lo, hi;
  cv::minMaxLoc(work, &lo, &hi);
  return hi - lo;
}

int main() {
  cv::Mat image(40, 40, CV_32F);
  cv::randu(image, 0, 10);
  print_value("contrast", contrast(image));
}
