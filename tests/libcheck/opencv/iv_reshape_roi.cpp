// Flattening a partial-width crop (BSI-OFIQ PR #25): the crop is not
// continuous, reshape(1, 1) throws; a channels-only reshape works.
#include "print.hpp"

int main() {
  cv::Mat face(32, 32, CV_8UC3, cv::Scalar(1, 2, 3));
  cv::Mat crop = face(cv::Rect(4, 4, 16, 16));
  try {
    cv::Mat vec = crop.reshape(1, 1); // EXPECT: ndarray-impossible-view
    print("vec", vec);
  } catch (const cv::Exception&) {
    threw(9);
  }
  cv::Mat planes = crop.reshape(1); // EXPECT-NOT: ndarray-impossible-view, ndarray-hidden-copy
  print("planes", planes);
}
