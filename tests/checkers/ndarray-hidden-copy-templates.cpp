// RUN: %check_ndtidy %s ndarray-hidden-copy %t -- -- %nd_flags

// A diagnostic in a template is emitted once for all its instantiations, so
// its text must hold for each of them: no byte count (the element size and
// the extents may depend on the template arguments), and no diagnostic at
// all where the instantiations disagree about whether the call copies.

#include <nd/nd.hpp>

// double and float: both copy, 32768 and 16384 bytes. One diagnostic, sized
// for neither.
template <class T> T BothCopy() {
  auto m = nd::arange<T>(4096).reshape({64, 64});
  auto t = m.T();
  auto flat = t.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: ravel() copies: 't' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  return flat(0);
}

// The extents come from a template argument: a (1, 4096) array transposed is
// still contiguous (a view), a (64, 64) one is not. The instantiations
// disagree, so nothing is reported.
template <int Rows> double DependsOnExtents() {
  auto m = nd::zeros<double>({Rows, 4096 / Rows});
  auto t = m.T();
  auto flat = t.ravel();
  return flat(0);
}

// Only the copying instantiation exists: reported, still without a size.
template <int Rows> double OnlyCopying() {
  auto m = nd::zeros<double>({Rows, 4096 / Rows});
  auto t = m.T();
  auto flat = t.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: ravel() copies: 't' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  return flat(0);
}

// A non-template function keeps its byte count.
double NotATemplate() {
  auto m = nd::zeros<double>({64, 64});
  auto t = m.T();
  auto flat = t.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: ravel() copies 32768 bytes: 't' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  return flat(0);
}

double Use() {
  return BothCopy<double>() + BothCopy<float>() + DependsOnExtents<1>() +
         DependsOnExtents<64>() + OnlyCopying<64>() + NotATemplate();
}
