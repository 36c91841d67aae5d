// REQUIRES: opencv
// RUN: %check_ndtidy %s ndarray-impossible-view,ndarray-hidden-copy %t -- -- %opencv_flags

// OpenCV's Mat::reshape(cn, rows) never copies. Changing the row count needs
// a continuous Mat (isContinuous()); on any other it throws, whatever its
// strides. Mats built from constant sizes have known extents, and the
// geometry of row/col/rowRange/colRange/ROI views follows from them.

#include <opencv2/core.hpp>

float PositiveColumnToRow() {
  cv::Mat table(20, 12, CV_32F, cv::Scalar(2));
  cv::Mat flat = table.col(3).reshape(1, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: reshape() throws at run time: it cannot change the row count of the array, which is not C-contiguous (isContinuous() is false; it is a partial slice) [ndarray-impossible-view]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: not C-contiguous since it was sliced partially here
  return flat.at<float>(0);
}

float PositiveRoi(int x, int y) {
  cv::Mat face(32, 32, CV_8UC3, cv::Scalar(1, 2, 3));
  cv::Mat crop = face(cv::Rect(x, y, 16, 16));
  cv::Mat vec = crop.reshape(1, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: reshape() throws at run time: it cannot change the row count of 'crop', which is not C-contiguous (isContinuous() is false; it is a partial slice) [ndarray-impossible-view]
  // CHECK-MESSAGES: :[[@LINE-3]]:23: note: not C-contiguous since it was sliced partially here
  return vec.at<uchar>(0);
}

float PositiveColumnRange() {
  cv::Mat m = cv::Mat::zeros(8, 6, CV_64F);
  cv::Mat left = m.colRange(cv::Range(0, 3));
  cv::Mat column = left.reshape(1, 24);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: reshape() throws at run time: it cannot change the row count of 'left', which is not C-contiguous {{.*}} [ndarray-impossible-view]
  return static_cast<float>(column.at<double>(0));
}

// ---- Negative cases ----------------------------------------------------------

// Whole rows of a Mat are continuous: rowRange, row and a full-width ROI.
float NegativeRows() {
  cv::Mat m(10, 8, CV_32F, cv::Scalar(1));
  cv::Mat top = m.rowRange(0, 4).reshape(1, 1);
  cv::Mat one = m.row(5).reshape(1, 2);
  cv::Mat band = m(cv::Rect(0, 2, 8, 3)).reshape(1, 1);
  return top.at<float>(0) + one.at<float>(0) + band.at<float>(0);
}

// The row count does not change, or only the channels do: no continuity
// needed.
float NegativeSameRows() {
  cv::Mat face(32, 32, CV_8UC3, cv::Scalar(1, 2, 3));
  cv::Mat crop = face(cv::Rect(4, 4, 16, 16));
  cv::Mat planes = crop.reshape(1);
  cv::Mat same = crop.reshape(1, 16);
  cv::Mat zero = crop.reshape(3, 0);
  return planes.at<uchar>(0) + same.at<uchar>(0) + zero.at<uchar>(0);
}

// A column of a one-column Mat, and a clone of a column, are continuous.
float NegativeContinuous() {
  cv::Mat narrow(20, 1, CV_32F, cv::Scalar(2));
  cv::Mat a = narrow.col(0).reshape(1, 1);
  cv::Mat table(20, 12, CV_32F, cv::Scalar(2));
  cv::Mat b = table.col(3).clone().reshape(1, 1);
  return a.at<float>(0) + b.at<float>(0);
}

// Sizes not known: nothing is claimed.
float NegativeUnknownSizes(const cv::Mat &image, int rows, int cols) {
  cv::Mat m(rows, cols, CV_32F);
  cv::Mat a = m.col(0).reshape(1, 1);
  cv::Mat b = image.col(0).reshape(1, 1);
  return a.at<float>(0) + b.at<float>(0);
}

// A Mat over caller memory may have any step.
float NegativeExternalData(float *data) {
  cv::Mat m(4, 4, CV_32F, data, 64);
  cv::Mat a = m.reshape(1, 1);
  return a.at<float>(0);
}
