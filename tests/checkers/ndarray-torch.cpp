// REQUIRES: torch
// RUN: %check_ndtidy %s ndarray-hidden-copy,ndarray-write-to-copy,ndarray-ambiguous-alias,ndarray-redundant-copy-chain,ndarray-unnecessary-copy,ndarray-impossible-view %t -- -- %torch_flags

// libtorch's at::Tensor (= torch::Tensor), against the real ATen headers.
// torch's reshape/flatten/ravel/contiguous follow NumPy's rules in C order;
// flatten() is a reshape (a view whenever possible), clone() keeps a dense
// source's strides, and index() with a tensor copies.

#include <ATen/ATen.h>

using at::indexing::Ellipsis;
using at::indexing::None;
using at::indexing::Slice;

double total(const at::Tensor &t) { return t.sum().item<double>(); }

// ---- Hidden copies -----------------------------------------------------------

double PositiveTransposeReshape() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor flat = a.t().reshape({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: reshape() copies: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: not C-contiguous since it was transposed here
  return total(flat);
}

double PositiveFlattenOfTransposeCopies() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor t = a.t();
  at::Tensor flat = t.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: flatten() copies: 't' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  return total(flat);
}

double PositivePermuteContiguous() {
  at::Tensor a = at::rand({8, 300, 400});
  at::Tensor c = a.permute({0, 2, 1}).contiguous();
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: contiguous() copies: the array is not C-contiguous (it is an axis permutation of a C-contiguous array) [ndarray-hidden-copy]
  return total(c);
}

// ravel() is contiguous().view(-1): it copies a transpose, and torch has no
// always-copying flatten() to suggest instead.
double PositiveRavelOfTranspose() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor r = a.transpose(0, 1).ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: ravel() copies: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-MESSAGES-NOT: :[[@LINE-2]]:{{.*}}note: use flatten()
  return total(r);
}

double NegativeContiguousViews() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor v = a.reshape({-1});
  at::Tensor f = a.flatten();
  at::Tensor c = a.contiguous();
  at::Tensor r = a.ravel();
  at::Tensor w = a.view({400, 300});
  at::Tensor s = a.index({Slice(), 0});
  return total(v) + total(f) + total(c) + total(r) + total(w) + total(s);
}

// flatten(1) keeps the first axis: not a reshape to 1-D, not judged.
double NegativeFlattenWithArguments() {
  at::Tensor a = at::rand({4, 300, 400});
  at::Tensor f = a.transpose(1, 2).flatten(1);
  return total(f);
}

