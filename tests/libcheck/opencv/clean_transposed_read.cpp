// A transposed copy that is marked and then read, and t() inside a product
// (a gemm flag: no transposed Mat is made): no lost write, no copy claimed.
#include "print.hpp"

int main() {
  cv::Mat image(40, 24, CV_32F);
  cv::randu(image, 0, 1);
  cv::Mat turned = image.t(); // EXPECT-NOT: ndarray-unnecessary-copy
  turned.at<float>(0, 1) = 2.0f; // EXPECT-NOT: ndarray-write-to-copy
  print("turned", turned);
  cv::Mat gram = image.t() * image; // EXPECT-NOT: ndarray-write-to-copy, ndarray-redundant-copy-chain
  print("gram", gram);
}
