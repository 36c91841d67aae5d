// REQUIRES: xtensor, llvm-22
// Clang 22 always applies P0522 (relaxed template template arguments) and
// parses xtensor 0.24 with it, so no flag is needed; the LLVM 19 flag
// -fno-relaxed-template-template-args no longer exists, and a compile
// database still carrying it gets the compiler's error, not a silent pass
// (ndarray-hidden-temporary-xtensor-flag.cpp is the LLVM 19 side).
// RUN: %ndtidy --checks='-*,ndarray-hidden-temporary' %s -- -std=c++17 2>&1 | FileCheck %s
// RUN: not %ndtidy --checks='-*,ndarray-hidden-temporary' %s -- -std=c++17 -fno-relaxed-template-template-args > %t.out 2>&1
// RUN: FileCheck %s --check-prefix=FLAG < %t.out

// CHECK-NOT: error:
// CHECK: :[[@LINE+7]]:56: warning: passing 'xt::xview<…>' to parameter 'a' of type 'const xt::xarray<double> &' materialises a temporary copy [ndarray-hidden-temporary]
// FLAG: error: unknown argument: '-fno-relaxed-template-template-args' [clang-diagnostic-error]

#include <xtensor/xarray.hpp>
#include <xtensor/xview.hpp>

double total(const xt::xarray<double> &a) { return a(0); }
double row(const xt::xarray<double> &a) { return total(xt::view(a, 1, xt::all())); }
