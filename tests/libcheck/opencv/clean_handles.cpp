// Handle semantics: Mat copies and by-value parameters share the buffer; no
// data is copied, and stock clang-tidy's value-param warning is noise here.
#include "print.hpp"

void brighten(cv::Mat m, double amount) { m += amount; }

int main() {
  cv::Mat image(32, 32, CV_32F, cv::Scalar(1));
  cv::Mat alias = image; // EXPECT-NOT: ndarray-hidden-copy, ndarray-unnecessary-copy
  brighten(alias, 2.0); // EXPECT-NOT: ndarray-hidden-copy
  print("image", image);
}
