// Replacing a dead sensor column by its neighbour: M.col(1) = M.col(7) does
// not copy anything either (mat.hpp says so).
#include "print.hpp"

void repair_column(cv::Mat& frame, int dead) {
  double before = checksum(frame);
  frame.col(dead) = frame.col(dead + 1); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, frame);
}

int main() {
  cv::Mat frame(24, 32, CV_16U);
  cv::randu(frame, 0, 4096);
  repair_column(frame, 5);
  print("frame", frame);
}
