// Mat_<float> from an 8-bit image converts silently into a new buffer; the
// normalisation written through it never reaches the image.
#include "print.hpp"

int main() {
  cv::Mat image(32, 32, CV_8U, cv::Scalar(128));
  double before = checksum(image);
  cv::Mat_<float> view = image; // EXPECT: ndarray-hidden-copy
  view(0, 0) = 0.5f; // NOFIND: writes through a Mat_<T> are not followed (Mat_ objects are not tracked)
  written(__LINE__ - 1, before, image);
  cv::Mat_<uchar> same = image; // EXPECT-NOT: ndarray-hidden-copy
  double again = checksum(image);
  same(0, 0) = 7; // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, again, image);
}