// view() never copies: where a copy would be needed, it throws.
double PositiveViewOfTransposeThrows() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor v = a.t().view({300, 400});
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: view() throws at run time: no view of the array has the requested shape, because it is not C-contiguous (it is a transpose of a C-contiguous array) and its strides do not fit the new shape [ndarray-impossible-view]
  // CHECK-MESSAGES: :[[@LINE-2]]:20: note: not C-contiguous since it was transposed here
  at::Tensor p = a.permute({1, 0});
  at::Tensor flat = p.view({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: view() throws at run time: no view of 'p' has the requested shape, because it is not C-contiguous (it is a transpose of a C-contiguous array) and its strides do not fit the new shape [ndarray-impossible-view]
  return total(v) + total(flat);
}

// Views that exist: the same shape, an axis split, a contiguous source.
double NegativeViewsThatExist(const at::Tensor &unknown) {
  at::Tensor a = at::rand({300, 400});
  at::Tensor same = a.t().view({400, 300});
  at::Tensor split = a.t().view({2, 200, 300});
  at::Tensor flat = a.view({-1});
  at::Tensor maybe = unknown.view({-1}); // layout not known: quiet
  return total(same) + total(split) + total(flat) + total(maybe);
}

// select/narrow/slice and index() with integers, Slice, None and Ellipsis
// are NumPy's basic indexing: their strides follow from the source's.
double PositiveSteppedAndPartialSlices(int start) {
  at::Tensor a = at::rand({300, 400});
  at::Tensor even = a.index({Slice(None, None, 2)});
  at::Tensor flat = even.ravel();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: ravel() copies: 'even' is not C-contiguous (it is a stepped slice) [ndarray-hidden-copy]
  // CHECK-MESSAGES: :[[@LINE-3]]:30: note: not C-contiguous since it was sliced with a step here
  at::Tensor band = a.narrow(1, start, 100);
  at::Tensor packed = band.reshape({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: reshape() copies: 'band' is not C-contiguous (it is a partial slice) [ndarray-hidden-copy]
  // CHECK-MESSAGES: :[[@LINE-3]]:33: note: not C-contiguous since it was sliced partially here
  at::Tensor left = a.slice(1, 0, 100).flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: flatten() copies: the array is not C-contiguous (it is a partial slice) [ndarray-hidden-copy]
  at::Tensor thirds = a.slice(0, 0, 300, 3).contiguous();
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: contiguous() copies: the array is not C-contiguous (it is a stepped slice) [ndarray-hidden-copy]
  return total(flat) + total(packed) + total(left) + total(thirds);
}

double PositiveSelectAndEllipsis(int i) {
  at::Tensor batch = at::rand({8, 300, 400});
  at::Tensor sample = batch.select(0, i);
  at::Tensor serial = sample.t().reshape({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: reshape() copies: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  at::Tensor firsts = batch.index({Ellipsis, Slice(0, 200), 0}).reshape({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:65: warning: reshape() copies: the array is not C-contiguous (it is a partial slice) [ndarray-hidden-copy]
  at::Tensor halves = batch.index({"...", Slice(0, 200)}).contiguous();
  // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: contiguous() copies: the array is not C-contiguous (it is a partial slice) [ndarray-hidden-copy]
  return total(serial) + total(firsts) + total(halves);
}

// Slices that stay contiguous, and slices whose axes merge into one
// uniformly strided view (the first column of every row of every sample:
// stride 400 throughout).
double NegativeSlicesThatStayViews(int i, int start) {
  at::Tensor batch = at::rand({8, 300, 400});
  at::Tensor sample = batch.select(0, i).reshape({-1});
  at::Tensor rows = batch.narrow(0, start, 2).reshape({-1});
  at::Tensor whole = batch.slice().reshape({-1});
  at::Tensor lifted = batch.index({None, 1}).reshape({-1});
  at::Tensor front = batch.index({Slice(1, 3)}).view({-1});
  at::Tensor a = at::rand({300, 400});
  at::Tensor strided = a.slice(-1, 0, 400, 2).view({-1});
  at::Tensor column = a.select(1, i).view({-1});
  at::Tensor firsts = batch.index({Ellipsis, 0}).view({-1});
  return total(sample) + total(rows) + total(whole) + total(lifted) +
         total(front) + total(strided) + total(column) + total(firsts);
}

// Element-wise arithmetic with scalars makes a new tensor laid out like its
// source (TensorIterator follows a dense input's strides): a transpose's
// result is still F-ordered, a contiguous tensor's result C-ordered.
double PositiveArithmeticKeepsTransposedLayout() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor scaled = (a.t() / 255).sqrt();
  at::Tensor flat = scaled.reshape({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: reshape() copies: 'scaled' is not C-contiguous (it is computed from an F-ordered array, in its layout) [ndarray-hidden-copy]
  // CHECK-MESSAGES: :[[@LINE-3]]:26: note: not C-contiguous since it was transposed here
  at::Tensor rows = at::exp(a.t().mul(0.5)).contiguous();
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: contiguous() copies: the array is not C-contiguous (it is computed from an F-ordered array, in its layout) [ndarray-hidden-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:31: note: not C-contiguous since it was transposed here
  at::Tensor neg = -a.t();
  neg.view({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: view() throws at run time: no view of 'neg' has the requested shape, because it is not C-contiguous (it is computed from an F-ordered array, in its layout) and its strides do not fit the new shape [ndarray-impossible-view]
  // CHECK-MESSAGES: :[[@LINE-3]]:23: note: not C-contiguous since it was transposed here
  return total(flat) + total(rows);
}

// The same arithmetic on a contiguous tensor: contiguous results, views.
// With another tensor the operands broadcast, and the result's layout
// depends on both: not followed.
double NegativeArithmeticOfContiguous(const at::Tensor &other) {
  at::Tensor a = at::rand({300, 400});
  at::Tensor flat = (a / 255).sqrt().reshape({-1});
  at::Tensor clipped = a.clamp(0, 1).relu().view({-1});
  at::Tensor summed = (a.t() + other).reshape({-1});
  at::Tensor scaled = a.t().mul(other).contiguous();
  return total(flat) + total(clipped) + total(summed) + total(scaled);
}

// A result of arithmetic is a new tensor, not a copy: nothing to drop.
double NegativeArithmeticIsNotACopy() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor half = a.div(2);
  at::Tensor chained = a.t().div(2).contiguous().reshape({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: contiguous() copies: the array is not C-contiguous (it is computed from an F-ordered array, in its layout) [ndarray-hidden-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: not C-contiguous since it was transposed here
  return total(half) + total(chained);
}

// to(dtype), toType(), type_as(), cpu(): the tensor itself when its dtype
// and device already match, else a copy with its strides; either way a
// transpose stays F-ordered.
double PositiveConversionKeepsTransposedLayout(const at::Tensor &like) {
  at::Tensor a = at::rand({300, 400});
  at::Tensor d = a.t().to(at::kDouble);
  at::Tensor flat = d.reshape({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: reshape() copies: 'd' is not C-contiguous (it is an F-ordered array, or a converted copy of one in its layout) [ndarray-hidden-copy]
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: not C-contiguous since it was transposed here
  at::Tensor rows = a.t().cpu().contiguous();
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: contiguous() copies: the array is not C-contiguous (it is an F-ordered array, or a converted copy of one in its layout) [ndarray-hidden-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: not C-contiguous since it was transposed here
  a.t().toType(at::kDouble).view({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: view() throws at run time: no view of the array has the requested shape, because it is not C-contiguous (it is an F-ordered array, or a converted copy of one in its layout) and its strides do not fit the new shape [ndarray-impossible-view]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: not C-contiguous since it was transposed here
  at::Tensor same = a.t().type_as(like).flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: flatten() copies: the array is not C-contiguous (it is an F-ordered array, or a converted copy of one in its layout) [ndarray-hidden-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: not C-contiguous since it was transposed here
  return total(flat) + total(rows) + total(same);
}

// A memory format, or TensorOptions (which may carry one), chooses the
// result's layout: not followed. A contiguous tensor's conversion stays
// contiguous.
double NegativeConversionChoosingLayout() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor c = a.t()
                     .to(at::kDouble, false, false, at::MemoryFormat::Contiguous)
                     .view({-1});
  at::Tensor o = a.t().to(at::TensorOptions().dtype(at::kDouble)).view({-1});
  at::Tensor v = a.to(at::kDouble).view({-1});
  return total(c) + total(o) + total(v);
}

// from_blob(data, sizes) wraps the caller's memory in C order, without a
// buffer of its own: what follows it is judged like any C-ordered tensor.
double PositiveFromBlobTransposed(float *data) {
  at::Tensor w = at::from_blob(data, {300, 400});
  at::Tensor flat = w.t().reshape({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: reshape() copies: the array is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: not C-contiguous since it was transposed here
  at::from_blob(data, {300, 400}, at::kFloat).t().view({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: view() throws at run time: no view of the array has the requested shape, because it is not C-contiguous (it is a transpose of a C-contiguous array) and its strides do not fit the new shape [ndarray-impossible-view]
  // CHECK-MESSAGES: :[[@LINE-2]]:47: note: not C-contiguous since it was transposed here
  w.t().contiguous().zero_();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the write is lost: contiguous() returns a copy here (its source is not C-contiguous), 'w' is not modified; write to 'w' directly [ndarray-write-to-copy]
  return total(flat);
}

// Writes through a wrapped tensor reach the caller's memory; a clone of it
// owns its elements (the caller's memory may be freed); with strides, the
// layout is the strides' (not followed).
double NegativeFromBlob(float *data) {
  at::Tensor w = at::from_blob(data, {300, 400});
  w.view({-1}).mul_(2);
  w.reshape({-1}).zero_();
  at::Tensor owned = w.clone();
  at::Tensor strided = at::from_blob(data, {300, 400}, {1, 300});
  at::Tensor flat = strided.reshape({-1});
  return total(owned) + total(flat);
}

// expand() is a broadcast view: a stretched axis of length 1, or a new
// leading axis, has stride 0, so flattening copies and view() throws.
double PositiveExpandedReshape() {
  at::Tensor row = at::rand({64});
  at::Tensor flat = row.expand({32, 64}).reshape({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: reshape() copies: the array is not C-contiguous (it is a broadcast view whose elements repeat) [ndarray-hidden-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:25: note: not C-contiguous since it was broadcast here (stride 0)
  at::Tensor scale = at::rand({32, 1});
  scale.expand({-1, 64}).view({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: view() throws at run time: no view of the array has the requested shape, because it is not C-contiguous (it is a broadcast view whose elements repeat) and its strides do not fit the new shape [ndarray-impossible-view]
  // CHECK-MESSAGES: :[[@LINE-2]]:9: note: not C-contiguous since it was broadcast here (stride 0)
  return total(flat);
}

// Expanding to the same sizes, a length-1 axis kept at 1, or a new leading
// axis of length 1, repeats nothing; a stride-0 axis split in two is a view.
double NegativeExpandedView() {
  at::Tensor m = at::rand({32, 64});
  at::Tensor a = m.expand({32, 64}).view({-1});
  at::Tensor b = at::rand({64}).expand({1, 64}).view({-1});
  at::Tensor c = at::rand({64}).expand({32, 64}).view({4, 8, 64});
  at::Tensor d = at::rand({1, 1}).expand({4, 1}).reshape({-1});
  return total(a) + total(b) + total(c) + total(d);
}

// Whether to() copies depends on the dtype, which is not tracked: a write
// through it is not claimed lost, and may reach the tensor itself.
void NegativeWriteThroughConversion(at::Tensor &a) {
  a.t().to(at::kFloat).zero_();
  at::Tensor c = a.clone();
  at::Tensor f = c.to(at::kFloat);
  f.mul_(2);
  (void)total(f);
  (void)total(c);
}

// ---- Lost writes -------------------------------------------------------------

void PositiveMaskedAssignment(at::Tensor &a, const at::Tensor &mask) {
  a.index({mask}) = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the write is lost: index() returns a copy, 'a' is not modified; use index_put_() to write in place [ndarray-write-to-copy]
  // CHECK-FIXES: a.index_put_({mask}, 0);
  a.index({mask}).mul_(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the write is lost: index() returns a copy, 'a' is not modified [ndarray-write-to-copy]
}

void PositiveInPlaceOnHiddenCopy() {
  at::Tensor a = at::rand({300, 400});
  a.t().reshape({-1}).zero_();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the write is lost: reshape() returns a copy here (its source's strides do not fit the new shape), 'a' is not modified [ndarray-write-to-copy]
  (void)total(a);
}

void NegativeBasicIndexWritesThrough(at::Tensor &a) {
  a.index({Slice(), 1}) = 0;
  a.index({0}).fill_(1);
  a.index_put_({a > 0}, 0);
}

// An in-place op whose result is used hands the temporary on.
double NegativeInPlaceResultUsed(const at::Tensor &a) {
  at::Tensor doubled = a.index({a > 0}).mul_(2);
  return total(doubled);
}

// The parameter's layout is not known: the write may or may not reach it.
void PositiveAmbiguousReshapeWrite(at::Tensor &a) {
  a.reshape({-1}).zero_();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this write may or may not reach 'a': reshape() returns a view of its source only when it is C-contiguous, which is not known here; use clone() for an independent copy, or view() to require a view [ndarray-ambiguous-alias]
}

// ---- Copies that add nothing -------------------------------------------------

double PositiveCloneThenReshape() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor b = a.t().clone().reshape({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'reshape()' copies the fresh array returned by 'clone()': two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-MESSAGES: :[[@LINE-2]]:24: note: not C-contiguous since it was copied keeping the F order here
  return total(b);
}

// clone(MemoryFormat::Preserve) is clone(): it keeps the transpose.
double PositiveClonePreserveThenReshape() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor b = a.t().clone(at::MemoryFormat::Preserve).reshape({-1});
  // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: 'reshape()' copies the fresh array returned by 'clone()': two buffers are allocated where one suffices [ndarray-redundant-copy-chain]
  // CHECK-MESSAGES: :[[@LINE-2]]:24: note: not C-contiguous since it was copied keeping the F order here
  return total(b);
}

// clone(MemoryFormat::Contiguous) is C-contiguous: one buffer, and a view()
// of it cannot fail.
double NegativeCloneContiguousThenView() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor b = a.t().clone(at::MemoryFormat::Contiguous).reshape({-1});
  at::Tensor c = a.t().clone(at::MemoryFormat::Contiguous).view({-1});
  b.add_(1);
  c.add_(1);
  return total(b) + total(c) + total(a);
}

// Other memory formats say nothing about the order.
double NegativeCloneChannelsLast() {
  at::Tensor a = at::rand({2, 3, 4, 5});
  at::Tensor b = a.clone(at::MemoryFormat::ChannelsLast).reshape({-1});
  b.add_(1);
  return total(b) + total(a);
}

// clone() of a C-contiguous tensor is C-contiguous: its reshape is a view.
double NegativeCloneOfContiguousThenReshape() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor b = a.clone().reshape({-1});
  b.add_(1);
  return total(b) + total(a);
}

double PositiveCloneOnlyRead() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor c = a.clone();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'c' is a copy made by clone() that is only read, and 'a' is not modified while 'c' is in use: a handle to its source gives the same elements without copying [ndarray-unnecessary-copy]
  // CHECK-FIXES: at::Tensor c = a;
  return total(c) + total(a);
}

// Members declared in at::TensorBase (dim(), numel(), sizes()) only read.
double PositiveCloneReadThroughBaseMembers(const at::Tensor &a) {
  at::Tensor c = a.clone();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'c' is a copy made by clone() that is only read, and 'a' is not modified while 'c' is in use: a handle to its source gives the same elements without copying [ndarray-unnecessary-copy]
  // CHECK-FIXES: at::Tensor c = a;
  return c.dim() + c.numel() + c.sizes()[0] + total(c);
}

// A handle copy shares the buffer: nothing to report.
double NegativeHandleCopy() {
  at::Tensor a = at::rand({300, 400});
  at::Tensor b = a;
  b.add_(1);
  return total(a);
}
