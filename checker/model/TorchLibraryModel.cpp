//===--- TorchLibraryModel.cpp - libtorch's at::Tensor as data ------------===//
//
// libtorch 1.13 as Debian 12 ships it. Each row was measured against the
// real library (allocation counting, storage identity, write-through; see
// docs/libraries/torch.md and tests/libcheck/). torch's is_contiguous() is
// NumPy's C flag, and its reshape/view/flatten/ravel/contiguous follow
// NumPy's rules in C order (5,000 random cases, 0 disagreements), so the
// layout analysis applies unchanged; what differs is which call does what:
//
//   - flatten() is a reshape to 1-D (a view whenever possible), not a copy;
//   - ravel() is contiguous().view(-1): it copies unless C-contiguous;
//   - view() never copies: it throws when no view exists;
//   - clone() keeps the strides of a dense source (C stays C, a transpose
//     stays a transpose), which is NumPy's copy(order='K') for those;
//   - index() with a tensor among its indices copies; with integers,
//     slices, None and Ellipsis it is a view;
//   - `t.index({m}) = v` assigns through the `&&` overload of operator=,
//     which writes into the temporary the index() returned.
//
//   - select/narrow/slice and index() with integers, Slice, None and
//     Ellipsis are NumPy's basic indexing: views whose strides follow.
//
// from_blob() without strides wraps the caller's memory in C order.
// Element-wise arithmetic with scalars gives a fresh tensor laid out like
// its source; to() gives the tensor itself or a converted copy laid out
// like it. Calls not listed (operator[], arithmetic with another tensor,
// ...) are left unclassified: the analyses know nothing about their
// results.
//
//===----------------------------------------------------------------------===//

#include "model/ArrayModel.h"

