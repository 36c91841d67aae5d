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

// ---- copyTo()/convertTo() into a view of another shape or type ---------------
// dst.create(size, type) reallocates a destination whose size or type
// differs: a view passed there stops viewing its array (opencv #14179).

void PositiveCopyToSmallerView() {
  cv::Mat source(8, 40, CV_32F, cv::Scalar(3));
  cv::Mat canvas = cv::Mat::zeros(16, 40, CV_32F);
  cv::Mat target = canvas.row(4);
  source.rowRange(0, 2).copyTo(target);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: the write is lost: copyTo() reallocates 'target' (a view of 'canvas'), because its shape (1x40) differs from the source's (2x40); the array it views is not modified [ndarray-write-to-copy]
}

void PositiveCopyToOtherShapeAndType() {
  cv::Mat letters(96, 1, CV_32F, cv::Scalar(1));
  cv::Mat table = cv::Mat::zeros(4, 128, CV_32F);
  cv::Mat cells = table.row(1).colRange(0, 96);
  letters.copyTo(cells);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the write is lost: copyTo() reallocates 'cells' (a view of 'table'), because its shape (1x96) differs from the source's (96x1); the array it views is not modified [ndarray-write-to-copy]
  cv::Mat result(16, 16, CV_32F, cv::Scalar(1.5));
  cv::Mat atlas = cv::Mat::zeros(64, 64, CV_64F);
  cv::Mat slot = atlas(cv::Rect(16, 16, 16, 16));
  result.copyTo(slot);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the write is lost: copyTo() reallocates 'slot' (a view of 'atlas'), because its element type (CV_64F) differs from the source's (CV_32F); the array it views is not modified [ndarray-write-to-copy]
  cv::Mat gain(32, 32, CV_32F, cv::Scalar(2.5f));
  cv::Mat gray(32, 32, CV_8U, cv::Scalar(10));
  cv::Mat top = gray.rowRange(0, 16);
  gain.convertTo(top, CV_8U);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the write is lost: convertTo() reallocates 'top' (a view of 'gray'), because its shape (16x32) differs from the source's (32x32); the array it views is not modified [ndarray-write-to-copy]
}

// A temporary view binds to `_OutputArray(const Mat&)`, which fixes its size
// and type: OpenCV asserts instead of reallocating. Not a lost write.
void NegativeTemporaryDestination() {
  cv::Mat letters(96, 1, CV_32F, cv::Scalar(1));
  cv::Mat table = cv::Mat::zeros(4, 128, CV_32F);
  letters.copyTo(table.row(1).colRange(0, 96));
}

// Matching size and type: copyTo() writes through the view.
void NegativeCopyToMatchingView(int r) {
  cv::Mat source(8, 40, CV_32F, cv::Scalar(3));
  cv::Mat canvas = cv::Mat::zeros(16, 40, CV_32F);
  source.row(1).copyTo(canvas.row(10));
  source.rowRange(0, 2).copyTo(canvas.rowRange(r, r + 2));
  cv::Mat slot = canvas(cv::Rect(0, 0, 40, 8));
  source.copyTo(slot);
  source.convertTo(canvas.rowRange(8, 16), CV_32F, 0.5);
}

// A destination that is not a view, or whose size or type is not known.
void NegativeCopyToOwnOrUnknown(const cv::Mat &input, cv::Mat &output, int n) {
  cv::Mat source(8, 40, CV_32F, cv::Scalar(3));
  cv::Mat fresh;
  source.copyTo(fresh);
  cv::Mat small(2, 2, CV_32F);
  source.copyTo(small);
  source.copyTo(output);
  cv::Mat canvas = cv::Mat::zeros(16, 40, CV_32F);
  source.copyTo(canvas.rowRange(0, n));
  input.copyTo(canvas.row(0));
  cv::Mat target = canvas.row(4);
  target = fresh;
  source.copyTo(target);
  // convertTo() picks the result's type: element sizes are not compared.
  cv::Mat gray(8, 40, CV_8U);
  source.convertTo(gray.rowRange(0, 8), CV_8U);
}

