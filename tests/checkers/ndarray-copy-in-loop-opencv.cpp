// REQUIRES: opencv
// RUN: %check_ndtidy %s ndarray-copy-in-loop %t -- -- %opencv_flags

// ndarray-copy-in-loop on OpenCV's cv::Mat, against the real headers: clone()
// always copies.

#include <opencv2/core.hpp>

size_t PositiveCloneOfUnchangedMat(const cv::Mat &m, int n) {
  size_t count = 0;
  for (int i = 0; i < n; ++i) {
    cv::Mat c = m.clone();
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: clone() copies on each iteration: 'm' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    count += c.total();
  }
  return count;
}

size_t PositiveCloneReadAtOnce(const cv::Mat &m, int n) {
  size_t count = 0;
  for (int i = 0; i < n; ++i)
    count += m.clone().total();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: clone() copies on each iteration: 'm' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
  return count;
}

double PositiveCloneReadThroughAt(const cv::Mat &m, int n) {
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    cv::Mat c = m.clone();
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: clone() copies on each iteration: 'm' does not change in the loop; hoist it before the loop [ndarray-copy-in-loop]
    sum += c.at<double>(i, 0);
  }
  return sum;
}

// ---- Negative ---------------------------------------------------------------

double NegativeCloneWrittenThroughAt(const cv::Mat &m, int n) {
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    cv::Mat c = m.clone(); // written below: each iteration needs a fresh copy
    c.at<double>(0, 0) += i;
    sum += c.at<double>(0, 0);
  }
  return sum;
}

size_t NegativeCloneWritten(const cv::Mat &m, int n) {
  size_t count = 0;
  for (int i = 0; i < n; ++i) {
    cv::Mat c = m.clone(); // written below: each iteration needs a fresh copy
    c.setTo(cv::Scalar(i));
    count += c.total();
  }
  return count;
}

size_t NegativeCloneOfChangingMat(cv::Mat m, int n) {
  size_t count = 0;
  for (int i = 0; i < n; ++i) {
    cv::Mat c = m.clone();
    count += c.total();
    m = m.row(0); // 'm' is another Mat on the next iteration
  }
  return count;
}

double NegativeCloneHandedToInputArray(const cv::Mat &m, int n) {
  // Limitation, not a verdict: the copy is only read by dot(), but the check
  // does not follow a Mat into an InputArray parameter, so it stays quiet.
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    cv::Mat c = m.clone();
    sum += c.dot(c);
  }
  return sum;
}
