// RUN: %check_ndtidy %s ndarray-hidden-copy,ndarray-unnecessary-copy %t -- -- %nd_flags

// nd::concatenate orders its result like its inputs (NumPy's multi-sorted
// stride permutation): F inputs give an F result, so ravel() of it copies and
// flatten() of it is no unnecessary copy.

#include <nd/nd.hpp>

using Array = nd::array<double>;

// ---- Positive ---------------------------------------------------------------

double PositiveRavelOfFConcatenation() {
  auto a = nd::zeros<double>({300, 400}, nd::order::F);
  auto b = nd::ones<double>({300, 400}, nd::order::F);
  auto c = nd::concatenate({a, b});
  auto r = c.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: ravel() copies 1920000 bytes: 'c' is not C-contiguous (it is a concatenation that keeps the F order of its inputs) [ndarray-hidden-copy]
  return r(0);
}

double PositiveRavelOfFConcatenationAxis1() {
  auto a = nd::zeros<double>({300, 400}, nd::order::F);
  auto r = nd::concatenate({a, a}, 1).ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: ravel() copies 1920000 bytes: the array is not C-contiguous (it is a concatenation that keeps the F order of its inputs) [ndarray-hidden-copy]
  return r(0);
}

double PositiveFlattenOfCConcatenation() {
  // C inputs give a C result: ravel() would be a view.
  auto a = nd::zeros<double>({300, 400});
  auto c = nd::concatenate({a, a});
  auto flat = c.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'flat' is a copy made by flatten() that is only read, and 'c' is not modified while 'flat' is in use: ravel() gives the same elements as a view, without copying [ndarray-unnecessary-copy]
  // CHECK-FIXES: {{^}}  auto flat = c.ravel();{{$}}
  return flat(0);
}

// ---- Negative ---------------------------------------------------------------

double NegativeFlattenOfFConcatenation() {
  // ravel() would copy just as well: flatten() stays.
  auto a = nd::zeros<double>({300, 400}, nd::order::F);
  auto c = nd::concatenate({a, a});
  auto flat = c.flatten();
  // CHECK-FIXES: {{^}}  auto flat = c.flatten();{{$}}
  return flat(0);
}

double NegativeRavelOfFConcatenationOfTransposes() {
  // Transposes of F arrays are C-contiguous: so is their concatenation.
  auto a = nd::zeros<double>({300, 400}, nd::order::F);
  auto c = nd::concatenate({a.T(), a.T()});
  auto r = c.ravel();
  return r(0);
}

double NegativeRavelOfMixedConcatenation(int n) {
  // One C input makes the result C-ordered; with unknown extents the
  // analysis does not know it, and claims nothing.
  auto f = nd::zeros<double>({n, 400}, nd::order::F);
  auto c = nd::zeros<double>({n, 400});
  auto r = nd::concatenate({f, c}).ravel();
  return r(0);
}

double NegativeRavelOfSymbolicFConcatenation(int n, int m) {
  // F inputs of unknown extents: a length-1 axis makes an input abstain, and
  // the result may then be C-ordered. Unknown: no claim either way.
  auto f = nd::zeros<double>({n, m}, nd::order::F);
  auto r = nd::concatenate({f, f}, 1).ravel();
  return r(0);
}
