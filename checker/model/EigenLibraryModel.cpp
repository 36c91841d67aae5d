//===--- EigenLibraryModel.cpp - Eigen's dense types as data --------------===//
//
// Eigen 3.4 as Debian 12 ships it (libeigen3-dev). Eigen has value
// semantics: a Matrix or Array owns its elements, and copying one copies
// them. Blocks, transposes, maps and arithmetic are expression types that
// reference their operands until something converts them into a Matrix or
// Array. The layout of an expression is in its type (DenseBase's Flags,
// IsRowMajor, InnerStrideAtCompileTime), so this model lists types, not
// calls. Measured against the real library (malloc counting, data()
// identity; see docs/libraries/eigen.md and tests/libcheck/eigen):
//
//   - a `const Matrix&` parameter given an expression binds to a temporary
//     Matrix built from it at the call;
//   - `Ref<const T>` binds without a copy when its compile-time match
//     succeeds, and otherwise copies into an object it owns: Ref.h's
//     constructor then calls `construct(expr, internal::false_type)`.
//
// Not modelled: sparse types, Tensor (unsupported module), TriangularView
// and SelfAdjointView, PermutationMatrix, DiagonalMatrix, geometry types.
//
//===----------------------------------------------------------------------===//

#include "model/ArrayModel.h"