// ---- convertTo() into a view of the same size and another type -------------
// convertTo(dst, rtype) produces rtype's depth with the source's channels
// (rtype < 0: the source's type); a view of another type is reallocated.

void PositiveConvertToOtherType() {
  cv::Mat gain(16, 32, CV_32F, cv::Scalar(2.5f));
  cv::Mat gray(32, 32, CV_8U, cv::Scalar(10));
  cv::Mat top = gray.rowRange(0, 16);
  gain.convertTo(top, CV_64F);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the write is lost: convertTo() reallocates 'top' (a view of 'gray'), because its element type (CV_8U) differs from the one convertTo() produces (CV_64F); the array it views is not modified [ndarray-write-to-copy]
}

void PositiveConvertToKeepsChannels() {
  cv::Mat color(8, 8, CV_8UC3, cv::Scalar::all(1));
  cv::Mat planes = cv::Mat::zeros(16, 8, CV_32F);
  cv::Mat half = planes.rowRange(0, 8);
  color.convertTo(half, CV_32F);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the write is lost: convertTo() reallocates 'half' (a view of 'planes'), because its element type (CV_32F) differs from the one convertTo() produces (CV_32FC3); the array it views is not modified [ndarray-write-to-copy]
}

void PositiveConvertToSourceType() {
  cv::Mat weights(4, 8, CV_32F, cv::Scalar(1));
  cv::Mat counts = cv::Mat::zeros(8, 8, CV_32S);
  cv::Mat band = counts.rowRange(4, 8);
  weights.convertTo(band, -1, 0.5);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the write is lost: convertTo() reallocates 'band' (a view of 'counts'), because its element type (CV_32S) differs from the one convertTo() produces (CV_32F); the array it views is not modified [ndarray-write-to-copy]
}

// Same element size, another type: copyTo() reallocates too.
void PositiveCopyToSameSizeOtherType() {
  cv::Mat weights(4, 8, CV_32F, cv::Scalar(1));
  cv::Mat counts = cv::Mat::zeros(8, 8, CV_32S);
  cv::Mat band = counts.rowRange(0, 4);
  weights.copyTo(band);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the write is lost: copyTo() reallocates 'band' (a view of 'counts'), because its element type (CV_32S) differs from the source's (CV_32F); the array it views is not modified [ndarray-write-to-copy]
}

// The produced type matches the view's: convertTo() writes through it.
void NegativeConvertToMatchingType(int rtype) {
  cv::Mat gain(16, 32, CV_32F, cv::Scalar(2.5f));
  cv::Mat gray(32, 32, CV_8U, cv::Scalar(10));
  cv::Mat top = gray.rowRange(0, 16);
  gain.convertTo(top, CV_8U, 4.0);
  cv::Mat wide = cv::Mat::zeros(32, 32, CV_32F);
  cv::Mat upper = wide.rowRange(0, 16);
  gain.convertTo(upper, -1);
  cv::Mat color(8, 8, CV_8UC3, cv::Scalar::all(1));
  cv::Mat planes = cv::Mat::zeros(16, 8, CV_32FC3);
  cv::Mat half = planes.rowRange(0, 8);
  color.convertTo(half, CV_32FC1); // the source's 3 channels win
  // rtype not a constant: nothing is claimed.
  cv::Mat lower = gray.rowRange(16, 32);
  gain.convertTo(lower, rtype);
}

// The source's or the view's type is unknown, the source may be empty, or
// the destination is not a view (reallocating a local loses nothing).
void NegativeConvertToUnknownType(const cv::Mat &input, int type, int rows) {
  cv::Mat gray(32, 32, CV_8U, cv::Scalar(10));
  cv::Mat top = gray.rowRange(0, 16);
  input.convertTo(top, CV_64F);
  cv::Mat other(32, 32, type);
  cv::Mat part = other.rowRange(0, 16);
  cv::Mat gain(16, 32, CV_32F, cv::Scalar(2.5f));
  gain.convertTo(part, CV_64F);
  cv::Mat some(rows, 32, CV_32F);
  cv::Mat bottom = gray.rowRange(16, 32);
  some.convertTo(bottom, CV_64F);
  cv::Mat result(16, 32, CV_8U);
  gain.convertTo(result, CV_64F);
}

