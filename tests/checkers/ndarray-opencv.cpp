// REQUIRES: opencv
// RUN: %check_ndtidy %s ndarray-write-to-copy,ndarray-unnecessary-copy,ndarray-hidden-copy,ndarray-redundant-copy-chain,ndarray-ambiguous-alias %t -- -- %opencv_flags

// OpenCV's cv::Mat, against the real headers. Mat::operator=(const Mat&)
// rebinds the header it is called on: on the temporary that row(), col() or
// an ROI returns, it writes nothing (mat.hpp: "will not work").

#include <opencv2/core.hpp>

void PositiveRowAssignment(cv::Mat &scan, int i, int j) {
  scan.row(i) = scan.row(j);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the assignment writes no element: operator= makes the temporary returned by row() refer to the right-hand side's data, and 'scan' is not modified; use copyTo() to copy the elements [ndarray-write-to-copy]
  // CHECK-FIXES: scan.row(j).copyTo(scan.row(i));
}

void PositiveColumnAndRoiAssignment(cv::Mat &frame, const cv::Mat &patch) {
  frame.col(0) = frame.col(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: the assignment writes no element: operator= makes the temporary returned by col() refer to the right-hand side's data, and 'frame' is not modified; use copyTo() to copy the elements [ndarray-write-to-copy]
  // CHECK-FIXES: frame.col(1).copyTo(frame.col(0));
  frame(cv::Rect(8, 8, 16, 16)) = patch;
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: the assignment writes no element: operator= makes the temporary returned by operator() refer to the right-hand side's data, and 'frame' is not modified; use copyTo() to copy the elements [ndarray-write-to-copy]
  // CHECK-FIXES: patch.copyTo(frame(cv::Rect(8, 8, 16, 16)));
}

// `= Scalar` and `= MatExpr` write into the view; copyTo() writes too; a
// handle variable rebinds as intended.
void NegativeWritesThatReach(cv::Mat &a) {
  a.row(1) = cv::Scalar(0);
  a.row(2) = a.row(3) + 0;
  a.row(7).copyTo(a.row(4));
  a.col(2).setTo(cv::Scalar(1));
  cv::Mat b = a.row(0);
  b = a.row(5);
  b.at<float>(0, 0) = 1.0f;
}

double PositiveCloneOnlyRead(const cv::Mat &image) {
  cv::Mat work = image.clone();
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'work' is a copy made by clone() that is only read, and 'image' is not modified while 'work' is in use: a handle to its source gives the same elements without copying [ndarray-unnecessary-copy]
  // CHECK-FIXES: cv::Mat work = image;
  return cv::sum(work)[0];
}

double NegativeCloneWritten(const cv::Mat &image) {
  cv::Mat out = image.clone();
  out.at<float>(0, 0) = 0.0f;
  return cv::sum(out)[0];
}
