// A mosaic of 16-bit tiles: each float tile is converted into its slot with
// the wrong depth (CV_32F instead of CV_16U). The slot has the tile's size,
// but convertTo() reallocates it to the new type, and the mosaic stays
// black; the next tile, converted to CV_16U, lands.
#include "print.hpp"

int main() {
  cv::Mat mosaic = cv::Mat::zeros(32, 64, CV_16U);
  cv::Mat tile(32, 32, CV_32F, cv::Scalar(0.25));
  cv::Mat left = mosaic.colRange(0, 32);
  double before = checksum(mosaic);
  tile.convertTo(left, CV_32F, 4096.0); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, mosaic);
  cv::Mat right = mosaic.colRange(32, 64);
  double again = checksum(mosaic);
  tile.convertTo(right, CV_16U, 4096.0); // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, again, mosaic);
  print("mosaic", mosaic);
}
