// REQUIRES: xtensor
// RUN: %check_ndtidy %s ndarray-aliasing %t -- -- %xtensor_flags

// xtensor 0.24, against the real headers: a plain assignment evaluates its
// right side into a temporary first, so `a = xt::transpose(a)` is right;
// `xt::noalias(a) = ...` assigns element by element, and a transpose of a
// on the right reads elements already overwritten. Each case is run
// against the library in tests/libcheck/xtensor/alias_*.cpp.

#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

void PositiveNoAliasTranspose(xt::xarray<double> &a) {
  xt::noalias(a) = xt::transpose(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'a' reads the transpose of 'a' after overwriting some of its elements: wrong result when 'a' has two or more axes longer than 1, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  a = xt::transpose(a);{{$}}
}

void PositiveNoAliasFixedRank(xt::xtensor<double, 2> &m) {
  xt::noalias(m) = m + xt::transpose(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to 'm' reads the transpose of 'm' after overwriting some of its elements: wrong result when 'm' has two or more axes longer than 1, which no assertion catches [ndarray-aliasing]
  // CHECK-FIXES: {{^}}  m = m + xt::transpose(m);{{$}}
}

struct Grid {
  xt::xarray<double> cells;
  void flip() {
    xt::noalias(cells) = xt::transpose(cells);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: assignment to 'cells' reads the transpose of 'cells' after overwriting some of its elements: wrong result when 'cells' has two or more axes longer than 1, which no assertion catches [ndarray-aliasing]
    // CHECK-FIXES: {{^}}    cells = xt::transpose(cells);{{$}}
  }
};

// Negative: plain assignments evaluate first (measured right); other
// sources; an evaluated transpose. An explicit permutation is not looked
// at: `{1, 0}` is wrong like the default, but `{0, 1}` is the identity.
void NegativePlain(xt::xarray<double> &a) { a = xt::transpose(a); }
void NegativeCompound(xt::xarray<double> &a) { a += xt::transpose(a); }
void NegativePlainSum(xt::xarray<double> &a) { a = a + xt::transpose(a); }
void NegativeNoAliasOther(xt::xarray<double> &a, const xt::xarray<double> &b) {
  xt::noalias(a) = xt::transpose(b);
}
void NegativeNoAliasElementWise(xt::xarray<double> &a) {
  xt::noalias(a) = a * 2.0 + 1.0;
}
void NegativeEval(xt::xarray<double> &a) {
  xt::noalias(a) = xt::eval(xt::transpose(a));
}
void NegativeExplicitPermutation(xt::xarray<double> &a) {
  xt::noalias(a) = xt::transpose(a, {1, 0});
}
template <class E> void NegativeDependent(E &e) {
  xt::noalias(e) = xt::transpose(e);
}
