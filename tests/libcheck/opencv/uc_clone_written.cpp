// A clone that is thresholded in place: needed, the caller's image must stay.
#include "print.hpp"

cv::Mat binarise(const cv::Mat& image, float level) {
  cv::Mat out = image.clone(); // EXPECT-NOT: ndarray-unnecessary-copy
  for (int r = 0; r < out.rows; ++r)
    for (int c = 0; c < out.cols; ++c) out.at<float>(r, c) = out.at<float>(r, c) > level ? 1.f : 0.f;
  return out;
}

int main() {
  cv::Mat image(32, 32, CV_32F);
  cv::randu(image, 0, 1);
  cv::Mat bin = binarise(image, 0.5f);
  print("image", image);
  print("bin", bin);
}
