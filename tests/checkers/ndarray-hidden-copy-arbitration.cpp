// RUN: %check_ndtidy %s ndarray-hidden-copy,ndarray-redundant-copy-chain %t -- -- %nd_flags

// One finding, one diagnostic: nd::copy(f).ravel() is both a hidden copy and
// a redundant chain; with both checks enabled only the more severe
// redundant-copy-chain reports it.

#include <nd/nd.hpp>

using Array = nd::array<double>;

Array Both() {
  auto f = nd::zeros<double>({300, 400}, nd::order::F);
  return nd::copy(f).ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'ravel()' copies the fresh array returned by 'nd::copy()': two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-FIXES: {{^}}  return f.flatten();{{$}}
}

Array HiddenOnly() {
  auto a = nd::zeros<double>({300, 400});
  return a.T().ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: ravel() copies 960000 bytes: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
}
