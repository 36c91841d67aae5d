// ravel/flatten in every order: view or copy exactly as NumPy's PyArray_Ravel (test_ravel cases).
// Expected lines: NumPy 1.24.2's output for the same operations (the Python
// lines are in each comment), printed by Inputs/describe.py.
// RUN: %ndcxx -o %t && %t | %FileCheck %s
#include "describe.hpp"

int main() {

  auto show = [](const char* label, const nd::array<double>& src, auto&& op) {
    nd::copy_counter counter;
    nd::array<double> out = op(src);
    std::printf("%s: shares=%d copies=%zu bytes=%zu own=%d w=%d base_is_src=%d base_is_src_base=%d\n", label,
                (int)nd::shares_memory(src, out), counter.count(), counter.bytes(), out.owndata(),
                out.writeable(), out.base() && out.base()->is(src),
                out.base() && src.base() && out.base()->is(*src.base()));
    describe(label, out);
    values(label, out);
  };
  auto c = nd::arange<double>(6).reshape({2, 3});
  auto f = c.copy(nd::order::F);
  auto t = c.T();
  auto x24 = nd::arange<double>(24).reshape({2, 3, 4});
  auto perm = x24.transpose({1, 0, 2});
  auto one = nd::arange<double>(4);
  show("C.ravel(F)", c, [](const nd::array<double>& s) { return s.ravel(nd::order::F); });
  show("C.ravel(C)", c, [](const nd::array<double>& s) { return s.ravel(); });
  show("F.ravel(C)", f, [](const nd::array<double>& s) { return s.ravel(); });
  show("F.ravel(A)", f, [](const nd::array<double>& s) { return s.ravel(nd::order::A); });
  show("F.ravel(K)", f, [](const nd::array<double>& s) { return s.ravel(nd::order::K); });
  show("T.ravel(C)", t, [](const nd::array<double>& s) { return s.ravel(); });
  show("T.ravel(F)", t, [](const nd::array<double>& s) { return s.ravel(nd::order::F); });
  show("T.ravel(K)", t, [](const nd::array<double>& s) { return s.ravel(nd::order::K); });
  show("c[:, ::2].ravel(K)", c(nd::all, nd::slice(nd::none, nd::none, 2)), [](const nd::array<double>& s) { return s.ravel(nd::order::K); });
  show("c[::-1].ravel(K)", c(nd::slice(nd::none, nd::none, -1)), [](const nd::array<double>& s) { return s.ravel(nd::order::K); });
  show("c[::-1].ravel(A)", c(nd::slice(nd::none, nd::none, -1)), [](const nd::array<double>& s) { return s.ravel(nd::order::A); });
  show("one[::-1].ravel(K)", one(nd::slice(nd::none, nd::none, -1)), [](const nd::array<double>& s) { return s.ravel(nd::order::K); });
  show("one[::2].ravel()", one(nd::slice(nd::none, nd::none, 2)), [](const nd::array<double>& s) { return s.ravel(); });
  show("one[::2].reshape(-1)", one(nd::slice(nd::none, nd::none, 2)), [](const nd::array<double>& s) { return s.reshape(-1); });
  show("perm.ravel(K)", perm, [](const nd::array<double>& s) { return s.ravel(nd::order::K); });
  show("perm.ravel(C)", perm, [](const nd::array<double>& s) { return s.ravel(); });
  show("perm.reshape(-1)", perm, [](const nd::array<double>& s) { return s.reshape(-1); });
  show("perm[:, :, ::-2].ravel(K)", perm(nd::all, nd::all, nd::slice(nd::none, nd::none, -2)), [](const nd::array<double>& s) { return s.ravel(nd::order::K); });
  show("bcast.T.ravel(K)", nd::broadcast_to(nd::arange<double>(2), {3, 2}).T(), [](const nd::array<double>& s) { return s.ravel(nd::order::K); });
  show("bcast.ravel(K)", nd::broadcast_to(nd::arange<double>(2), {3, 2}), [](const nd::array<double>& s) { return s.ravel(nd::order::K); });
  show("bcast.flatten(K)", nd::broadcast_to(nd::arange<double>(2), {3, 2}), [](const nd::array<double>& s) { return s.flatten(nd::order::K); });
  show("x24[:, ::2].ravel(K)", x24(nd::all, nd::slice(nd::none, nd::none, 2)), [](const nd::array<double>& s) { return s.ravel(nd::order::K); });
  show("0-d.ravel()", nd::full<double>({}, 5.0), [](const nd::array<double>& s) { return s.ravel(); });
  show("size0.ravel()", nd::empty<double>({2, 0, 3}), [](const nd::array<double>& s) { return s.ravel(); });
  show("size0.T.ravel()", nd::empty<double>({2, 0, 3}).T(), [](const nd::array<double>& s) { return s.ravel(); });
  show("size0.flatten()", nd::empty<double>({2, 0, 3}), [](const nd::array<double>& s) { return s.flatten(); });
  show("c.flatten()", c, [](const nd::array<double>& s) { return s.flatten(); });
  show("F.flatten(K)", f, [](const nd::array<double>& s) { return s.flatten(nd::order::K); });
  show("F.flatten(A)", f, [](const nd::array<double>& s) { return s.flatten(nd::order::A); });
  show("c[::2, ::-1].ravel(F)", c(nd::slice(nd::none, nd::none, 2), nd::slice(nd::none, nd::none, -1)), [](const nd::array<double>& s) { return s.ravel(nd::order::F); });
  show("size1col.ravel()", c(nd::slice(0, 1), nd::slice(1, 2)), [](const nd::array<double>& s) { return s.ravel(); });
  show("readonly.ravel()", nd::zeros<double>({3, 3}).diagonal(), [](const nd::array<double>& s) { return s.ravel(); });
  show("readonly.flatten()", nd::zeros<double>({3, 3}).diagonal(), [](const nd::array<double>& s) { return s.flatten(); });
  show("view.ravel() base", c(nd::slice(0, 1)), [](const nd::array<double>& s) { return s.ravel(); });
}