// ---- clone() before copyTo()/convertTo() into an empty Mat -----------------
// The copy into the empty Mat allocates its buffer: the clone's is a second
// one. The empty local cannot share the source's data, so clone() can go.

void PositiveCloneThenCopyTo(const cv::Mat &input) {
  cv::Mat src(32, 48, CV_32F, cv::Scalar(4));
  cv::Mat dst;
  src.clone().copyTo(dst);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'copyTo()' copies the fresh array returned by 'clone()' into the empty 'dst': two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-FIXES: src.copyTo(dst);
  cv::Mat scaled;
  input.clone().convertTo(scaled, CV_32F, 1.0 / 255);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'convertTo()' copies the fresh array returned by 'clone()' into the empty 'scaled' (unless the source is empty): two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-FIXES: input.convertTo(scaled, CV_32F, 1.0 / 255);
}

// The destination may already have the right size and type (then copyTo
// writes in place: one buffer), shares the source, or the source is empty.
void NegativeCloneThenCopyTo(cv::Mat &out) {
  cv::Mat src(32, 48, CV_32F, cv::Scalar(4));
  src.clone().copyTo(out);
  cv::Mat fits(32, 48, CV_32F);
  src.clone().copyTo(fits);
  cv::Mat shared;
  shared = src;
  src.clone().copyTo(shared);
  cv::Mat none(0, 48, CV_32F);
  cv::Mat still;
  none.clone().copyTo(still);
  cv::Mat looped;
  for (int i = 0; i < 3; ++i)
    src.clone().copyTo(looped);
  cv::Mat direct;
  src.copyTo(direct);
}

// ---- t() and cv::transpose() -------------------------------------------------
// The MatExpr t() returns, converted to a Mat, is evaluated into a new buffer
// (MatOp_T::assign calls cv::transpose into the fresh Mat): writes to it never
// reach the source. cv::transpose(src, dst) creates dst with the transposed
// size first, reallocating a view of another size or type, like copyTo().

void PositiveTransposedWrite() {
  cv::Mat image(64, 48, CV_8U, cv::Scalar(5));
  cv::Mat turned = image.t();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the writes to 'turned' are lost: the cv::Mat made from t() is a new buffer, 'image' is not modified, and 'turned' is never read [ndarray-write-to-copy]
  turned.at<uchar>(0, 1) = 255;
}

void PositiveTransposeIntoView() {
  cv::Mat source(24, 40, CV_32F, cv::Scalar(1));
  cv::Mat canvas = cv::Mat::zeros(40, 40, CV_32F);
  cv::Mat top = canvas.row(0);
  cv::transpose(source, top);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the write is lost: cv::transpose() reallocates 'top' (a view of 'canvas'), because its shape (1x40) differs from the one cv::transpose() produces (40x24); the array it views is not modified [ndarray-write-to-copy]
  cv::Mat wide = cv::Mat::zeros(48, 48, CV_64F);
  cv::Mat slot = wide(cv::Rect(0, 0, 24, 40));
  cv::transpose(source, slot);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the write is lost: cv::transpose() reallocates 'slot' (a view of 'wide'), because its element type (CV_64F) differs from the source's (CV_32F); the array it views is not modified [ndarray-write-to-copy]
}

void PositiveTransposeOfCloneIntoEmpty(const cv::Mat &input) {
  cv::Mat turned;
  cv::transpose(input.clone(), turned);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cv::transpose()' copies the fresh array returned by 'clone()' into the empty 'turned' (unless the source is empty): two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-FIXES: cv::transpose(input, turned);
}

cv::Mat PositiveCloneOfTransposed() {
  cv::Mat a(48, 64, CV_64F, cv::Scalar(1));
  cv::Mat at = cv::Mat(a.t()).clone();
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'clone()' copies the fresh array returned by 't()': two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-FIXES: cv::Mat at = (cv::Mat(a.t()));
  return at;
}

