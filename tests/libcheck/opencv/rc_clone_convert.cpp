// clone() before convertTo(): convertTo already writes a new buffer.
#include "print.hpp"

int main() {
  cv::Mat raw(32, 32, CV_8U, cv::Scalar(17));
  cv::Mat scaled;
  raw.clone().convertTo(scaled, CV_32F, 1.0 / 255); // EXPECT: ndarray-redundant-copy-chain
  print("scaled", scaled);
}