// CHECK: C.ravel(F): shares=0 copies=1 bytes=48 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: C.ravel(F): shape=(6,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: C.ravel(F): 0 3 1 4 2 5
// CHECK-NEXT: C.ravel(C): shares=1 copies=0 bytes=0 own=0 w=1 base_is_src=0 base_is_src_base=1
// CHECK-NEXT: C.ravel(C): shape=(6,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: C.ravel(C): 0 1 2 3 4 5
// CHECK-NEXT: F.ravel(C): shares=0 copies=1 bytes=48 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: F.ravel(C): shape=(6,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: F.ravel(C): 0 1 2 3 4 5
// CHECK-NEXT: F.ravel(A): shares=1 copies=0 bytes=0 own=0 w=1 base_is_src=1 base_is_src_base=0
// CHECK-NEXT: F.ravel(A): shape=(6,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: F.ravel(A): 0 3 1 4 2 5
// CHECK-NEXT: F.ravel(K): shares=1 copies=0 bytes=0 own=0 w=1 base_is_src=1 base_is_src_base=0
// CHECK-NEXT: F.ravel(K): shape=(6,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: F.ravel(K): 0 3 1 4 2 5
// CHECK-NEXT: T.ravel(C): shares=0 copies=1 bytes=48 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: T.ravel(C): shape=(6,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: T.ravel(C): 0 3 1 4 2 5
// CHECK-NEXT: T.ravel(F): shares=1 copies=0 bytes=0 own=0 w=1 base_is_src=0 base_is_src_base=1
// CHECK-NEXT: T.ravel(F): shape=(6,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: T.ravel(F): 0 1 2 3 4 5
// CHECK-NEXT: T.ravel(K): shares=1 copies=0 bytes=0 own=0 w=1 base_is_src=0 base_is_src_base=1
// CHECK-NEXT: T.ravel(K): shape=(6,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: T.ravel(K): 0 1 2 3 4 5
// CHECK-NEXT: c[:, ::2].ravel(K): shares=0 copies=1 bytes=32 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: c[:, ::2].ravel(K): shape=(4,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: c[:, ::2].ravel(K): 0 2 3 5
// CHECK-NEXT: c[::-1].ravel(K): shares=0 copies=1 bytes=48 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: c[::-1].ravel(K): shape=(6,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: c[::-1].ravel(K): 3 4 5 0 1 2
// CHECK-NEXT: c[::-1].ravel(A): shares=0 copies=1 bytes=48 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: c[::-1].ravel(A): shape=(6,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: c[::-1].ravel(A): 3 4 5 0 1 2
// CHECK-NEXT: one[::-1].ravel(K): shares=0 copies=1 bytes=32 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: one[::-1].ravel(K): shape=(4,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: one[::-1].ravel(K): 3 2 1 0
// CHECK-NEXT: one[::2].ravel(): shares=0 copies=1 bytes=16 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: one[::2].ravel(): shape=(2,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: one[::2].ravel(): 0 2
// CHECK-NEXT: one[::2].reshape(-1): shares=1 copies=0 bytes=0 own=0 w=1 base_is_src=0 base_is_src_base=1
// CHECK-NEXT: one[::2].reshape(-1): shape=(2,) strides=(16,) C=0 F=0 own=0 w=1
// CHECK-NEXT: one[::2].reshape(-1): 0 2
// CHECK-NEXT: perm.ravel(K): shares=1 copies=0 bytes=0 own=0 w=1 base_is_src=0 base_is_src_base=1
// CHECK-NEXT: perm.ravel(K): shape=(24,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: perm.ravel(K): 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23
// CHECK-NEXT: perm.ravel(C): shares=0 copies=1 bytes=192 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: perm.ravel(C): shape=(24,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: perm.ravel(C): 0 1 2 3 12 13 14 15 4 5 6 7 16 17 18 19 8 9 10 11 20 21 22 23
// CHECK-NEXT: perm.reshape(-1): shares=0 copies=1 bytes=192 own=0 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: perm.reshape(-1): shape=(24,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: perm.reshape(-1): 0 1 2 3 12 13 14 15 4 5 6 7 16 17 18 19 8 9 10 11 20 21 22 23
// CHECK-NEXT: perm[:, :, ::-2].ravel(K): shares=0 copies=1 bytes=96 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: perm[:, :, ::-2].ravel(K): shape=(12,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: perm[:, :, ::-2].ravel(K): 3 1 7 5 11 9 15 13 19 17 23 21
// CHECK-NEXT: bcast.T.ravel(K): shares=0 copies=1 bytes=48 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: bcast.T.ravel(K): shape=(6,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: bcast.T.ravel(K): 0 0 0 1 1 1
// CHECK-NEXT: bcast.ravel(K): shares=0 copies=1 bytes=48 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: bcast.ravel(K): shape=(6,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: bcast.ravel(K): 0 1 0 1 0 1
// CHECK-NEXT: bcast.flatten(K): shares=0 copies=1 bytes=48 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: bcast.flatten(K): shape=(6,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: bcast.flatten(K): 0 1 0 1 0 1
// CHECK-NEXT: x24[:, ::2].ravel(K): shares=0 copies=1 bytes=128 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: x24[:, ::2].ravel(K): shape=(16,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: x24[:, ::2].ravel(K): 0 1 2 3 8 9 10 11 12 13 14 15 20 21 22 23
// CHECK-NEXT: 0-d.ravel(): shares=1 copies=0 bytes=0 own=0 w=1 base_is_src=1 base_is_src_base=0
// CHECK-NEXT: 0-d.ravel(): shape=(1,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: 0-d.ravel(): 5
// CHECK-NEXT: size0.ravel(): shares=0 copies=0 bytes=0 own=0 w=1 base_is_src=1 base_is_src_base=0
// CHECK-NEXT: size0.ravel(): shape=(0,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: size0.ravel():
// CHECK-NEXT: size0.T.ravel(): shares=0 copies=0 bytes=0 own=0 w=1 base_is_src=0 base_is_src_base=1
// CHECK-NEXT: size0.T.ravel(): shape=(0,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: size0.T.ravel():
// CHECK-NEXT: size0.flatten(): shares=0 copies=1 bytes=0 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: size0.flatten(): shape=(0,) strides=(0,) C=1 F=1 own=1 w=1
// CHECK-NEXT: size0.flatten():
// CHECK-NEXT: c.flatten(): shares=0 copies=1 bytes=48 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: c.flatten(): shape=(6,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: c.flatten(): 0 1 2 3 4 5
// CHECK-NEXT: F.flatten(K): shares=0 copies=1 bytes=48 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: F.flatten(K): shape=(6,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: F.flatten(K): 0 3 1 4 2 5
// CHECK-NEXT: F.flatten(A): shares=0 copies=1 bytes=48 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: F.flatten(A): shape=(6,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: F.flatten(A): 0 3 1 4 2 5
// CHECK-NEXT: c[::2, ::-1].ravel(F): shares=0 copies=1 bytes=24 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: c[::2, ::-1].ravel(F): shape=(3,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: c[::2, ::-1].ravel(F): 2 1 0
// CHECK-NEXT: size1col.ravel(): shares=1 copies=0 bytes=0 own=0 w=1 base_is_src=0 base_is_src_base=1
// CHECK-NEXT: size1col.ravel(): shape=(1,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: size1col.ravel(): 1
// CHECK-NEXT: readonly.ravel(): shares=0 copies=1 bytes=24 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: readonly.ravel(): shape=(3,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: readonly.ravel(): 0 0 0
// CHECK-NEXT: readonly.flatten(): shares=0 copies=1 bytes=24 own=1 w=1 base_is_src=0 base_is_src_base=0
// CHECK-NEXT: readonly.flatten(): shape=(3,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: readonly.flatten(): 0 0 0
// CHECK-NEXT: view.ravel() base: shares=1 copies=0 bytes=0 own=0 w=1 base_is_src=0 base_is_src_base=1
// CHECK-NEXT: view.ravel() base: shape=(3,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: view.ravel() base: 0 1 2
