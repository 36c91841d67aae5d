// Feature extraction: row-wise descriptors normalised in place through row
// views, then a column-wise reduction (a needed new Mat).
#include "print.hpp"

int main() {
  cv::Mat descriptors(32, 64, CV_32F);
  cv::randu(descriptors, 0, 1);
  for (int r = 0; r < descriptors.rows; ++r) {
    cv::Mat row = descriptors.row(r); // EXPECT-NOT: ndarray-hidden-copy
    row /= cv::norm(row);
  }
  cv::Mat centroid;
  cv::reduce(descriptors, centroid, 0, cv::REDUCE_AVG);
  print("centroid", centroid);
  print("descriptors", descriptors);
}
