// A Mat over an external buffer is a view (no allocation); clone() makes the
// owning copy that must outlive the buffer.
#include "print.hpp"

#include <vector>

cv::Mat load_frame(std::vector<float>& buffer) {
  cv::Mat view(16, 16, CV_32F, buffer.data()); // EXPECT-NOT: ndarray-hidden-copy
  return view.clone(); // EXPECT-NOT: ndarray-unnecessary-copy
}

int main() {
  std::vector<float> buffer(256, 1.25f);
  cv::Mat frame = load_frame(buffer);
  buffer.assign(256, 0.f);
  print("frame", frame);
}
