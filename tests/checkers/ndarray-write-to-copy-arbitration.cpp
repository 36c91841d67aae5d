// One finding, one diagnostic: where write-to-copy and hidden-copy describe
// the same ravel() call, only write-to-copy (the more severe) reports it;
// hidden-copy enabled alone still reports it.
//
// RUN: %check_ndtidy --check-suffixes=BOTH %s ndarray-write-to-copy,ndarray-hidden-copy %t -- -- %nd_flags
// RUN: %check_ndtidy --check-suffixes=HIDDEN %s ndarray-hidden-copy %t -- -- %nd_flags
// RUN: %check_ndtidy --check-suffixes=WRITE %s ndarray-write-to-copy %t -- -- %nd_flags

#include <nd/nd.hpp>

void TransposedRavelWritten() {
  auto a = nd::zeros<double>({300, 400});
  a.T().ravel()(0) = 1.0;
  // CHECK-MESSAGES-BOTH: :[[@LINE-1]]:9: warning: the write is lost: ravel() returns a copy here (its source is not C-contiguous), 'a' is not modified; write to 'a' directly [ndarray-write-to-copy]
  // CHECK-MESSAGES-WRITE: :[[@LINE-2]]:9: warning: the write is lost: ravel() returns a copy here (its source is not C-contiguous), 'a' is not modified; write to 'a' directly [ndarray-write-to-copy]
  // CHECK-MESSAGES-HIDDEN: :[[@LINE-3]]:9: warning: ravel() copies 960000 bytes: the array is not C-contiguous {{.*}}[ndarray-hidden-copy]
}

double TransposedRavelRead() {
  // Only read: not a lost write, so hidden-copy reports in both runs.
  auto a = nd::zeros<double>({300, 400});
  return a.T().ravel()(0);
  // CHECK-MESSAGES-BOTH: :[[@LINE-1]]:16: warning: ravel() copies 960000 bytes: the array is not C-contiguous {{.*}}[ndarray-hidden-copy]
  // CHECK-MESSAGES-HIDDEN: :[[@LINE-2]]:16: warning: ravel() copies 960000 bytes: the array is not C-contiguous {{.*}}[ndarray-hidden-copy]
}
