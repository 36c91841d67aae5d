// reshape(cn, rows) of a column view: not continuous, the row count cannot
// change, and OpenCV throws.
#include "print.hpp"

int main() {
  cv::Mat table(20, 12, CV_32F, cv::Scalar(2));
  try {
    cv::Mat flat = table.col(3).reshape(1, 1); // EXPECT: ndarray-impossible-view
    print("flat", flat);
  } catch (const cv::Exception&) {
    threw(8);
  }
  cv::Mat fine = table.col(3).clone().reshape(1, 1); // EXPECT-NOT: ndarray-impossible-view
  print("fine", fine);
}
