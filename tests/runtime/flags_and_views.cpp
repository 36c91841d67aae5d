// Flags, strides and views: NumPy's _UpdateContiguousFlags, test_contiguous_flags, basic indexing.
// Expected lines: NumPy 1.24.2's output for the same operations (the Python
// lines are in each comment), printed by Inputs/describe.py.
// RUN: %ndcxx -o %t && %t | %FileCheck %s
#include "describe.hpp"

int main() {

  auto a = nd::zeros<double>({2, 3, 4});
  describe("a", a);
  describe("a.T", a.T());
  describe("a[:, ::2]", a(nd::all, nd::slice(nd::none, nd::none, 2)));
  describe("a[..., ::-1]", a(nd::ellipsis, nd::slice(nd::none, nd::none, -1)));
  describe("a[:, 1:2]", a(nd::all, nd::slice(1, 2)));
  describe("a[None, :, None]", a(nd::newaxis, nd::all, nd::newaxis));
  describe("a[1]", a(1, nd::ellipsis));
  describe("a[:, 0]", a(nd::all, 0));
  describe("ones((3,1)).T", nd::ones<double>({3, 1}).T());
  describe("empty((2,0,3))", nd::empty<double>({2, 0, 3}));
  describe("empty((2,0,3)).reshape(0,2,3)", nd::empty<double>({2, 0, 3}).reshape({0, 2, 3}));
  describe("empty((2,0,3)).T.copy()", nd::empty<double>({2, 0, 3}).T().copy());
  describe("broadcast_to", nd::broadcast_to(nd::arange<double>(3), {4, 3}));
  auto o = nd::ones<double>({4, 4, 1});
  auto os = o(nd::slice(nd::none, nd::none, 2), nd::all, nd::slice(nd::none, nd::none, -1));
  describe("o[::2, :, ::-1]", os);
  describe("o[::2, :, ::-1][0]", os(0, nd::ellipsis));
  describe("o[::2, :, ::-1].ravel()", os.ravel());
  describe("o[::2, :, ::-1].squeeze()", os.squeeze());
  describe("empty((2,2,0,2,2))", nd::empty<double>({2, 2, 0, 2, 2}));
  describe("array 1x2x1 order=F", nd::from_vector(std::vector<double>{1, 2}, {1, 2, 1}, nd::order::F));
  auto b = nd::ones<double>({5, 4, 3});
  describe("b[None, ::4, ..., None]",
           b(nd::newaxis, nd::slice(nd::none, nd::none, 4), nd::ellipsis, nd::newaxis));
  describe("arange(1.)[::-1]", nd::arange<double>(1)(nd::slice(nd::none, nd::none, -1)));
  describe("0-d", nd::full<double>({}, 3.0));
  describe("zeros((3,4), F)", nd::zeros<float>({3, 4}, nd::order::F));
  describe("zeros((3,4), F)[:, 1]", nd::zeros<float>({3, 4}, nd::order::F)(nd::all, 1));
  describe("zeros((3,4)).diagonal()", nd::zeros<double>({3, 4}).diagonal());
  describe("zeros((3,4)).diagonal(1)", nd::zeros<double>({3, 4}).diagonal(1));
  describe("zeros((3,4)).diagonal(-5)", nd::zeros<double>({3, 4}).diagonal(-5));
  describe("ones((1,3)) broadcast (2,1,3)", nd::broadcast_to(nd::ones<double>({1, 3}), {2, 1, 3}));
  describe("expand_dims(a, 1)", nd::expand_dims(a, 1));
  describe("expand_dims(a[:, ::2], (0, 4))", nd::expand_dims(a(nd::all, nd::slice(nd::none, nd::none, 2)), {0, 4}));
  describe("moveaxis(a, 0, -1)", nd::moveaxis(a, 0, -1));
  describe("swapaxes(a, 0, 2)", a.swapaxes(0, 2));
  describe("transpose(a, (1, 0, 2))", a.transpose({1, 0, 2}));
  describe("a[-1:-3:-1, ::-2, 1:100]", a(nd::slice(-1, -3, -1), nd::slice(nd::none, nd::none, -2), nd::slice(1, 100)));

}

