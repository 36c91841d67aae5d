// cv::transpose() of a clone into an empty Mat: the transpose allocates its
// result anyway, so the clone is a second buffer read once.
#include "print.hpp"

int main() {
  cv::Mat frame(32, 48, CV_8U);
  cv::randu(frame, 0, 256);
  cv::Mat turned;
  cv::transpose(frame.clone(), turned); // EXPECT: ndarray-redundant-copy-chain
  frame.setTo(0);
  print("turned", turned);
}
