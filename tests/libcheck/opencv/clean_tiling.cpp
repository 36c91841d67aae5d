// Image tiling with ROIs: every tile is a view; per-tile means. No copy.
#include "print.hpp"

int main() {
  cv::Mat image(64, 64, CV_32F);
  cv::randu(image, 0, 100);
  double total = 0;
  for (int ty = 0; ty < 64; ty += 16)
    for (int tx = 0; tx < 64; tx += 16) {
      cv::Mat tile = image(cv::Rect(tx, ty, 16, 16)); // EXPECT-NOT: ndarray-hidden-copy
      total += cv::mean(tile)[0];
    }
  cv::Mat band = image.rowRange(16, 32); // EXPECT-NOT: ndarray-hidden-copy
  cv::Mat column = image.col(5); // EXPECT-NOT: ndarray-hidden-copy
  print_value("tiles", total);
  print("band", band);
  print("column", column);
}