namespace clang::tidy::ndarray {
namespace {

using K = ArrayOpKind;
using O = MemoryOrder;
using S = ResultShape;
using P = PermuteStyle;
using L = ResultLayout;
using W = CallCondition;
using I = IndexSpelling;
constexpr CopyMode IfNeeded = CopyMode::IfNeeded;

constexpr bool Member = true;
constexpr bool Free = false;
constexpr int NoParam = -1;

// An in-place write: every element of the tensor (or a selection of them)
// is written through its own storage.
#define NDTIDY_TORCH_WRITE(Name)                                               \
  {Name, Member, K::Fill, -1, O::K, S::Same, false}

// A member and a free function (at::sqrt(a), the operators) computing new
// values from the tensor's elements and scalars.
#define NDTIDY_TORCH_COMPUTE(Name)                                             \
  {Name, Member, K::Compute, -1, O::K, S::Same, true, NoParam, NoParam,        \
   P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::NoOtherArrays},       \
  {Name, Free, K::Compute, -1, O::K, S::Same, true, NoParam, NoParam,          \
   P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::NoOtherArrays}

// Parameter indices count the callee's declared parameters.
const ArrayApiEntry TorchApi[] = {
    // Name           Member  Kind              Order Fixed  Shape    Converts Shape CopyMode Permutation Layout Inputs Axis FixedCopyMode  When
    {"zeros",         Free,   K::Create,        -1,  O::C, S::Other, false,  0},
    {"ones",          Free,   K::Create,        -1,  O::C, S::Other, false,  0},
    {"empty",         Free,   K::Create,        -1,  O::C, S::Other, false,  0},
    {"rand",          Free,   K::Create,        -1,  O::C, S::Other, false,  0},
    {"randn",         Free,   K::Create,        -1,  O::C, S::Other, false,  0},
    {"full",          Free,   K::Create,        -1,  O::C, S::Other, false,  0},
    // arange(end[, options]): 1-D; its length is known when end is alone.
    {"arange",        Free,   K::Create,        -1,  O::C, S::Flat,  false,  0},
    {"linspace",      Free,   K::Create,        -1,  O::C, S::Flat,  false},
    // from_blob(data, sizes[, options or deleter]): C-contiguous over the
    // caller's memory (the options' memory format is not used); with
    // strides, their layout (not followed).
    {"from_blob",     Free,   K::Wrap,          -1,  O::C, S::Other, false,  1, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::NoStrides},
    {"detach",        Member, K::View,          -1,  O::K, S::Same,  false},
    {"squeeze",       Member, K::View,          -1,  O::K, S::Other, false},
    {"unsqueeze",     Member, K::View,          -1,  O::K, S::Other, false},
    {"t",             Member, K::Permute,       -1,  O::K, S::Other, false, NoParam, NoParam, P::Reverse},
    {"transpose",     Member, K::Permute,       -1,  O::K, S::Other, false, NoParam, NoParam, P::Swap},
    {"permute",       Member, K::Permute,       -1,  O::K, S::Other, false, NoParam, NoParam, P::Axes},
    // Basic indexing: integers, Slice(start, stop, step), None, Ellipsis.
    {"index",         Member, K::Slice,         -1,  O::K, S::Other, false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::BasicIndex, I::BracedList},
    {"narrow",        Member, K::Slice,         -1,  O::K, S::Other, false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::Always, I::AxisStartLength},
    {"select",        Member, K::Slice,         -1,  O::K, S::Other, false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::Always, I::AxisInteger},
    {"slice",         Member, K::Slice,         -1,  O::K, S::Other, false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::Always, I::AxisStartStopStep},
    {"diagonal",      Member, K::Slice,         -1,  O::K, S::Other, false},
    // expand(sizes[, implicit]): a broadcast view (stride 0).
    {"expand",        Member, K::Slice,         -1,  O::K, S::Other, false,  0, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::Always, I::BroadcastSizes},
    {"view",          Member, K::Reshape,       -1,  O::C, S::Other, false,  0, NoParam, P::None, L::FromOrder, NoParam, NoParam, CopyMode::Never},
    {"reshape",       Member, K::Reshape,       -1,  O::C, S::Other, false,  0},
    // flatten(start_dim, end_dim) with both defaulted: reshape({-1}).
    {"flatten",       Member, K::Reshape,       -1,  O::C, S::Flat,  false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, CopyMode::IfNeeded, W::NoArguments},
    {"ravel",         Member, K::Ravel,         -1,  O::C, S::Flat,  false},
    {"contiguous",    Member, K::MakeContiguous,-1,  O::C, S::Same,  false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, CopyMode::IfNeeded, W::NoArguments},
    // MemoryFormat::Preserve: the strides of a dense source, else C.
    {"clone",         Member, K::Copy,          -1,  O::K, S::Same,  false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, CopyMode::IfNeeded, W::NoArguments},
    // clone(memory_format): Contiguous is C order, Preserve as above; other
    // formats (ChannelsLast) leave the order unknown.
    {"clone",         Member, K::Copy,           0,  O::K, S::Same,  false},
    // Advanced indexing and selections: fresh C-ordered tensors.
    {"index",         Member, K::Copy,          -1,  O::C, S::Other, false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, CopyMode::IfNeeded, W::ArrayIndex},
    {"index_select",  Member, K::Copy,          -1,  O::C, S::Other, false},
    {"masked_select", Member, K::Copy,          -1,  O::C, S::Other, false},
    {"repeat",        Member, K::Copy,          -1,  O::C, S::Other, false},
    // flip() copies (NumPy's flip is a view); its result keeps a dense
    // source's strides (empty_like with Preserve).
    {"flip",          Member, K::Copy,          -1,  O::K, S::Other, false},
    // Element-wise arithmetic with scalars only (`a.div(255)`, `a.sqrt()`,
    // `a / 255`, `at::exp(a)`): a fresh tensor of a's shape, laid out like a
    // where a is C- or F-contiguous (TensorIterator's output follows its
    // input's strides). With another tensor it broadcasts: not classified.
    NDTIDY_TORCH_COMPUTE("add"),   NDTIDY_TORCH_COMPUTE("sub"),
    NDTIDY_TORCH_COMPUTE("mul"),   NDTIDY_TORCH_COMPUTE("div"),
    NDTIDY_TORCH_COMPUTE("pow"),   NDTIDY_TORCH_COMPUTE("exp"),
    NDTIDY_TORCH_COMPUTE("log"),   NDTIDY_TORCH_COMPUTE("abs"),
    NDTIDY_TORCH_COMPUTE("sqrt"),  NDTIDY_TORCH_COMPUTE("neg"),
    NDTIDY_TORCH_COMPUTE("clamp"), NDTIDY_TORCH_COMPUTE("sigmoid"),
    NDTIDY_TORCH_COMPUTE("tanh"),  NDTIDY_TORCH_COMPUTE("relu"),
    NDTIDY_TORCH_COMPUTE("operator+"), NDTIDY_TORCH_COMPUTE("operator-"),
    NDTIDY_TORCH_COMPUTE("operator*"), NDTIDY_TORCH_COMPUTE("operator/"),
    // to(dtype), to(device, dtype), to(other), toType(), type_as(), cpu():
    // the tensor itself when its dtype and device already match, else a
    // copy with a dense tensor's strides (MemoryFormat::Preserve). Not with
    // a memory format or TensorOptions (which may carry one) spelled.
    {"to",            Member, K::Convert,       -1,  O::K, S::Same,  true,  NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::NoLayoutArguments},
    {"toType",        Member, K::Convert,       -1,  O::K, S::Same,  true},
    {"type_as",       Member, K::Convert,       -1,  O::K, S::Same,  true},
    {"cpu",           Member, K::Convert,       -1,  O::K, S::Same,  true},
    // `temporary = value`: fill_() / copy_() into the temporary.
    {"operator=",     Member, K::Fill,          -1,  O::K, S::Same,  false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, CopyMode::IfNeeded, W::RvalueObject},
    NDTIDY_TORCH_WRITE("fill_"),
    NDTIDY_TORCH_WRITE("zero_"),
    NDTIDY_TORCH_WRITE("copy_"),
    NDTIDY_TORCH_WRITE("index_put_"),
    NDTIDY_TORCH_WRITE("index_fill_"),
    NDTIDY_TORCH_WRITE("index_copy_"),
    NDTIDY_TORCH_WRITE("index_add_"),
    NDTIDY_TORCH_WRITE("masked_fill_"),
    NDTIDY_TORCH_WRITE("masked_scatter_"),
    NDTIDY_TORCH_WRITE("scatter_"),
    NDTIDY_TORCH_WRITE("scatter_add_"),
    NDTIDY_TORCH_WRITE("add_"),
    NDTIDY_TORCH_WRITE("sub_"),
    NDTIDY_TORCH_WRITE("mul_"),
    NDTIDY_TORCH_WRITE("div_"),
    NDTIDY_TORCH_WRITE("pow_"),
    NDTIDY_TORCH_WRITE("clamp_"),
    NDTIDY_TORCH_WRITE("clamp_min_"),
    NDTIDY_TORCH_WRITE("clamp_max_"),
    NDTIDY_TORCH_WRITE("abs_"),
    NDTIDY_TORCH_WRITE("neg_"),
    NDTIDY_TORCH_WRITE("exp_"),
    NDTIDY_TORCH_WRITE("log_"),
    NDTIDY_TORCH_WRITE("sqrt_"),
    NDTIDY_TORCH_WRITE("relu_"),
    NDTIDY_TORCH_WRITE("sigmoid_"),
    NDTIDY_TORCH_WRITE("tanh_"),
    NDTIDY_TORCH_WRITE("normal_"),
    NDTIDY_TORCH_WRITE("uniform_"),
    NDTIDY_TORCH_WRITE("operator+="),
    NDTIDY_TORCH_WRITE("operator-="),
    NDTIDY_TORCH_WRITE("operator*="),
    NDTIDY_TORCH_WRITE("operator/="),
};
#undef NDTIDY_TORCH_WRITE
#undef NDTIDY_TORCH_COMPUTE

// Members that only read a tensor's shape, or its values. The out-of-place
// arithmetic returns a fresh tensor: it reads, and hands out no way to write
// the source.
const QueryMethod TorchQueries[] = {
    {"dim", false},     {"ndimension", false}, {"numel", false, QueryMethod::ElementCount},
    {"size", false, QueryMethod::Extent},    {"sizes", false},      {"element_size", false},
    {"nbytes", false},  {"item", true},        {"sum", true},
    {"mean", true},     {"max", true},         {"min", true},
    {"norm", true},     {"allclose", true},    {"equal", true},
    {"add", true},      {"sub", true},         {"mul", true},
    {"div", true},      {"pow", true},         {"matmul", true},
    {"mm", true},       {"exp", true},         {"log", true},
    {"abs", true},      {"sqrt", true},        {"neg", true},
    {"std", true},      {"var", true},         {"prod", true},
    {"argmax", true},   {"argmin", true},
};

// In-place changes of a tensor's sizes and strides, declared const.
const llvm::StringRef TorchLayoutMutators[] = {
    "t_",        "transpose_", "swapaxes_", "swapdims_",  "squeeze_",
    "unsqueeze_", "resize_",   "resize_as_", "as_strided_", "set_",
    "detach_"};

// /usr/include/ATen/..., /usr/include/torch/csrc/api/include/torch/...,
// /usr/include/c10/...
const llvm::StringRef TorchHeaderDirectories[] = {"ATen", "torch", "c10"};
const llvm::StringRef TorchOtherNamespaces[] = {"::torch"};
const llvm::StringRef TorchBaseClasses[] = {"::at::TensorBase"};

// Torch's types whose parameters can choose a result's memory layout.
const llvm::StringRef TorchLayoutParameterTypes[] = {
    "::c10::MemoryFormat", "::c10::Layout", "::c10::TensorOptions"};

// Fields are set by name: a field added to LibraryModel cannot shift the
// ones after it.
LibraryModel makeTorchModel() {
  LibraryModel M{};
  M.Name = "at";
  M.ArrayClass = "::at::Tensor";
  M.Namespace = "::at";
  M.OrderEnum = "::c10::MemoryFormat";
  M.OrderEnumerators[0] = "Contiguous";
  M.OrderEnumerators[3] = "Preserve";
  M.Api = TorchApi;
  // at::indexing::None is both a new axis and an omitted Slice bound.
  M.Index.NewAxis = "::at::indexing::None";
  M.Index.Ellipsis = "::at::indexing::Ellipsis";
  M.Index.None = "::at::indexing::None";
  M.Index.SliceClass = "::at::indexing::Slice";
  M.Index.EllipsisString = "...";
  // transpose_(), resize_(), as_strided_() change every handle's view.
  M.SharedMetadataMutable = true;
  M.Queries = TorchQueries;
  M.LayoutMutators = TorchLayoutMutators;
  M.HeaderDirectories = TorchHeaderDirectories;
  M.OtherNamespaces = TorchOtherNamespaces;
  M.IndependentCopy = "clone()";
  M.RequireView = "view()";
  M.IndexPut = "index_put_";
  M.LayoutParameterTypes = TorchLayoutParameterTypes;
  M.BaseClasses = TorchBaseClasses;
  return M;
}

} // namespace

const LibraryModel &torchLibraryModel() {
  static const LibraryModel Model = makeTorchModel();
  return Model;
}

} // namespace clang::tidy::ndarray