// CHECK: a: shape=(2,3,4) strides=(96,32,8) C=1 F=0 own=1 w=1
// CHECK-NEXT: a.T: shape=(4,3,2) strides=(8,32,96) C=0 F=1 own=0 w=1
// CHECK-NEXT: a[:, ::2]: shape=(2,2,4) strides=(96,64,8) C=0 F=0 own=0 w=1
// CHECK-NEXT: a[..., ::-1]: shape=(2,3,4) strides=(96,32,-8) C=0 F=0 own=0 w=1
// CHECK-NEXT: a[:, 1:2]: shape=(2,1,4) strides=(96,32,8) C=0 F=0 own=0 w=1
// CHECK-NEXT: a[None, :, None]: shape=(1,2,1,3,4) strides=(0,96,0,32,8) C=1 F=0 own=0 w=1
// CHECK-NEXT: a[1]: shape=(3,4) strides=(32,8) C=1 F=0 own=0 w=1
// CHECK-NEXT: a[:, 0]: shape=(2,4) strides=(96,8) C=0 F=0 own=0 w=1
// CHECK-NEXT: ones((3,1)).T: shape=(1,3) strides=(8,8) C=1 F=1 own=0 w=1
// CHECK-NEXT: empty((2,0,3)): shape=(2,0,3) strides=(0,0,0) C=1 F=1 own=1 w=1
// CHECK-NEXT: empty((2,0,3)).reshape(0,2,3): shape=(0,2,3) strides=(48,24,8) C=1 F=1 own=0 w=1
// CHECK-NEXT: empty((2,0,3)).T.copy(): shape=(3,0,2) strides=(0,0,0) C=1 F=1 own=1 w=1
// CHECK-NEXT: broadcast_to: shape=(4,3) strides=(0,8) C=0 F=0 own=0 w=0
// CHECK-NEXT: o[::2, :, ::-1]: shape=(2,4,1) strides=(64,8,-8) C=0 F=0 own=0 w=1
// CHECK-NEXT: o[::2, :, ::-1][0]: shape=(4,1) strides=(8,-8) C=1 F=1 own=0 w=1
// CHECK-NEXT: o[::2, :, ::-1].ravel(): shape=(8,) strides=(8,) C=1 F=1 own=1 w=1
// CHECK-NEXT: o[::2, :, ::-1].squeeze(): shape=(2,4) strides=(64,8) C=0 F=0 own=0 w=1
// CHECK-NEXT: empty((2,2,0,2,2)): shape=(2,2,0,2,2) strides=(0,0,0,0,0) C=1 F=1 own=1 w=1
// CHECK-NEXT: array 1x2x1 order=F: shape=(1,2,1) strides=(8,8,16) C=1 F=1 own=1 w=1
// CHECK-NEXT: b[None, ::4, ..., None]: shape=(1,2,4,3,1) strides=(0,384,24,8,0) C=0 F=0 own=0 w=1
// CHECK-NEXT: arange(1.)[::-1]: shape=(1,) strides=(-8,) C=1 F=1 own=0 w=1
// CHECK-NEXT: 0-d: shape=() strides=() C=1 F=1 own=1 w=1
// CHECK-NEXT: zeros((3,4), F): shape=(3,4) strides=(4,12) C=0 F=1 own=1 w=1
// CHECK-NEXT: zeros((3,4), F)[:, 1]: shape=(3,) strides=(4,) C=1 F=1 own=0 w=1
// CHECK-NEXT: zeros((3,4)).diagonal(): shape=(3,) strides=(40,) C=0 F=0 own=0 w=0
// CHECK-NEXT: zeros((3,4)).diagonal(1): shape=(3,) strides=(40,) C=0 F=0 own=0 w=0
// CHECK-NEXT: zeros((3,4)).diagonal(-5): shape=(0,) strides=(40,) C=1 F=1 own=0 w=0
// CHECK-NEXT: ones((1,3)) broadcast (2,1,3): shape=(2,1,3) strides=(0,0,8) C=0 F=0 own=0 w=0
// CHECK-NEXT: expand_dims(a, 1): shape=(2,1,3,4) strides=(96,96,32,8) C=1 F=0 own=0 w=1
// CHECK-NEXT: expand_dims(a[:, ::2], (0, 4)): shape=(1,2,2,4,1) strides=(192,96,64,8,8) C=0 F=0 own=0 w=1
// CHECK-NEXT: moveaxis(a, 0, -1): shape=(3,4,2) strides=(32,8,96) C=0 F=0 own=0 w=1
// CHECK-NEXT: swapaxes(a, 0, 2): shape=(4,3,2) strides=(8,32,96) C=0 F=1 own=0 w=1
// CHECK-NEXT: transpose(a, (1, 0, 2)): shape=(3,2,4) strides=(32,96,8) C=0 F=0 own=0 w=1
// CHECK-NEXT: a[-1:-3:-1, ::-2, 1:100]: shape=(2,2,3) strides=(-96,-64,8) C=0 F=0 own=0 w=1
