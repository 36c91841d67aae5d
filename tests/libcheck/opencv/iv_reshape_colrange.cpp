// A feature table whose first columns are a descriptor: flattening that
// column band to one row throws (the band is not continuous), while
// flattening a band of whole rows is a view.
#include "print.hpp"

int main() {
  cv::Mat features = cv::Mat::ones(24, 10, CV_32F);
  features.col(0).setTo(3);
  cv::Mat descriptor = features.colRange(0, 4);
  try {
    cv::Mat flat = descriptor.reshape(1, 1); // EXPECT: ndarray-impossible-view
    print("flat", flat);
  } catch (const cv::Exception&) {
    threw(11);
  }
  cv::Mat batch = features.rowRange(cv::Range(4, 12));
  cv::Mat batch_flat = batch.reshape(1, 1); // EXPECT-NOT: ndarray-impossible-view, ndarray-hidden-copy
  print("batch_flat", batch_flat);
  cv::Mat packed = descriptor.clone().reshape(1, 96); // EXPECT-NOT: ndarray-impossible-view
  print("packed", packed);
}
