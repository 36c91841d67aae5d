// Mat(a.t()).clone(): the transposition already produced a fresh buffer.
#include "print.hpp"

int main() {
  cv::Mat a(24, 40, CV_64F);
  cv::randu(a, -1, 1);
  cv::Mat at = cv::Mat(a.t()).clone(); // EXPECT: ndarray-redundant-copy-chain
  a.setTo(0);
  print("at", at);
}
