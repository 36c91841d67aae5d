// Pasting thumbnails into a contact sheet with copyTo() into ROIs of the same
// size and type: writes in place, no allocation.
#include "print.hpp"

int main() {
  cv::Mat sheet = cv::Mat::zeros(64, 128, CV_8U);
  for (int i = 0; i < 4; ++i) {
    cv::Mat thumb(32, 32, CV_8U, cv::Scalar(40 * (i + 1)));
    thumb.copyTo(sheet(cv::Rect(32 * i, 16, 32, 32))); // EXPECT-NOT: ndarray-write-to-copy, ndarray-hidden-copy
  }
  print("sheet", sheet);
}