// The transposed Mat is read, a view of the transposed size and type is
// written through, the result feeds arithmetic (no Mat is made: a gemm flag),
// or a temporary view is the destination (fixed size: OpenCV asserts).
double NegativeTransposed(const cv::Mat &b, int n) {
  cv::Mat image(64, 48, CV_8U, cv::Scalar(5));
  cv::Mat turned = image.t();
  turned.at<uchar>(0, 1) = 255;
  double total = cv::sum(turned)[0];
  cv::Mat source(24, 40, CV_32F, cv::Scalar(1));
  cv::Mat canvas = cv::Mat::zeros(48, 48, CV_32F);
  cv::Mat slot = canvas(cv::Rect(0, 0, 24, 40));
  cv::transpose(source, slot);
  cv::transpose(source, canvas.rowRange(0, 2));
  cv::Mat rows = canvas.rowRange(0, n);
  cv::transpose(source, rows);
  cv::Mat product = source.t() * b;
  cv::Mat empty;
  cv::transpose(source, empty);
  return total + cv::sum(product)[0] + cv::sum(empty)[0];
}

// ---- Mat_<T> from a Mat of another depth -------------------------------------

// Mat_<T>'s constructor converts a Mat of another depth into a new buffer
// (convertTo); a parameter of such a type converts every argument passed.
float peakOf(const cv::Mat_<float> &m) { return m(0, 0); }

float PositiveMatOfOtherDepth() {
  cv::Mat gray(64, 48, CV_8U, cv::Scalar(7));
  cv::Mat_<float> values = gray;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: converting 'gray' to cv::Mat_<float> copies 12288 bytes: 'gray' holds CV_8U elements and cv::Mat_<float> holds CV_32F, so its constructor converts them into a new buffer [ndarray-hidden-copy]
  cv::Mat color(64, 48, CV_8UC3);
  cv::randu(color, 0, 255);
  cv::Mat3d wide(color);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: converting 'color' to cv::Mat3d copies 73728 bytes: 'color' holds CV_8UC3 elements and cv::Mat3d holds CV_64FC3, so its constructor converts them into a new buffer [ndarray-hidden-copy]
  float peak = peakOf(gray.rowRange(0, 32));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: converting the array to cv::Mat_<float> copies 6144 bytes: the array holds CV_8U elements and cv::Mat_<float> holds CV_32F, so its constructor converts them into a new buffer [ndarray-hidden-copy]
  return values(0, 0) + peak + static_cast<float>(wide(0, 0)[0]);
}

// In a function, the argument's type is known from its callers.
double meanOf(const cv::Mat &image) {
  cv::Mat_<double> values = image;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: converting 'image' to cv::Mat_<double> copies when 'meanOf' is called from line [[@LINE+7]]: 'image' holds CV_32F elements and cv::Mat_<double> holds CV_64F, so its constructor converts them into a new buffer [ndarray-hidden-copy]
  return values(0, 0);
}

double PositiveParameterOfOtherDepth() {
  cv::Mat samples(40, 40, CV_32F);
  cv::randn(samples, 0, 1);
  return meanOf(samples);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: 'meanOf' is called here
}

// Same type: a header sharing the Mat's data. Same depth, other channels:
// a reshape (a view). A Mat whose type a function may have changed
// (create(), an OutputArray) or that comes from elsewhere: not known.
double NegativeMatOfSameTypeOrUnknown(const cv::Mat &input, cv::Mat &out) {
  cv::Mat gray(64, 48, CV_8U, cv::Scalar(7));
  cv::Mat_<uchar> bytes = gray;
  cv::Mat_<cv::Vec2b> pairs = gray.reshape(2);
  cv::Mat_<float> fromInput = input;
  cv::Mat scaled(64, 48, CV_8U);
  cv::normalize(gray, scaled, 0, 1, cv::NORM_MINMAX, CV_32F);
  cv::Mat_<float> normalized = scaled;
  out.create(64, 48, CV_8U);
  out.create(64, 48, CV_32F);
  cv::Mat_<float> result = out;
  cv::Mat empty;
  cv::Mat_<float> nothing = empty;
  return bytes(0, 0) + pairs(0, 0)[0] + fromInput(0, 0) + normalized(0, 0) +
         result(0, 0) + (nothing.empty() ? 0 : 1);
}
