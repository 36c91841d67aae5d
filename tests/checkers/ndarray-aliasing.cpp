// REQUIRES: eigen
// RUN: %check_ndtidy %s ndarray-aliasing %t -- -- %eigen_flags

// Eigen 3.4, against the real headers: an assignment whose lazy right side
// reads the destination in another order (its transpose, its reverse), or
// a product that reads the destination under `noalias()`. Each case is run
// against the library in tests/libcheck/eigen/alias_*.cpp (wrong result
// in the -DNDEBUG build, abort in the debug build).

#include <Eigen/Dense>

using Eigen::ArrayXXd;
using Eigen::Matrix3d;
using Eigen::MatrixXd;
using Eigen::Vector3d;
using Eigen::VectorXd;

void PositiveTransposeDynamic(MatrixXd &a) {
  a = a.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result when 'a' has more than one row and more than one column; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a.transposeInPlace();{{$}}
}

void PositiveTransposeFixed() {
  Matrix3d r = Matrix3d::Identity(); // a rotation
  // Invert it.
  r = r.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'r' reads the transpose of 'r' after overwriting some of its elements: wrong result; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  r.transposeInPlace();{{$}}
}

void PositiveTransposeArray(ArrayXXd &x) {
  x = x.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'x' reads the transpose of 'x' after overwriting some of its elements: wrong result when 'x' has more than one row and more than one column; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  x.transposeInPlace();{{$}}
}

void PositiveSymmetrise(MatrixXd &a) {
  a = a + a.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result when 'a' has more than one row and more than one column; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a = a + a.transpose();{{$}}
}

void PositiveCompound(Matrix3d &a) {
  a += a.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  a -= 0.5 * a.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
}

void PositiveNoAliasTranspose(MatrixXd &a) {
  a.noalias() = a.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result when 'a' has more than one row and more than one column; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a.noalias() = a.transpose();{{$}}
}

