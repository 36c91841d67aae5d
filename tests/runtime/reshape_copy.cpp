// reshape (_attempt_nocopy_reshape, _fix_unknown_dimension, errors), copy orders, astype, asarray family, concatenate, take, masks.
// Expected lines: NumPy 1.24.2's output for the same operations (the Python
// lines are in each comment), printed by Inputs/describe.py.
// RUN: %ndcxx -o %t && %t | %FileCheck %s
#include "describe.hpp"

int main() {

  auto show = [](const char* label, const nd::array<double>& src, auto&& op) {
    try {
      nd::copy_counter counter;
      nd::array<double> out = op(src);
      std::printf("%s: copies=%zu bytes=%zu\n", label, counter.count(), counter.bytes());
      describe(label, out);
      values(label, out);
    } catch (const nd::error& e) {
      std::printf("%s: error: %s\n", label, e.what());
    }
  };
  auto s44 = nd::zeros<double>({4, 6})(nd::all, nd::slice(nd::none, 4));
  auto c = nd::arange<double>(6).reshape({2, 3});
  auto t = c.T();
  auto m = nd::ones<double>({4, 1, 3})(nd::slice(nd::none, nd::none, 2));
  auto z = nd::arange<std::int32_t>(12)(nd::slice(nd::none, nd::none, 2)).astype<double>();
  auto zs = nd::arange<double>(12)(nd::slice(nd::none, nd::none, 2));
  auto e03 = nd::empty<double>({0, 3});
  auto f = c.copy(nd::order::F);
  show("s(4,4)->(2,2,4)", s44, [](auto& s) { return s.reshape({2, 2, 4}); });
  show("s(4,4)->(4,2,2)", s44, [](auto& s) { return s.reshape({4, 2, 2}); });
  show("s(4,4)->(16,)", s44, [](auto& s) { return s.reshape({16}); });
  show("m->(2,3)", m, [](auto& s) { return s.reshape({2, 3}); });
  show("bcast(5,)->(5,1)", nd::broadcast_to(nd::full<double>({}, 1.0), {5}), [](auto& s) { return s.reshape({5, 1}); });
  show("zs->(3,2,1,1)", zs, [](auto& s) { return s.reshape({3, 2, 1, 1}); });
  show("zs->(3,2,1,1) F", zs, [](auto& s) { return s.reshape({3, 2, 1, 1}, nd::order::F); });
  show("c->(3,2) F", c, [](auto& s) { return s.reshape({3, 2}, nd::order::F); });
  show("T->(6,) F", t, [](auto& s) { return s.reshape({6}, nd::order::F); });
  show("T->(6,)", t, [](auto& s) { return s.reshape({6}); });
  show("T->(-1,)", t, [](auto& s) { return s.reshape(-1); });
  show("T->(3,2) same", t, [](auto& s) { return s.reshape({3, 2}); });
  show("c->(-2,3)", c, [](auto& s) { return s.reshape({-2, 3}); });
  show("c->(3,-1) A", c, [](auto& s) { return s.reshape({3, -1}, nd::order::A); });
  show("F->(3,-1) A", f, [](auto& s) { return s.reshape({3, -1}, nd::order::A); });
  show("c->(-1,4)", c, [](auto& s) { return s.reshape({-1, 4}); });
  show("c->(4,-1)", c, [](auto& s) { return s.reshape({4, -1}); });
  show("c->(2,-1,4)", c, [](auto& s) { return s.reshape({2, -1, 4}); });
  show("c->(7,)", c, [](auto& s) { return s.reshape({7}); });
  show("c->(-1,-1)", c, [](auto& s) { return s.reshape({-1, -1}); });
  show("c->(2^40,2^40)", c, [](auto& s) { return s.reshape({std::ptrdiff_t{1} << 40, std::ptrdiff_t{1} << 40}); });
  show("c->(3,2) K", c, [](auto& s) { return s.reshape({3, 2}, nd::order::K); });
  show("e03->(-1,0)", e03, [](auto& s) { return s.reshape({-1, 0}); });
  show("e03->(-1,)", e03, [](auto& s) { return s.reshape({-1}); });
  show("e03->(3,0,5)", e03, [](auto& s) { return s.reshape({3, 0, 5}); });
  show("c->(6,1,1)", c, [](auto& s) { return s.reshape({6, 1, 1}); });
  show("T->(1,6,1) F", t, [](auto& s) { return s.reshape({1, 6, 1}, nd::order::F); });
  show("c[:, ::2]->(4,)", c, [](auto& s) { return s(nd::all, nd::slice(nd::none, nd::none, 2)).reshape({4}); });
  show("z astype", z, [](auto& s) { return s; });
  show("copy()", f, [](auto& s) { return s.copy(); });
  show("np.copy()", f, [](auto& s) { return nd::copy(s); });
  show("copy(A)", f, [](auto& s) { return s.copy(nd::order::A); });
  show("perm.copy(K)", nd::arange<double>(24).reshape({2, 3, 4}).transpose({1, 0, 2}), [](auto& s) { return s.copy(nd::order::K); });
  show("np.copy(c[::-1])", c(nd::slice(nd::none, nd::none, -1)), [](auto& s) { return nd::copy(s); });
  show("np.copy(bcast)", nd::broadcast_to(nd::arange<double>(2), {3, 2}), [](auto& s) { return nd::copy(s); });
  show("np.copy(x[:, :, ::-2] perm)", nd::arange<double>(24).reshape({2, 3, 4}).transpose({1, 0, 2})(nd::all, nd::all, nd::slice(nd::none, nd::none, -2)), [](auto& s) { return nd::copy(s); });
  show("T.astype(float64) K", t, [](auto& s) { return s.template astype<double>(); });
  show("ascontiguousarray(T)", t, [](auto& s) { return nd::ascontiguousarray(s); });
  show("ascontiguousarray(c)", c, [](auto& s) { return nd::ascontiguousarray(s); });
  show("ascontiguousarray(0-d)", nd::full<double>({}, 2.0), [](auto& s) { return nd::ascontiguousarray(s); });
  show("asfortranarray(c)", c, [](auto& s) { return nd::asfortranarray(s); });
  show("concatenate(F, F)", f, [](auto& s) { return nd::concatenate({s, s}); });
  show("concatenate(F, F, 1)", f, [](auto& s) { return nd::concatenate({s, s}, 1); });
  show("concatenate(c, F)", f, [](auto& s) { return nd::concatenate({nd::arange<double>(6).reshape({2, 3}), s}); });
  show("concatenate(c, 1-d)", c, [](auto& s) { return nd::concatenate({s, nd::arange<double>(3)}); });
  show("concatenate(c, (2,2))", c, [](auto& s) { return nd::concatenate({s, nd::zeros<double>({2, 2})}); });
  show("take(2x2 indices)", c, [](auto& s) { return s.take(nd::array<int>({{0, 5}, {2, -1}})); });
  show("take([2,0], axis=1)", c, [](auto& s) { return s.take(nd::array<long>({2, 0}), 1); });
  show("take([7])", c, [](auto& s) { return s.take(nd::array<int>({7})); });
  show("c[[1,0]]", c, [](auto& s) { return s[nd::array<int>({1, 0})]; });
  show("c[[5]]", c, [](auto& s) { return s[nd::array<int>({5})]; });
  show("c[c>2]", c, [](auto& s) { return s[nd::array<bool>({{false, false, false}, {true, true, true}})]; });
  show("c[[T,F]]", c, [](auto& s) { return s[nd::array<bool>({true, false})]; });
  show("c[[T,F,T]]", c, [](auto& s) { return s[nd::array<bool>({true, false, true})]; });

}

