// RUN: %check_ndtidy %s ndarray-write-to-copy,ndarray-hidden-copy,ndarray-unnecessary-copy %t -- -- %nd_flags

// Read-modify-write into a copy nothing else reads (issue 8): the reads only
// compute values written back into the copy, so the writes are lost; this is
// write-to-copy, not hidden-copy.

#include <nd/nd.hpp>

#include <cmath>

using Array = nd::array<double>;

void PositiveFlattenReadModifyWrite(Array a) {
  auto c = a.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: the writes to 'c' are lost: flatten() returns a copy, 'a' is not modified, and 'c' is read only to compute its own writes; ravel() returns a view when its source is C-contiguous [ndarray-write-to-copy]
  for (std::ptrdiff_t i = 0; i < c.size(); ++i)
    c(i) = std::sqrt(c(i));
}

void PositiveHiddenCopyReadModifyWrite() {
  auto a = nd::zeros<double>({300, 400});
  auto c = a.T().ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: the writes to 'c' are lost: ravel() returns a copy here (its source is not C-contiguous), 'a' is not modified, and 'c' is read only to compute its own writes; write to 'a' directly [ndarray-write-to-copy]
  for (std::ptrdiff_t i = 0; i < c.size(); ++i)
    c(i) = 2.0 * c(i);
}

// The copy is read after the loop: the writes are seen.
double NegativeReadAfterwards(Array a) {
  auto c = a.flatten();
  for (std::ptrdiff_t i = 0; i < c.size(); ++i)
    c(i) = std::sqrt(c(i));
  return c(0);
}

// A read that feeds another variable is a read.
double NegativeReadIntoOther(Array a) {
  auto c = a.flatten();
  double s = 0;
  for (std::ptrdiff_t i = 0; i < c.size(); ++i) {
    s += c(i);
    c(i) = 0.0;
  }
  return s;
}

static Array normalized(const Array &a) { return a.copy(); }

void PositiveHelperCopyReadModifyWrite(const Array &img) {
  auto p = normalized(img);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the writes to 'p' are lost: it holds the new array 'normalized()' returns, and 'p' is read only to compute its own writes [ndarray-write-to-copy]
  for (std::ptrdiff_t i = 0; i < p.size(); ++i)
    p(i) = p(i) / 255.0;
}
