//===--- XtensorLibraryModel.cpp - xtensor's types as data ----------------===//
//
// xtensor 0.24 as Debian 12 ships it (xtensor-dev). Like Eigen, xtensor has
// value semantics: xarray_container (xt::xarray), xtensor_container
// (xt::xtensor) and xfixed_container own their elements; views
// (xview, xstrided_view, flatten/ravel's xtensor_view, adaptors) and lazy
// expressions (xfunction, xbroadcast) reference their operands. A copy
// happens where something else is converted into a container, for instance
// when a view or an xt::xtensor<double, 2> is passed to a
// `const xt::xarray<double>&` parameter (measured: tests/libcheck/xtensor,
// docs/libraries/xtensor.md).
//
// The types publish no compile-time element count, so no byte count is
// given. Clang 19 parses xtensor 0.24 only with
// -fno-relaxed-template-template-args; Clang 22 parses it as is.
//
//===----------------------------------------------------------------------===//

#include "model/ArrayModel.h"

namespace clang::tidy::ndarray {
namespace {

const StorageClass XtensorStorage[] = {
    {"::xt::xarray_container", "const xt::xexpression<E> &",
     StorageClass::Heap},
    {"::xt::xtensor_container", "const xt::xexpression<E> &",
     StorageClass::Heap},
    {"::xt::xfixed_container", "const xt::xexpression<E> &",
     StorageClass::Inline},
};

const llvm::StringRef XtensorExpressions[] = {
    "::xt::xview",         "::xt::xstrided_view", "::xt::xdynamic_view",
    "::xt::xtensor_view",  "::xt::xarray_adaptor", "::xt::xtensor_adaptor",
    "::xt::xindex_view",   "::xt::xfiltration",   "::xt::xfunction",
};

// Generators (arange), broadcasts (zeros and ones are broadcast scalars)
// and reductions compute their values: there is nothing to share, and an
// unevaluated reduction recomputes on each access.
const llvm::StringRef XtensorEvaluating[] = {
    "::xt::xgenerator",
    "::xt::xbroadcast",
    "::xt::xreducer",
};

// Aliasing (measured, tests/libcheck/xtensor/alias_*.cpp): a plain
// assignment (and `+=`) evaluates its right side into a temporary first,
// so `a = xt::transpose(a)` is right; `xt::noalias(a) = xt::transpose(a)`
// assigns element by element and is wrong once a has two axes longer than
// 1. transpose() returns an xstrided_view, which other views share: the
// function, called with the operand alone (no permutation), is what tells.
const ReorderingExpression XtensorReorderings[] = {
    {ReorderKind::Transpose, /*Class=*/"", /*Function=*/"::xt::transpose"},
};
const llvm::StringRef XtensorElementWise[] = {"::xt::xfunction"};
const llvm::StringRef XtensorGenerators[] = {"::xt::xgenerator",
                                             "::xt::xbroadcast"};
const llvm::StringRef XtensorNoAlias[] = {"::xt::noalias_proxy"};

// `xt::eval(e)`: a container is returned by reference, any other expression
// evaluated into a fresh container (xtensor_container when the rank is
// fixed, else xarray_container, row-major).
const EvaluatorCall XtensorEvaluators[] = {{"::xt::eval", /*IsMember=*/false}};

const ValueTypeTable XtensorTypes = {
    /*Storage=*/XtensorStorage,
    /*Expressions=*/XtensorExpressions,
    /*Evaluating=*/XtensorEvaluating,
    /*ConstRef=*/"",
    /*RefBinder=*/"",
    /*RefCopyTag=*/"",
    /*AnyStride=*/"",
    /*AnyInnerStride=*/"",
    /*ConstRefSpelling=*/"",
    // No member says the element count, the storage order or the strides
    // at compile time.
    /*Traits=*/
    {/*Scalar=*/"value_type", /*Size=*/"", /*Flags=*/"", /*DirectAccessBit=*/0,
     /*RowMajor=*/"", /*InnerStride=*/"", /*IsVector=*/"", /*Dynamic=*/-1},
    /*Reorderings=*/XtensorReorderings,
    /*ElementWise=*/XtensorElementWise,
    /*Products=*/{},
    /*Generators=*/XtensorGenerators,
    /*NoAliasWrappers=*/XtensorNoAlias,
    /*AssignmentEvaluatesFirst=*/true,
    /*Evaluators=*/XtensorEvaluators,
};

// /usr/include/xtensor/...
const llvm::StringRef XtensorHeaderDirectories[] = {"xtensor"};

} // namespace

const LibraryModel &xtensorLibraryModel() {
  static const LibraryModel Model =
      valueLibraryModel("xt", "::xt", XtensorHeaderDirectories, XtensorTypes);
  return Model;
}

} // namespace clang::tidy::ndarray