// CHECK: s(4,4)->(2,2,4): copies=0 bytes=0
// CHECK-NEXT: s(4,4)->(2,2,4): shape=(2,2,4) strides=(96,48,8) C=0 F=0 own=0 w=1
// CHECK-NEXT: s(4,4)->(2,2,4): 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// CHECK-NEXT: s(4,4)->(4,2,2): copies=0 bytes=0
// CHECK-NEXT: s(4,4)->(4,2,2): shape=(4,2,2) strides=(48,16,8) C=0 F=0 own=0 w=1
// CHECK-NEXT: s(4,4)->(4,2,2): 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// CHECK-NEXT: s(4,4)->(16,): copies=1 bytes=128
// CHECK-NEXT: s(4,4)->(16,): shape=(16,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: s(4,4)->(16,): 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// CHECK-NEXT: m->(2,3): copies=0 bytes=0
// CHECK-NEXT: m->(2,3): shape=(2,3) strides=(48,8) C=0 F=0 own=0 w=1
// CHECK-NEXT: m->(2,3): 1 1 1 1 1 1
// CHECK-NEXT: bcast(5,)->(5,1): copies=0 bytes=0
// CHECK-NEXT: bcast(5,)->(5,1): shape=(5,1) strides=(0,0) C=0 F=0 own=0 w=0
// CHECK-NEXT: bcast(5,)->(5,1): 1 1 1 1 1
// CHECK-NEXT: zs->(3,2,1,1): copies=0 bytes=0
// CHECK-NEXT: zs->(3,2,1,1): shape=(3,2,1,1) strides=(32,16,16,16) C=0 F=0 own=0 w=1
// CHECK-NEXT: zs->(3,2,1,1): 0 2 4 6 8 10
// CHECK-NEXT: zs->(3,2,1,1) F: copies=0 bytes=0
// CHECK-NEXT: zs->(3,2,1,1) F: shape=(3,2,1,1) strides=(16,48,96,96) C=0 F=0 own=0 w=1
// CHECK-NEXT: zs->(3,2,1,1) F: 0 6 2 8 4 10
// CHECK-NEXT: c->(3,2) F: copies=1 bytes=48
// CHECK-NEXT: c->(3,2) F: shape=(3,2) strides=(8,24) C=0 F=1 own=0 w=1
// CHECK-NEXT: c->(3,2) F: 0 4 3 2 1 5
// CHECK-NEXT: T->(6,) F: copies=0 bytes=0
// CHECK-NEXT: T->(6,) F: shape=(6,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: T->(6,) F: 0 1 2 3 4 5
// CHECK-NEXT: T->(6,): copies=1 bytes=48
// CHECK-NEXT: T->(6,): shape=(6,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: T->(6,): 0 3 1 4 2 5
// CHECK-NEXT: T->(-1,): copies=1 bytes=48
// CHECK-NEXT: T->(-1,): shape=(6,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: T->(-1,): 0 3 1 4 2 5
// CHECK-NEXT: T->(3,2) same: copies=0 bytes=0
// CHECK-NEXT: T->(3,2) same: shape=(3,2) strides=(8,24) C=0 F=1 own=0 w=1
// CHECK-NEXT: T->(3,2) same: 0 3 1 4 2 5
// CHECK-NEXT: c->(-2,3): copies=0 bytes=0
// CHECK-NEXT: c->(-2,3): shape=(2,3) strides=(24,8) C=1 F=0 own=0 w=1
// CHECK-NEXT: c->(-2,3): 0 1 2 3 4 5
// CHECK-NEXT: c->(3,-1) A: copies=0 bytes=0
// CHECK-NEXT: c->(3,-1) A: shape=(3,2) strides=(16,8) C=1 F=0 own=0 w=1
// CHECK-NEXT: c->(3,-1) A: 0 1 2 3 4 5
// CHECK-NEXT: F->(3,-1) A: copies=0 bytes=0
// CHECK-NEXT: F->(3,-1) A: shape=(3,2) strides=(8,24) C=0 F=1 own=0 w=1
// CHECK-NEXT: F->(3,-1) A: 0 4 3 2 1 5
// CHECK-NEXT: c->(-1,4): error: cannot reshape array of size 6 into shape (4)
// CHECK-NEXT: c->(4,-1): error: cannot reshape array of size 6 into shape (4,newaxis)
// CHECK-NEXT: c->(2,-1,4): error: cannot reshape array of size 6 into shape (2,newaxis,4)
// CHECK-NEXT: c->(7,): error: cannot reshape array of size 6 into shape (7,)
// CHECK-NEXT: c->(-1,-1): error: can only specify one unknown dimension
// CHECK-NEXT: c->(2^40,2^40): error: cannot reshape array of size 6 into shape (1099511627776,1099511627776)
// CHECK-NEXT: c->(3,2) K: error: order 'K' is not permitted for reshaping
// CHECK-NEXT: e03->(-1,0): error: cannot reshape array of size 0 into shape (0)
// CHECK-NEXT: e03->(-1,): copies=0 bytes=0
// CHECK-NEXT: e03->(-1,): shape=(0,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: e03->(-1,):
// CHECK-NEXT: e03->(3,0,5): copies=0 bytes=0
// CHECK-NEXT: e03->(3,0,5): shape=(3,0,5) strides=(40,40,8) C=1 F=1 own=0 w=1
// CHECK-NEXT: e03->(3,0,5):
// CHECK-NEXT: c->(6,1,1): copies=0 bytes=0
// CHECK-NEXT: c->(6,1,1): shape=(6,1,1) strides=(8,8,8) C=1 F=1 own=0 w=1
// CHECK-NEXT: c->(6,1,1): 0 1 2 3 4 5
// CHECK-NEXT: T->(1,6,1) F: copies=0 bytes=0
// CHECK-NEXT: T->(1,6,1) F: shape=(1,6,1) strides=(8,8,48) C=1 F=1 own=0 w=1
// CHECK-NEXT: T->(1,6,1) F: 0 1 2 3 4 5
// CHECK-NEXT: c[:, ::2]->(4,): copies=1 bytes=32
// CHECK-NEXT: c[:, ::2]->(4,): shape=(4,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: c[:, ::2]->(4,): 0 2 3 5
// CHECK-NEXT: z astype: copies=0 bytes=0
// CHECK-NEXT: z astype: shape=(6,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: z astype: 0 2 4 6 8 10
// CHECK-NEXT: copy(): copies=1 bytes=48
// CHECK-NEXT: copy(): shape=(2,3) strides=(24,8) C=1 F=0 own=1 w=1
// CHECK-NEXT: copy(): 0 1 2 3 4 5
// CHECK-NEXT: np.copy(): copies=1 bytes=48
// CHECK-NEXT: np.copy(): shape=(2,3) strides=(8,16) C=0 F=1 own=1 w=1
// CHECK-NEXT: np.copy(): 0 1 2 3 4 5
// CHECK-NEXT: copy(A): copies=1 bytes=48
// CHECK-NEXT: copy(A): shape=(2,3) strides=(8,16) C=0 F=1 own=1 w=1
// CHECK-NEXT: copy(A): 0 1 2 3 4 5
// CHECK-NEXT: perm.copy(K): copies=1 bytes=192
// CHECK-NEXT: perm.copy(K): shape=(3,2,4) strides=(32,96,8) C=0 F=0 own=1 w=1
// CHECK-NEXT: perm.copy(K): 0 1 2 3 12 13 14 15 4 5 6 7 16 17 18 19 8 9 10 11 20 21 22 23
// CHECK-NEXT: np.copy(c[::-1]): copies=1 bytes=48
// CHECK-NEXT: np.copy(c[::-1]): shape=(2,3) strides=(24,8) C=1 F=0 own=1 w=1
// CHECK-NEXT: np.copy(c[::-1]): 3 4 5 0 1 2
// CHECK-NEXT: np.copy(bcast): copies=1 bytes=48
// CHECK-NEXT: np.copy(bcast): shape=(3,2) strides=(8,24) C=0 F=1 own=1 w=1
// CHECK-NEXT: np.copy(bcast): 0 1 0 1 0 1
// CHECK-NEXT: np.copy(x[:, :, ::-2] perm): copies=1 bytes=96
// CHECK-NEXT: np.copy(x[:, :, ::-2] perm): shape=(3,2,2) strides=(16,48,8) C=0 F=0 own=1 w=1
// CHECK-NEXT: np.copy(x[:, :, ::-2] perm): 3 1 15 13 7 5 19 17 11 9 23 21
// CHECK-NEXT: T.astype(float64) K: copies=1 bytes=48
// CHECK-NEXT: T.astype(float64) K: shape=(3,2) strides=(8,24) C=0 F=1 own=1 w=1
// CHECK-NEXT: T.astype(float64) K: 0 3 1 4 2 5
// CHECK-NEXT: ascontiguousarray(T): copies=1 bytes=48
// CHECK-NEXT: ascontiguousarray(T): shape=(3,2) strides=(16,8) C=1 F=0 own=1 w=1
// CHECK-NEXT: ascontiguousarray(T): 0 3 1 4 2 5
// CHECK-NEXT: ascontiguousarray(c): copies=0 bytes=0
// CHECK-NEXT: ascontiguousarray(c): shape=(2,3) strides=(24,8) C=1 F=0 own=0 w=1
// CHECK-NEXT: ascontiguousarray(c): 0 1 2 3 4 5
// CHECK-NEXT: ascontiguousarray(0-d): copies=0 bytes=0
// CHECK-NEXT: ascontiguousarray(0-d): shape=(1,) strides=(8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: ascontiguousarray(0-d): 2
// CHECK-NEXT: asfortranarray(c): copies=1 bytes=48
// CHECK-NEXT: asfortranarray(c): shape=(2,3) strides=(8,16) C=0 F=1 own=1 w=1
// CHECK-NEXT: asfortranarray(c): 0 1 2 3 4 5
// CHECK-NEXT: concatenate(F, F): copies=1 bytes=96
// CHECK-NEXT: concatenate(F, F): shape=(4,3) strides=(8,32) C=0 F=1 own=1 w=1
// CHECK-NEXT: concatenate(F, F): 0 1 2 3 4 5 0 1 2 3 4 5
// CHECK-NEXT: concatenate(F, F, 1): copies=1 bytes=96
// CHECK-NEXT: concatenate(F, F, 1): shape=(2,6) strides=(8,16) C=0 F=1 own=1 w=1
// CHECK-NEXT: concatenate(F, F, 1): 0 1 2 0 1 2 3 4 5 3 4 5
// CHECK-NEXT: concatenate(c, F): copies=1 bytes=96
// CHECK-NEXT: concatenate(c, F): shape=(4,3) strides=(24,8) C=1 F=0 own=1 w=1
// CHECK-NEXT: concatenate(c, F): 0 1 2 3 4 5 0 1 2 3 4 5
// CHECK-NEXT: concatenate(c, 1-d): error: all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)
// CHECK-NEXT: concatenate(c, (2,2)): error: all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2
// CHECK-NEXT: take(2x2 indices): copies=1 bytes=32
// CHECK-NEXT: take(2x2 indices): shape=(2,2) strides=(16,8) C=1 F=0 own=1 w=1
// CHECK-NEXT: take(2x2 indices): 0 5 2 5
// CHECK-NEXT: take([2,0], axis=1): copies=1 bytes=32
// CHECK-NEXT: take([2,0], axis=1): shape=(2,2) strides=(16,8) C=1 F=0 own=1 w=1
// CHECK-NEXT: take([2,0], axis=1): 2 0 5 3
// CHECK-NEXT: take([7]): error: index 7 is out of bounds for axis 0 with size 6
// CHECK-NEXT: c{{\[\[}}1,0]]: copies=1 bytes=48
// CHECK-NEXT: c{{\[\[}}1,0]]: shape=(2,3) strides=(24,8) C=1 F=0 own=1 w=1
// CHECK-NEXT: c{{\[\[}}1,0]]: 3 4 5 0 1 2
// CHECK-NEXT: c{{\[\[}}5]]: error: index 5 is out of bounds for axis 0 with size 2
// CHECK-NEXT: c[c>2]: copies=1 bytes=24
// CHECK-NEXT: c[c>2]: shape=(3,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: c[c>2]: 3 4 5
// CHECK-NEXT: c{{\[\[}}T,F]]: copies=1 bytes=24
// CHECK-NEXT: c{{\[\[}}T,F]]: shape=(1,3) strides=(24,8) C=1 F=1 own=1 w=1
// CHECK-NEXT: c{{\[\[}}T,F]]: 0 1 2
// CHECK-NEXT: c{{\[\[}}T,F,T]]: error: boolean index did not match indexed array along dimension 0; dimension is 2 but corresponding boolean dimension is 3
