//===--- NdLibraryModel.cpp - the nd runtime's API as data ----------------===//
//
// Each row states NumPy's semantics for the nd spelling of an operation; see
// docs/runtime.md for the runtime side of the same table.
//
//===----------------------------------------------------------------------===//

#include "model/ArrayModel.h"

namespace clang::tidy::ndarray {
namespace {

using K = ArrayOpKind;
using O = MemoryOrder;
using S = ResultShape;

constexpr bool Member = true;
constexpr bool Free = false;

using P = PermuteStyle;
using L = ResultLayout;
constexpr int NoParam = -1;

// Parameter indices count the callee's declared parameters (a free function's
// array argument is parameter 0).
const ArrayApiEntry NdApi[] = {
    // Name                 Member  Kind              Order Fixed  Shape     Converts Shape CopyMode Permutation Layout Inputs Axis
    {"zeros",               Free,   K::Create,         1,  O::C, S::Other, false,  0, NoParam},
    {"ones",                Free,   K::Create,         1,  O::C, S::Other, false,  0, NoParam},
    {"empty",               Free,   K::Create,         1,  O::C, S::Other, false,  0, NoParam},
    {"full",                Free,   K::Create,         2,  O::C, S::Other, false,  0, NoParam},
    {"arange",              Free,   K::Create,        -1,  O::C, S::Flat,  false,  0, NoParam},
    {"view",                Member, K::View,          -1,  O::K, S::Same,  false},
    {"squeeze",             Member, K::View,          -1,  O::K, S::Other, false},
    {"expand_dims",         Free,   K::View,          -1,  O::K, S::Other, false},
    {"T",                   Member, K::Permute,       -1,  O::K, S::Other, false, NoParam, NoParam, P::Reverse},
    {"transpose",           Member, K::Permute,       -1,  O::K, S::Other, false, NoParam, NoParam, P::Axes},
    {"swapaxes",            Member, K::Permute,       -1,  O::K, S::Other, false, NoParam, NoParam, P::Swap},
    {"moveaxis",            Free,   K::Permute,       -1,  O::K, S::Other, false, NoParam, NoParam, P::Move},
    {"operator()",          Member, K::Slice,         -1,  O::K, S::Other, false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, CopyMode::IfNeeded, CallCondition::Always, IndexSpelling::PerAxis},
    {"operator()",          Member, K::ElementAccess, -1,  O::K, S::Other, false},
    {"diagonal",            Member, K::Slice,         -1,  O::K, S::Other, false},
    {"broadcast_to",        Free,   K::Slice,         -1,  O::K, S::Other, false},
    {"ravel",               Member, K::Ravel,          0,  O::C, S::Flat,  false},
    {"reshape",             Member, K::Reshape,        1,  O::C, S::Other, false,  0, 2},
    {"ascontiguousarray",   Free,   K::MakeContiguous,-1,  O::C, S::Same,  false},
    {"asfortranarray",      Free,   K::MakeContiguous,-1,  O::F, S::Same,  false},
    {"copy",                Member, K::Copy,           0,  O::C, S::Same,  false},
    {"copy",                Free,   K::Copy,           1,  O::K, S::Same,  false},
    {"flatten",             Member, K::Copy,           0,  O::C, S::Flat,  false},
    {"astype",              Member, K::Copy,           0,  O::K, S::Same,  true},
    {"take",                Member, K::Copy,          -1,  O::C, S::Other, false},
    // The result's memory order follows the inputs' (all F gives F).
    {"concatenate",         Free,   K::Copy,          -1,  O::C, S::Other, false, NoParam, NoParam, P::None, L::FollowsInputs, 0, 1},
    // Advanced indexing (integer arrays, boolean masks) always copies.
    {"index",               Member, K::Copy,          -1,  O::C, S::Other, false},
    {"operator[]",          Member, K::Copy,          -1,  O::C, S::Other, false},
    {"fill",                Member, K::Fill,          -1,  O::K, S::Same,  false},
};

using Q = QueryMethod;
const QueryMethod NdQueries[] = {
    {"ndim", false},
    {"size", false, Q::ElementCount},
    {"nbytes", false},
    {"itemsize", false},
    {"shape", false, Q::Extent}, // shape(axis); shape() is a span
    {"to_vector", true, Q::ElementsAsVector},
};

// runtime/include/nd/ and its subdirectories (installed as include/nd/).
const llvm::StringRef NdHeaderDirectories[] = {"include/nd"};

// Fields are set by name: a field added to LibraryModel cannot shift the
// ones after it.
LibraryModel makeNdModel() {
  LibraryModel M{};
  M.Name = "nd";
  M.ArrayClass = "::nd::array";
  M.Namespace = "::nd";
  M.OrderEnum = "::nd::order";
  M.OrderEnumerators[0] = "C";
  M.OrderEnumerators[1] = "F";
  M.OrderEnumerators[2] = "A";
  M.OrderEnumerators[3] = "K";
  M.Api = NdApi;
  M.Index = {"::nd::all", "::nd::newaxis", "::nd::ellipsis", "::nd::none",
             "::nd::slice"};
  M.CopyModeEnum = "::nd::copy_mode";
  M.CopyModeEnumerators[0] = "if_needed";
  M.CopyModeEnumerators[1] = "always";
  M.CopyModeEnumerators[2] = "never";
  M.SharedMetadataMutable = true; // set_shape()
  M.Queries = NdQueries;
  M.HeaderDirectories = NdHeaderDirectories;
  return M;
}

} // namespace

const LibraryModel &ndLibraryModel() {
  static const LibraryModel Model = makeNdModel();
  return Model;
}

} // namespace clang::tidy::ndarray
