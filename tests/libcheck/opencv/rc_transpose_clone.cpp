// Mat(a.t()).clone(): the transposition already produced a fresh buffer.
#include "print.hpp"

int main() {
  cv::Mat a(24, 40, CV_64F);
  cv::randu(a, -1, 1);
  cv::Mat at = cv::Mat(a.t()).clone(); // NOFIND: MatExpr results (t()) are not modelled
  a.setTo(0);
  print("at", at);
}
