// Cropping with clone() and then only summing the crop: the ROI view can be
// read directly.
#include "print.hpp"

int main() {
  cv::Mat frame(64, 64, CV_8U);
  cv::randu(frame, 0, 256);
  cv::Mat crop = frame(cv::Rect(10, 10, 32, 32)).clone(); // NOFIND: the ROI is known not to be continuous, and a clone() of such a source may be deliberate (docs/checks/ndarray-unnecessary-copy.md, Limitations)
  print_value("crop_sum", cv::sum(crop)[0]);
}
