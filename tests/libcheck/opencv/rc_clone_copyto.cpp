// clone() then copyTo() into a fresh Mat: two buffers where copyTo alone
// makes the one needed.
#include "print.hpp"

int main() {
  cv::Mat src(32, 48, CV_32F, cv::Scalar(4));
  cv::Mat dst;
  src.clone().copyTo(dst); // EXPECT: ndarray-redundant-copy-chain
  src.setTo(0);
  print("dst", dst);
}
