// A frame handler that defensively clones the camera frame before converting
// it: convertTo() into the empty working Mat already makes the new buffer, so
// the clone is a second one. The reused output buffer, whose size and type
// already fit, is written in place: one buffer there, and no claim.
#include "print.hpp"

static cv::Mat normalise(const cv::Mat& frame) {
  cv::Mat work;
  frame.clone().convertTo(work, CV_32F, 1.0 / 255); // EXPECT: ndarray-redundant-copy-chain
  return work;
}

static void refresh(const cv::Mat& frame, cv::Mat& display) {
  frame.clone().copyTo(display); // EXPECT-NOT: ndarray-redundant-copy-chain
}

int main() {
  cv::Mat frame(48, 64, CV_8U, cv::Scalar(51));
  cv::Mat work = normalise(frame);
  cv::Mat display(48, 64, CV_8U, cv::Scalar(0));
  refresh(frame, display);
  print("work", work);
  print("display", display);
}
