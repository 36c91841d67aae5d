// A 96x1 column vector copied into a 1x96 range of a row (StackOverflow
// q49958979, 26 letters there): rows and cols are swapped, copyTo()
// reallocates, the row stays 0.
#include "print.hpp"

int main() {
  cv::Mat letters(96, 1, CV_32F);
  for (int i = 0; i < 96; ++i) letters.at<float>(i, 0) = static_cast<float>(i + 1);
  cv::Mat table = cv::Mat::zeros(4, 128, CV_32F);
  cv::Mat cells = table.row(1).colRange(0, 96);
  double before = checksum(table);
  letters.copyTo(cells); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, table);
  cv::Mat row_vector = letters.reshape(1, 1); // EXPECT-NOT: ndarray-hidden-copy
  double again = checksum(table);
  row_vector.copyTo(table.row(2).colRange(0, 96)); // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, again, table);
}
