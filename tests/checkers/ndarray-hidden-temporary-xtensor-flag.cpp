// REQUIRES: xtensor, llvm-19
// Clang 19 enables P0522 (relaxed template template arguments), and then
// cannot parse xtensor 0.24: without -fno-relaxed-template-template-args,
// ndtidy reports the compiler's error and exits nonzero; it does not crash
// or pass silently.
// RUN: not %ndtidy --checks='-*,ndarray-hidden-temporary' %s -- -std=c++17 > %t.out 2>&1
// RUN: FileCheck %s < %t.out
// RUN: %ndtidy --checks='-*,ndarray-hidden-temporary' %s -- -std=c++17 -fno-relaxed-template-template-args 2>&1 | FileCheck %s --check-prefix=FLAG

// CHECK: error: ambiguous partial specializations of 'rebind_container<{{.*}}>' [clang-diagnostic-error]
// CHECK: Found compiler error(s).
// FLAG: :[[@LINE+6]]:56: warning: passing 'xt::xview<…>' to parameter 'a' of type 'const xt::xarray<double> &' materialises a temporary copy [ndarray-hidden-temporary]

#include <xtensor/xarray.hpp>
#include <xtensor/xview.hpp>

double total(const xt::xarray<double> &a) { return a(0); }
double row(const xt::xarray<double> &a) { return total(xt::view(a, 1, xt::all())); }