void PositiveUnderUnary(MatrixXd &a) {
  a = a.transpose().cwiseAbs();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result when 'a' has more than one row and more than one column [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a = a.transpose().cwiseAbs();{{$}}
}

struct Pose {
  Matrix3d R;
  void invertRotation() {
    R = R.transpose();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: assignment to 'R' reads the transpose of 'R' after overwriting some of its elements: wrong result; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
    // CHECK-FIXES: {{^}}    R.transposeInPlace();{{$}}
  }
};

void PositiveReverse(VectorXd &v) {
  v = v.reverse();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'v' reads the reverse of 'v' after overwriting some of its elements: wrong result when 'v' has more elements than one SIMD packet holds, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  v.reverseInPlace();{{$}}
}

void PositiveReverseSum(Vector3d &v) {
  v += v.reverse();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'v' reads the reverse of 'v' after overwriting some of its elements: wrong result when 'v' has more elements than one SIMD packet holds, which no assertion catches [ndarray-aliasing]
}

// One axis reversed (`colwise().reverse()` reverses each column, the order
// of the rows): along the outer axis of the storage order wrong with two
// or more entries on it, along the inner one once it is longer than one
// SIMD packet, or of odd length >= 3 (measured:
// tests/libcheck/eigen/measure/alias_reverse_axis.cpp).
void PositiveColwiseReverse(MatrixXd &a) {
  a = a.colwise().reverse();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the column-wise reverse of 'a' after overwriting some of its elements: wrong result when 'a' has more rows than one SIMD packet holds and at least one column, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a.colwise().reverseInPlace();{{$}}
}

void PositiveRowwiseReverse(MatrixXd &a) {
  a = a.rowwise().reverse();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the row-wise reverse of 'a' after overwriting some of its elements: wrong result when 'a' has more than one column and at least one row, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a.rowwise().reverseInPlace();{{$}}
}

void PositiveRowwiseReverseSum(ArrayXXd &x) {
  x += x.rowwise().reverse();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'x' reads the row-wise reverse of 'x' after overwriting some of its elements: wrong result when 'x' has more than one column and at least one row, which no assertion catches [ndarray-aliasing]
}

void PositiveReverseAxisRowMajor(
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> &r) {
  r = r.colwise().reverse();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'r' reads the column-wise reverse of 'r' after overwriting some of its elements: wrong result when 'r' has more than one row and at least one column, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  r.colwise().reverseInPlace();{{$}}
  r = r.rowwise().reverse();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'r' reads the row-wise reverse of 'r' after overwriting some of its elements: wrong result when 'r' has more columns than one SIMD packet holds and at least one row, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  r.rowwise().reverseInPlace();{{$}}
}

void PositiveReverseAxisFixed(Matrix3d &m, Eigen::Matrix4d &q) {
  m = m.colwise().reverse();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'm' reads the column-wise reverse of 'm' after overwriting some of its elements: wrong result, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  m.colwise().reverseInPlace();{{$}}
  q = q.colwise().reverse();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'q' reads the column-wise reverse of 'q' after overwriting some of its elements: wrong result when 'q' has more rows than one SIMD packet holds, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  q.colwise().reverseInPlace();{{$}}
  q = q.rowwise().reverse();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'q' reads the row-wise reverse of 'q' after overwriting some of its elements: wrong result, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  q.rowwise().reverseInPlace();{{$}}
}

#define FLIP_ROWS(m) m = m.colwise().reverse()
void PositiveReverseAxisMacroNoFix(MatrixXd &a) {
  FLIP_ROWS(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the column-wise reverse of 'a' after overwriting some of its elements: wrong result when 'a' has more rows than one SIMD packet holds and at least one column, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  FLIP_ROWS(a);{{$}}
}

void PositiveNoAliasProduct(MatrixXd &a, const MatrixXd &b) {
  a.noalias() = a * b;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the product writes into 'a' while it still reads 'a' as its left factor, although the no-alias assignment promises it does not: wrong result when 'a' has more than one column, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a = a * b;{{$}}
  a.noalias() = b * a;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the product writes into 'a' while it still reads 'a' as its right factor, although the no-alias assignment promises it does not: wrong result when 'a' has more than one row, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a = b * a;{{$}}
}

void PositiveNoAliasProductFixed(Matrix3d &a, const Matrix3d &b) {
  a.noalias() = a * b;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the product writes into 'a' while it still reads 'a' as its left factor, although the no-alias assignment promises it does not: wrong result, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a = a * b;{{$}}
}

#define TRANSPOSE_IN_PLACE(m) m = m.transpose()
void PositiveMacroNoFix(MatrixXd &a) {
  TRANSPOSE_IN_PLACE(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result when 'a' has more than one row and more than one column; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  TRANSPOSE_IN_PLACE(a);{{$}}
}

void PositiveNotAStatement(MatrixXd &a, MatrixXd &b) {
  b = a = a.transpose();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result when 'a' has more than one row and more than one column; debug builds abort on the library's aliasing assertion [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  b = a = a.transpose();{{$}}
}

// Negative: evaluated first, another variable, in place, products without
// a no-alias promise, vectors and 1x1 shapes fixed at compile time.
void NegativeEval(MatrixXd &a) { a = a.transpose().eval(); }
void NegativeOther(MatrixXd &a, const MatrixXd &b) { a = b.transpose(); }
void NegativeInPlace(MatrixXd &a) { a.transposeInPlace(); }
void NegativeProduct(MatrixXd &a, const MatrixXd &b) { a = a * b; }
void NegativeProductTransposed(MatrixXd &a, const MatrixXd &b) {
  a = a.transpose() * b;
}
void NegativeNoAliasOther(MatrixXd &a, const MatrixXd &b, const MatrixXd &c) {
  a.noalias() = b * c;
}
void NegativeVectorTranspose(VectorXd &v, Eigen::RowVectorXd &r) {
  r = v.transpose();
  v = r.transpose();
  r = r.transpose().transpose();
}
void NegativeOneByOne(Eigen::Matrix<double, 1, 1> &s) { s = s.transpose(); }
void NegativeColumnCopy(MatrixXd &a) { a.col(1) = a.col(0); }
void NegativeReverseEval(VectorXd &v) { v = v.reverse().eval(); }
void NegativeReverseInPlace(VectorXd &v) { v.reverseInPlace(); }
void NegativeColwiseReverse(MatrixXd &a) { a = a.colwise().reverse().eval(); }
void NegativeReverseAxisInPlace(MatrixXd &a) { a.rowwise().reverseInPlace(); }
void NegativeReverseAxisOther(MatrixXd &a, const MatrixXd &b) {
  a = b.colwise().reverse();
}
// The reversed axis has one entry: nothing moves.
void NegativeReverseAxisOfLengthOne(VectorXd &v, Eigen::RowVectorXd &r) {
  v = v.rowwise().reverse();
  r = r.colwise().reverse();
}
void NegativeCopy(MatrixXd &a, const MatrixXd &b) { a = b; }
// With a product among the operands Eigen may evaluate into a temporary
// first: `a = a.transpose() + a * b` is right (measured), and
// `a = a * b + a.transpose()` wrong; neither is reported.
void NegativeWithProduct(MatrixXd &a, const MatrixXd &b) {
  a = a.transpose() + a * b;
  a = a * b + a.transpose();
}
// One extent fixed, one not: not reported.
void NegativeMixedExtents(Eigen::Matrix<double, 3, Eigen::Dynamic> &m) {
  m = m.transpose();
}
void NegativeElementWise(MatrixXd &a, const MatrixXd &b) { a = a + b; }

template <class M> void NegativeDependent(M &m) { m = m.transpose(); }
template <class T> void NegativeDependentScalar(Eigen::Matrix<T, 3, 3> &m) {
  m = m.transpose();
}

// Overlapping parts of one object (tests/libcheck/eigen/measure/
// alias_overlap.cpp measures every placement): the copy runs through the
// destination in storage order, so it is wrong when the destination starts
// after the source. A shift across columns (of a column-major matrix) is
// wrong whatever the SIMD packets; a shift within the same columns, or
// along a vector, is right when each column fits one packet exactly.
void PositiveShiftRight(VectorXd &v) {
  v.segment(1, 4) = v.segment(0, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a block of 'v' reads an overlapping block of 'v' after overwriting some of its elements: wrong result when the blocks have more elements than one SIMD packet holds, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  v.segment(1, 4) = v.segment(0, 4).eval();{{$}}
}

void PositiveTailHeadFixed(Eigen::Matrix<double, 8, 1> &w) {
  w.tail(6) = w.head(6);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a block of 'w' reads an overlapping block of 'w' after overwriting some of its elements: wrong result when the blocks have more elements than one SIMD packet holds, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  w.tail(6) = w.head(6).eval();{{$}}
}

void PositiveSegmentCompound(VectorXd &v) {
  const int shift = 2;
  v.segment(shift, 5) += v.segment(0, 5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a block of 'v' reads an overlapping block of 'v' after overwriting some of its elements: wrong result when the blocks have more elements than one SIMD packet holds, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  v.segment(shift, 5) += v.segment(0, 5).eval();{{$}}
}

void PositiveBlockAcrossColumns(MatrixXd &a) {
  a.block(1, 1, 2, 2) = a.block(0, 0, 2, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a block of 'a' reads an overlapping block of 'a' after overwriting some of its elements: wrong result, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a.block(1, 1, 2, 2) = a.block(0, 0, 2, 2).eval();{{$}}
  // Up a row but one column right: still a later column.
  a.block(0, 1, 2, 2) = a.block(1, 0, 2, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a block of 'a' reads an overlapping block of 'a' after overwriting some of its elements: wrong result, which no assertion catches [ndarray-aliasing]
}

void PositiveBlockWithinColumns(Eigen::Matrix4d &a) {
  a.block(1, 0, 3, 4) = a.block(0, 0, 3, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a block of 'a' reads an overlapping block of 'a' after overwriting some of its elements: wrong result when the blocks' columns have more elements than one SIMD packet holds, which no assertion catches [ndarray-aliasing]
}

void PositiveBlockRowMajor(
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> &r) {
  // Row-major: rows are the outer slices.
  r.block(0, 1, 3, 3) = r.block(0, 0, 3, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a block of 'r' reads an overlapping block of 'r' after overwriting some of its elements: wrong result when the blocks' rows have more elements than one SIMD packet holds, which no assertion catches [ndarray-aliasing]
  r.block(1, 0, 3, 3) = r.block(0, 1, 3, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a block of 'r' reads an overlapping block of 'r' after overwriting some of its elements: wrong result, which no assertion catches [ndarray-aliasing]
}

struct History {
  VectorXd samples;
  void push() {
    samples.segment(1, 7) = samples.segment(0, 7);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: assignment to a block of 'samples' reads an overlapping block of 'samples' after overwriting some of its elements: wrong result when the blocks have more elements than one SIMD packet holds, which no assertion catches [ndarray-aliasing]
    // CHECK-FIXES: {{^}}    samples.segment(1, 7) = samples.segment(0, 7).eval();{{$}}
  }
};

#define SHIFT_RIGHT(x) x.segment(1, 4) = x.segment(0, 4)
void PositiveOverlapMacroNoFix(VectorXd &v) {
  SHIFT_RIGHT(v);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a block of 'v' reads an overlapping block of 'v' after overwriting some of its elements: wrong result when the blocks have more elements than one SIMD packet holds, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  SHIFT_RIGHT(v);{{$}}
}

// Negative: the destination starts first in storage order (measured right
// for every placement), disjoint or identical parts, positions that are not
// constants, a tail whose start needs a run-time size, another object,
// evaluated first, rows and columns, fixed-size forms, blocks of different
// sizes (Eigen's assertion).
void NegativeShiftLeft(VectorXd &v, MatrixXd &a) {
  v.head(4) = v.tail(4);
  v.segment(0, 4) = v.segment(1, 4);
  a.block(0, 0, 2, 2) = a.block(1, 1, 2, 2);
  a.block(1, 0, 2, 2) = a.block(0, 1, 2, 2);
  a.block(0, 0, 2, 2) = a.block(1, 0, 2, 2);
}
void NegativeDisjoint(VectorXd &v, MatrixXd &a) {
  v.segment(4, 4) = v.segment(0, 4);
  a.block(2, 0, 2, 2) = a.block(0, 0, 2, 2);
  a.block(0, 2, 2, 2) = a.block(0, 0, 2, 2);
}
void NegativeSame(VectorXd &v, MatrixXd &a) {
  v.segment(1, 4) = v.segment(1, 4);
  a.block(1, 1, 2, 2) = a.block(1, 1, 2, 2);
}
void NegativeUnknownOffsets(VectorXd &v, MatrixXd &a, int i, int n) {
  v.segment(i, 4) = v.segment(0, 4);
  v.segment(1, n) = v.segment(0, n);
  a.block(i, 1, 2, 2) = a.block(0, 0, 2, 2);
}
void NegativeTailDynamic(VectorXd &v) { v.tail(4) = v.head(4); }
void NegativeOtherObject(VectorXd &v, VectorXd &u, MatrixXd &a, MatrixXd &b) {
  v.segment(1, 4) = u.segment(0, 4);
  a.block(1, 1, 2, 2) = b.block(0, 0, 2, 2);
}
void NegativeOverlapEval(VectorXd &v, MatrixXd &a) {
  v.segment(1, 4) = v.segment(0, 4).eval();
  a.block(1, 1, 2, 2) = a.block(0, 0, 2, 2).eval();
}
void NegativeRowsCols(MatrixXd &a) {
  a.row(1) = a.row(0);
  a.col(2) = a.col(0);
  a.col(1) = a.col(1);
}
void NegativeFixedSizeForms(VectorXd &v, MatrixXd &a) {
  v.segment<4>(1) = v.segment<4>(0);
  a.block<2, 2>(1, 1) = a.block<2, 2>(0, 0);
}
