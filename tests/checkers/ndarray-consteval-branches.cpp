// RUN: %check_ndtidy %s ndarray-hidden-copy,ndarray-write-to-copy %t -- -- %nd_flags -std=c++23

// `if consteval` and `if !consteval` are ordinary control flow at run time:
// the branch that runs at run time is analysed like any other code, and the
// compile-time branch does not change the facts after the statement.

#include <nd/nd.hpp>

double PositiveElseOfConsteval(const nd::array<double> &a) {
  double s = 0;
  if consteval {
    s = 1;
  } else {
    nd::array<double> t = a.T();
    nd::array<double> r = nd::zeros<double>({300, 400}).T().ravel();
    // CHECK-MESSAGES: :[[@LINE-1]]:61: warning: ravel() copies 960000 bytes: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
    s = r(0) + t(0, 0);
  }
  return s;
}

double PositiveNegatedConsteval() {
  nd::array<double> a = nd::zeros<double>({300, 400});
  double s = 0;
  if !consteval {
    nd::array<double> flat = a.T().ravel();
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: ravel() copies 960000 bytes: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
    s = flat(0);
  }
  return s;
}

// Only the run-time branch decides the layout after the statement: the
// consteval branch's transpose never happens at run time.
double PositiveRunTimeBranchDecidesLayout() {
  nd::array<double> a = nd::zeros<double>({300, 400});
  if consteval {
    a = a.T();
  } else {
    a = a.T();
  }
  nd::array<double> flat = a.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: ravel() copies 960000 bytes: 'a' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  return flat(0);
}

double NegativeCompileTimeBranchOnly() {
  nd::array<double> a = nd::zeros<double>({300, 400});
  if consteval {
    a = a.T();
  }
  nd::array<double> flat = a.ravel();
  return flat(0);
}

// A write through a copy made in the run-time branch is lost.
void PositiveLostWriteInRunTimeBranch(nd::array<double> &a) {
  if !consteval {
    nd::array<double> t = nd::zeros<double>({300, 400}).T();
    nd::array<double> flat = t.ravel();
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: the writes to 'flat' are lost: ravel() returns a copy here (its source is not C-contiguous), 't' is not modified, and 'flat' is never read; write to 't' directly [ndarray-write-to-copy]
    flat(0) = 1.0;
    a = t;
  }
}
