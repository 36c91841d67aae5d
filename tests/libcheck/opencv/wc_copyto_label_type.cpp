// Labels computed as floats copied into rows of an integer label map: the
// element sizes agree (4 bytes) but the types differ (CV_32F, CV_32S), so
// copyTo() reallocates the row header and the label map keeps its zeros.
// convertTo(..., -1) keeps the source's type and is lost the same way;
// converting to CV_32S writes. store() gets its scores from main (CV_32F,
// 2x16): the claim holds for that call.
#include "print.hpp"

static void store(const cv::Mat& scores) {
  cv::Mat labels = cv::Mat::zeros(8, 16, CV_32S);
  cv::Mat head = labels.rowRange(0, 2);
  double before = checksum(labels);
  scores.copyTo(head); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, labels);
}

static void store_scaled() {
  cv::Mat labels = cv::Mat::zeros(8, 16, CV_32S);
  cv::Mat scores(2, 16, CV_32F, cv::Scalar(3));
  cv::Mat middle = labels.rowRange(2, 4);
  double before = checksum(labels);
  scores.convertTo(middle, -1, 2.0); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, labels);
  print("labels", labels);
}

int main() {
  cv::Mat labels = cv::Mat::zeros(8, 16, CV_32S);
  cv::Mat scores(2, 16, CV_32F, cv::Scalar(3));
  cv::Mat head = labels.rowRange(0, 2);
  double before = checksum(labels);
  scores.copyTo(head); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, labels);
  store(scores);
  store_scaled();
  cv::Mat tail = labels.rowRange(6, 8);
  double again = checksum(labels);
  scores.convertTo(tail, CV_32S); // EXPECT-NOT: ndarray-write-to-copy
  written(__LINE__ - 1, again, labels);
  print("labels", labels);
}
