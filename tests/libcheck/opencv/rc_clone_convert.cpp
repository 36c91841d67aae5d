// clone() before convertTo(): convertTo already writes a new buffer.
#include "print.hpp"

int main() {
  cv::Mat raw(32, 32, CV_8U, cv::Scalar(17));
  cv::Mat scaled;
  raw.clone().convertTo(scaled, CV_32F, 1.0 / 255); // NOFIND: convertTo() into an output Mat is not modelled as a copy
  print("scaled", scaled);
}