namespace clang::tidy::ndarray {
namespace {

const StorageClass EigenStorage[] = {
    {"::Eigen::Matrix", "const Eigen::MatrixBase<Derived> &",
     StorageClass::HeapUnlessFixed},
    {"::Eigen::Array", "const Eigen::ArrayBase<Derived> &",
     StorageClass::HeapUnlessFixed},
};

// Views and element-wise expressions: converting one into storage copies
// (or combines) its operands' elements.
const llvm::StringRef EigenExpressions[] = {
    "::Eigen::Block",         "::Eigen::Transpose",
    "::Eigen::Map",           "::Eigen::Ref",
    "::Eigen::Reshaped",      "::Eigen::IndexedView",
    "::Eigen::Diagonal",      "::Eigen::Reverse",
    "::Eigen::Replicate",     "::Eigen::Select",
    "::Eigen::ArrayWrapper",  "::Eigen::MatrixWrapper",
    "::Eigen::CwiseUnaryOp",  "::Eigen::CwiseUnaryView",
    "::Eigen::CwiseBinaryOp", "::Eigen::CwiseTernaryOp",
    "::Eigen::VectorBlock",
};

// Expressions whose value must be computed into a buffer anyway: a product
// taken unevaluated is evaluated again on each coefficient access, and a
// nullary expression (Zero, Constant, Random) has no elements to share.
const llvm::StringRef EigenEvaluating[] = {
    "::Eigen::Product",       "::Eigen::Inverse",
    "::Eigen::Solve",         "::Eigen::CwiseNullaryOp",
    "::Eigen::PartialReduxExpr", "::Eigen::Homogeneous",
};

// Aliasing (measured on this machine, tests/libcheck/eigen/alias_*.cpp and
// docs/checks/ndarray-aliasing.md): `a = a.transpose()` overwrites
// elements before reading them unless a has one row or one column, and
// debug builds abort ("aliasing detected during transposition");
// `v = v.reverse()` is wrong once v has more elements than one SIMD packet
// holds, with no assertion. Transpose and Reverse are lazy: their type says
// so. Reverse's second template argument is its DirectionType; 2 is
// BothDirections (the default, `reverse()`); 0 is Vertical (the order of
// the rows, `a.colwise().reverse()`), 1 Horizontal (the order of the
// columns, `a.rowwise().reverse()`). A one-axis reverse is wrong whenever
// the reversed axis is the outer one of the storage order and has two or
// more entries, and along the inner one once it is longer than one SIMD
// packet or of odd length >= 3 (measured:
// tests/libcheck/eigen/measure/alias_reverse_axis.cpp); no assertion.
// VectorwiseOp::reverseInPlace() swaps the two halves, which are disjoint.
const ReorderingExpression EigenReorderings[] = {
    {ReorderKind::Transpose, "::Eigen::Transpose", /*Function=*/"",
     /*DirectionArgument=*/-1, /*AllDirections=*/0,
     /*InPlace=*/"transposeInPlace", /*DebugAssertion=*/true},
    {ReorderKind::Reverse, "::Eigen::Reverse", /*Function=*/"",
     /*DirectionArgument=*/1, /*AllDirections=*/2,
     /*InPlace=*/"reverseInPlace", /*DebugAssertion=*/false,
     /*RowOrderDirection=*/0, /*ColumnOrderDirection=*/1},
};

// Coefficient-wise expressions read each operand where they write.
const llvm::StringRef EigenElementWise[] = {
    "::Eigen::CwiseBinaryOp",
    "::Eigen::CwiseUnaryOp",
};

// `a = a * b` evaluates the product into a temporary ("the only operation
// that assumes aliasing"); `a.noalias() = a * b` writes into a directly.
const llvm::StringRef EigenProducts[] = {"::Eigen::Product"};
const llvm::StringRef EigenGenerators[] = {"::Eigen::CwiseNullaryOp"};
const llvm::StringRef EigenNoAlias[] = {"::Eigen::NoAlias"};

// `x.eval()` (DenseBase::eval): a plain object returns itself by const
// reference; an expression is evaluated into its PlainObject, whose storage
// order is the expression's own (a transpose's is RowMajor): converting that
// into a ColMajor MatrixXd copies again (measured:
// tests/libcheck/eigen/rc_*.cpp, 2 allocations).
const EvaluatorCall EigenEvaluators[] = {{"eval", /*IsMember=*/true}};

// `x.colwise()`, `x.rowwise()`: a reference to x for reading
// (`x.colwise().mean()`) and writing (`x.colwise() += v`).
const llvm::StringRef EigenProxies[] = {"::Eigen::VectorwiseOp"};

// `a.block(i, j, h, w) = a.block(k, l, h, w)` copies in the destination's
// storage order, coefficient by coefficient or packet by packet, straight
// into a: overlapping parts are wrong when the destination starts after the
// source (measured, tests/libcheck/eigen/measure/alias_overlap.cpp). The
// Block type does not carry the offsets: the call does. The fixed-size
// forms (`segment<n>(i)`, `block<h, w>(i, j)`) spell fewer arguments and
// are not listed.
const RegionAccessor EigenRegions[] = {
    {"segment", RegionSpelling::StartLength},
    {"head", RegionSpelling::Head},
    {"tail", RegionSpelling::Tail},
    {"block", RegionSpelling::RowColExtents},
};

const ValueTypeTable EigenTypes = {
    /*Storage=*/EigenStorage,
    /*Expressions=*/EigenExpressions,
    /*Evaluating=*/EigenEvaluating,
    /*ConstRef=*/"::Eigen::Ref",
    /*RefBinder=*/"construct",
    /*RefCopyTag=*/"::Eigen::internal::false_type",
    /*AnyStride=*/"Eigen::Stride<Eigen::Dynamic, Eigen::Dynamic>",
    /*AnyInnerStride=*/"Eigen::InnerStride<>",
    /*ConstRefSpelling=*/"Eigen::Ref",
    /*Traits=*/
    {/*Scalar=*/"Scalar", /*Size=*/"SizeAtCompileTime", /*Flags=*/"Flags",
     /*DirectAccessBit=*/0x40, /*RowMajor=*/"IsRowMajor",
     /*InnerStride=*/"InnerStrideAtCompileTime",
     /*IsVector=*/"IsVectorAtCompileTime", /*Dynamic=*/-1,
     /*Rows=*/"RowsAtCompileTime", /*Cols=*/"ColsAtCompileTime",
     /*MaxSize=*/"MaxSizeAtCompileTime"},
    /*Reorderings=*/EigenReorderings,
    /*ElementWise=*/EigenElementWise,
    /*Products=*/EigenProducts,
    /*Generators=*/EigenGenerators,
    /*NoAliasWrappers=*/EigenNoAlias,
    /*AssignmentEvaluatesFirst=*/false,
    /*Evaluators=*/EigenEvaluators,
    /*Proxies=*/EigenProxies,
    /*Regions=*/EigenRegions,
};

// /usr/include/eigen3/Eigen/src/Core/...
const llvm::StringRef EigenHeaderDirectories[] = {"Eigen"};

} // namespace

const LibraryModel &eigenLibraryModel() {
  static const LibraryModel Model =
      valueLibraryModel("Eigen", "::Eigen", EigenHeaderDirectories, EigenTypes);
  return Model;
}

} // namespace clang::tidy::ndarray
