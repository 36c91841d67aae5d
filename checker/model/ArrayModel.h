//===--- ArrayModel.h - what an array library's calls do ------------------===//
//
// The one place that knows an array library's API. A LibraryModel is plain
// data: which names are calls on arrays and what each does to layout and
// ownership. Checks ask ArrayModel::classify() about a call and reason about
// the returned ArrayOperation; they never match method names themselves.
//
// Adding a library (cv::Mat, torch::Tensor, ...) means writing one more
// LibraryModel table, not new checks.
//
//===----------------------------------------------------------------------===//

#ifndef NDTIDY_MODEL_ARRAYMODEL_H
#define NDTIDY_MODEL_ARRAYMODEL_H

#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <utility>

namespace clang::tidy::ndarray {

/// NumPy's memory-order argument: C = row-major (layout_right),
/// F = column-major (layout_left), A = F if F-contiguous and not C, else C;
/// K = keep the source's memory order.
enum class MemoryOrder { C, F, A, K };

/// What an operation does to its source array.
enum class ArrayOpKind {
  Create,         ///< A fresh array not derived from another (zeros, arange).
  /// An array over memory its caller passes and keeps owning (torch's
  /// `from_blob(data, sizes)`): no buffer of its own, and not a copy.
  /// Dense in its FixedOrder when the call gives no strides; writes through
  /// it reach that memory, which the analyses do not see.
  Wrap,
  View,           ///< A view with the source's layout (view(), squeeze).
  Permute,        ///< A view with permuted axes (T, transpose, swapaxes).
  Slice,          ///< A view that may lose contiguity (stepped/partial slice).
  Ravel,          ///< 1-D view if contiguous in the order, otherwise a copy.
  Reshape,        ///< View if NumPy's no-copy reshape succeeds, else a copy.
  MakeContiguous, ///< The source itself if it fits the order, else a copy.
  Copy,           ///< Always a fresh buffer (copy, flatten, astype, take).
  /// A fresh array of the source's shape whose elements are computed from
  /// the source's (torch's `a.div(255)`, `a.sqrt()`): not a copy of them, so
  /// no finding about copies is about it; its layout keeps the source's
  /// memory order (K) where that order is C or F.
  Compute,
  /// The source itself when it already has the requested element type (and
  /// device), else a converted copy that keeps a dense source's strides
  /// (torch's `to(dtype)`, MemoryFormat::Preserve). Which of the two is not
  /// known without element types, so the result may share the source's
  /// buffer; either way a C- or F-contiguous source's order is kept.
  Convert,
  ElementAccess,  ///< A reference to one element.
  Fill,           ///< Writes every element in place.
  /// Makes the handle refer to another array's buffer and writes no element
  /// (OpenCV's `Mat::operator=(const Mat&)`): on a temporary header
  /// (`a.row(i) = a.row(j)`) nothing happens to the source.
  Rebind,
  /// Writes the source's elements into the array passed as its OutputParam
  /// argument, which it first reallocates when that array's shape or element
  /// type differs from the result's (OpenCV's copyTo, convertTo): a view
  /// passed there then stops viewing its array, and the write is lost.
  CopyInto,
};

/// Whether an operation of this kind makes its result from no source array.
inline bool hasNoSource(ArrayOpKind Kind) {
  return Kind == ArrayOpKind::Create || Kind == ArrayOpKind::Wrap;
}

/// Whether the result of an operation of this kind may share its source's
/// buffer: every view-producing kind, including those that copy only
/// because of layout.
inline bool mayShareResult(ArrayOpKind Kind) {
  switch (Kind) {
  case ArrayOpKind::View:
  case ArrayOpKind::Permute:
  case ArrayOpKind::Slice:
  case ArrayOpKind::Ravel:
  case ArrayOpKind::Reshape:
  case ArrayOpKind::MakeContiguous:
  case ArrayOpKind::Convert:
    return true;
  default:
    return false;
  }
}

/// The shape of an operation's result relative to its source.
enum class ResultShape { Same, Flat, Other };

/// How a Permute operation chooses its axis order.
enum class PermuteStyle {
  None,    ///< Not a permutation.
  Reverse, ///< All axes reversed (T).
  Axes,    ///< An explicit axis list; reversed when absent (transpose).
  Swap,    ///< Two axes exchanged (swapaxes(i, j)).
  Move,    ///< One axis moved to a new position (moveaxis(a, from, to)).
};

/// NumPy 2.1's reshape `copy=` argument: None, True, False.
enum class CopyMode { IfNeeded, Always, Never };

/// Where the memory layout of a Copy's fresh buffer comes from.
enum class ResultLayout {
  /// Dense in the call's order; K and A follow the source's flags.
  FromOrder,
  /// Dense in the axis order the inputs' strides agree on, C order breaking
  /// ties (NumPy's multi-sorted stride permutation: concatenate). All-F
  /// inputs give an F result.
  FollowsInputs,
};

/// When an entry applies to a call of its name; a call no entry applies to
/// is not classified (the analyses treat it as unknown).
enum class CallCondition {
  Always,
  /// No argument spelled: torch's `flatten()` is a reshape to 1-D, while
  /// `flatten(1)` keeps the first axis.
  NoArguments,
  /// An index list (`index({...})`) with an array among its entries:
  /// advanced indexing, which copies.
  ArrayIndex,
  /// An index list spelled as a braced list without arrays: basic indexing.
  BasicIndex,
  /// A member called on a temporary through its `&&`-qualified overload
  /// (torch's `t.index({m}) = v` writes into the temporary; the `&`
  /// overload rebinds a handle).
  RvalueObject,
  /// A member called on a temporary object, whatever its overload's
  /// qualifiers (OpenCV's `a.row(i) = ...`).
  TemporaryObject,
  /// The argument for ConditionParam is the call's last, spelled and a
  /// nonzero constant (OpenCV's `reshape(cn, rows)` changes the row count
  /// only with rows != 0).
  NonZeroArgument,
  /// No argument besides the source is an array: torch's `a.div(255)` keeps
  /// a's shape, while `a.div(b)` broadcasts it with b's.
  NoOtherArrays,
  /// No spelled argument binds a parameter whose type can choose the
  /// result's layout (LibraryModel::LayoutParameterTypes): torch's
  /// `to(at::kDouble)` keeps the source's strides, `to(options)` or
  /// `to(dtype, false, false, memory_format)` may not.
  NoLayoutArguments,
  /// The callee takes no parameter besides ShapeParam of ShapeParam's type:
  /// torch's `from_blob(data, sizes)`, not `from_blob(data, sizes, strides)`.
  NoStrides,
};

/// How a Slice entry's arguments spell its basic index (NumPy's `a[...]`),
/// from which the view's geometry follows. None: the view's layout is not
/// derived (diagonal, expand).
enum class IndexSpelling {
  None,
  /// One argument per axis: nd's `a(i, nd::all, nd::slice(0, 4, 2))`,
  /// OpenCV's `m(Range(0, 4), Range::all())`; a region object stands for
  /// two axes (OpenCV's `m(Rect(x, y, w, h))`).
  PerAxis,
  /// One braced list of per-axis indices: torch's `t.index({Slice(), 0})`.
  BracedList,
  /// Along the axis given by the first argument: an integer index (torch's
  /// `select(dim, i)`), start and length (`narrow(dim, start, length)`),
  /// start, stop and step (`slice(dim, start, end, step)`).
  AxisInteger,
  AxisStartLength,
  AxisStartStopStep,
  /// Along axis 0 (Row) or 1 (Col) of a matrix: one index kept as an axis
  /// of length 1 (OpenCV's `row(i)`, `col(j)`), or start and stop or a
  /// range object (`rowRange(a, b)`, `colRange(Range(a, b))`).
  RowIndex,
  ColIndex,
  RowRange,
  ColRange,
  /// Not an index: the sizes to broadcast to, at ShapeParam (torch's
  /// `expand({4, n})`): new leading axes and axes of length 1 stretched to
  /// another length get stride 0; -1 or the same length keeps an axis.
  BroadcastSizes,
};

/// One entry of a library's API table.
struct ArrayApiEntry {
  llvm::StringRef Name; ///< Unqualified function or operator name.
  bool IsMember;        ///< Member of the array class, else a free function.
  ArrayOpKind Kind;
  int OrderParam;         ///< Index of the order parameter, -1 if none.
  MemoryOrder FixedOrder; ///< The order used when OrderParam is -1.
  ResultShape Shape;
  bool ConvertsType; ///< The result's element type may differ (astype).
  /// Index of the shape parameter (creation, reshape), -1 if none. For a
  /// Create entry with ResultShape::Flat, the parameter is the 1-D length
  /// (arange(stop)).
  int ShapeParam = -1;
  /// Index of the copy-mode parameter (reshape), -1 if none.
  int CopyModeParam = -1;
  PermuteStyle Permutation = PermuteStyle::None;
  /// How a Copy's result is laid out.
  ResultLayout Layout = ResultLayout::FromOrder;
  /// Index of the parameter taking a list of input arrays (concatenate), -1
  /// if none.
  int InputsParam = -1;
  /// Index of the axis parameter of a FollowsInputs entry, -1 if none.
  int AxisParam = -1;
  /// The copy mode when CopyModeParam is -1 (torch's `view()`: Never).
  CopyMode FixedCopyMode = CopyMode::IfNeeded;
  CallCondition When = CallCondition::Always;
  /// How a Slice entry spells its index.
  IndexSpelling Index = IndexSpelling::None;
  /// A Reshape that is a view only when its source is contiguous in the
  /// order, whatever its strides (OpenCV's `reshape(cn, rows)` with a new
  /// row count needs `isContinuous()`), where NumPy's rule asks only that
  /// the strides fit the new shape.
  bool ViewNeedsContiguous = false;
  /// The parameter CallCondition::NonZeroArgument looks at.
  int ConditionParam = -1;
  /// The destination parameter of a CopyInto entry.
  int OutputParam = -1;
  /// The parameter whose element-type code (ElementTypeCodes) gives the
  /// depth of a CopyInto's result, the channels staying the source's; a
  /// negative code keeps the source's type (OpenCV's `convertTo(dst,
  /// rtype)`). -1: the result has the source's type, unless ConvertsType.
  int ResultTypeParam = -1;
};

/// The library's spelling of basic-indexing arguments (NumPy's `:`, `None`,
/// `...`, `slice(start, stop, step)`).
struct IndexVocabulary {
  llvm::StringRef All;        ///< Qualified name of the `:` object.
  llvm::StringRef NewAxis;    ///< Qualified name of the `None` axis object.
  llvm::StringRef Ellipsis;   ///< Qualified name of the `...` object.
  llvm::StringRef None;       ///< Qualified name of an omitted slice bound.
  llvm::StringRef SliceClass; ///< Qualified name of the slice class.
  /// A string literal that spells `...` (torch's `index({"...", 0})`).
  llvm::StringRef EllipsisString = {};
  /// A range class constructed from (start, stop) (OpenCV's cv::Range),
  /// and its static member that means the whole axis (`Range::all()`).
  llvm::StringRef RangeClass = {};
  llvm::StringRef RangeAll = {};
  /// A region class constructed from (x, y, width, height) that indexes
  /// rows y .. y+height and columns x .. x+width (OpenCV's cv::Rect_).
  llvm::StringRef RegionClass = {};
};

/// A fresh, dense array built from extents spelled as separate integer
/// arguments: OpenCV's `cv::Mat m(rows, cols, type)` and
/// `cv::Mat::zeros(rows, cols, type)`.
struct Construction {
  /// A static member function of the array class whose result converts to
  /// the array (`zeros`); empty: the array class's own constructors.
  llvm::StringRef Factory;
  unsigned Extents; ///< Parameters 0 .. Extents-1 are the extents, C order.
  int ElementTypeParam; ///< The element-type code's parameter, -1 if none.
};

/// How an integer element-type code encodes the element's size (OpenCV's
/// CV_8UC3: depth in the low bits, channels - 1 above them).
struct ElementTypeCodes {
  llvm::ArrayRef<uint8_t> DepthBytes; ///< Bytes per channel, by depth.
  unsigned ChannelShift = 0;          ///< Bits of the depth.
  /// How messages name each depth ("CV_32F"), by depth.
  llvm::ArrayRef<llvm::StringRef> DepthNames = {};
  /// Bits of the channel count above ChannelShift (OpenCV: 9, up to 512).
  unsigned ChannelBits = 0;

  /// Whether \p Code is a code these tables describe.
  bool known(int64_t Code) const;
  /// The depth of \p Code (OpenCV's CV_MAT_DEPTH): an index of DepthBytes.
  uint64_t depthOf(int64_t Code) const {
    return uint64_t(Code) & ((uint64_t(1) << ChannelShift) - 1);
  }
  /// The channel count of \p Code (OpenCV's CV_MAT_CN).
  uint64_t channelsOf(int64_t Code) const {
    return (uint64_t(Code) >> ChannelShift) + 1;
  }
  /// sizeof an element of type \p Code, 0 when not known().
  uint64_t elementSize(int64_t Code) const;
  /// The type with \p Depth's depth and \p Type's channels (OpenCV's
  /// CV_MAKETYPE(CV_MAT_DEPTH(Depth), CV_MAT_CN(Type))).
  int withDepthOf(int Type, int64_t Depth) const;
  /// "CV_32F" (one channel), "CV_8UC3"; empty when not known().
  std::string name(int64_t Code) const;
};

/// A member that only reads an array: its shape (`ndim`, `size`, `shape`), or
/// its element values (`to_vector`). What it returns is the same for a view
/// and for a dense copy of the same elements, and it hands out no way to
/// write. Deliberately not queries: strides, offset, flags, owndata, base,
/// data, is — their answers differ between a view and a copy, or expose the
/// buffer.
struct QueryMethod {
  llvm::StringRef Name;
  bool ReadsElements;
  /// What the query's answer is, where a check needs to know it.
  enum FactKind {
    Other,
    /// The number of elements (nd's `size()`, torch's `numel()`,
    /// OpenCV's `total()`); called without arguments.
    ElementCount,
    /// The length of the axis its one argument names (nd's `shape(axis)`).
    Extent,
    /// Every element, in C order, as a fresh `std::vector` of the element
    /// type (nd's `to_vector()`): one bulk export of the array.
    ElementsAsVector,
  } Fact = Other;
};

/// A class template of a value-semantics library whose objects own their
/// elements (Eigen's Matrix, xtensor's xarray_container): converting anything
/// else into one evaluates or copies into a fresh object.
struct StorageClass {
  llvm::StringRef Name; ///< Qualified name of the class template.
  /// A parameter type that takes every expression of the library by
  /// reference, without evaluating it ("const Eigen::MatrixBase<Derived> &"):
  /// advice for functions that take a const reference to this class.
  llvm::StringRef GenericParameter;
  /// Where an object keeps its elements, which decides whether copying one
  /// allocates (what ndarray-unnecessary-copy and -redundant-copy-chain
  /// claim).
  enum BufferKind {
    /// Always on the heap (xt::xarray, xt::xtensor).
    Heap,
    /// On the heap when the type's maximum element count is not fixed
    /// (TypeTraitNames::MaxSize is Dynamic: Eigen's MatrixXd, not Matrix3d).
    HeapUnlessFixed,
    /// Inside the object (xt::xtensor_fixed): a copy allocates nothing.
    Inline,
  } Buffer = Heap;
};

/// A call that evaluates an expression into a fresh storage object and
/// returns it by value, or returns its operand itself (by reference) when
/// that is storage already: Eigen's `x.eval()`, xtensor's `xt::eval(x)`.
struct EvaluatorCall {
  llvm::StringRef Name; ///< Member name, or qualified name of a free function.
  bool IsMember;        ///< Else a free function taking the operand first.
};

/// Names of the compile-time facts a library's array and expression types
/// publish as members (Eigen's DenseBase enumerators). An empty name: the
/// library publishes no such member.
struct TypeTraitNames {
  llvm::StringRef Scalar;      ///< Member type of the element.
  llvm::StringRef Size;        ///< Element count, Dynamic when not fixed.
  llvm::StringRef Flags;       ///< Bit set of layout flags.
  uint64_t DirectAccessBit = 0; ///< Flags bit: elements addressable in memory.
  llvm::StringRef RowMajor;    ///< Nonzero when stored row by row.
  llvm::StringRef InnerStride; ///< Stride between adjacent inner elements.
  llvm::StringRef IsVector;    ///< Nonzero when an extent is fixed to 1.
  int64_t Dynamic = -1;        ///< The value meaning "not fixed".
  llvm::StringRef Rows = {};   ///< Row count, Dynamic when not fixed.
  llvm::StringRef Cols = {};   ///< Column count, Dynamic when not fixed.
  /// Upper bound of the element count, Dynamic when unbounded (decides
  /// StorageClass::HeapUnlessFixed).
  llvm::StringRef MaxSize = {};
};

/// How a lazy expression reads its operand in an order other than the
/// destination's, so that assigning it to its own operand reads elements
/// the assignment has already written.
enum class ReorderKind {
  Transpose, ///< Rows become columns (Eigen::Transpose, xt::transpose).
  Reverse,   ///< Elements in reverse order (Eigen::Reverse, all directions).
};

/// A reordering lazy expression, known by its type (Eigen) or by the free
/// function that builds it (xtensor's transpose returns an xstrided_view,
/// a type other views share).
struct ReorderingExpression {
  ReorderKind Kind;
  /// Qualified name of the expression's class template; empty when the
  /// type does not tell (then Function does).
  llvm::StringRef Class;
  /// Qualified name of the free function returning the expression, called
  /// with the operand only; empty when Class tells.
  llvm::StringRef Function = {};
  /// Index of a template argument of Class that must equal AllDirections
  /// (Eigen::Reverse<T, BothDirections>); -1 if none.
  int DirectionArgument = -1;
  int64_t AllDirections = 0;
  /// The operand's member that does the same in place
  /// ("transposeInPlace"): the fix for `a = a.transpose();`.
  llvm::StringRef InPlace = {};
  /// Whether the library's debug builds assert on this aliasing (Eigen's
  /// "aliasing detected during transposition").
  bool DebugAssertion = false;
  /// Values of the DirectionArgument that reverse one axis only: the order
  /// of the rows (each column reversed; Eigen's Vertical, from
  /// `a.colwise().reverse()`) or of the columns (Horizontal, from
  /// `a.rowwise().reverse()`); -1 if none. Such an expression is reached
  /// through one of the library's Proxies, whose InPlace member does the
  /// same in place (`a.colwise().reverseInPlace()`).
  int64_t RowOrderDirection = -1;
  int64_t ColumnOrderDirection = -1;
};

/// How a member that designates a rectangular part of its object spells
/// where that part lies: integer arguments, in the member's parameter order.
enum class RegionSpelling {
  StartLength, ///< (start, length) along a vector: Eigen's segment(i, n).
  Head,        ///< (length) from a vector's start: head(n).
  /// (length) up to a vector's end: tail(n); its start needs the vector's
  /// size.
  Tail,
  /// (row, col, rows, cols): Eigen's block(i, j, h, w).
  RowColExtents,
};

/// A member of a storage class that returns a writable view of a part of
/// its object (Eigen's Block): aliasing needs where the part lies, which
/// the view's type does not carry.
struct RegionAccessor {
  llvm::StringRef Name; ///< Member name.
  RegionSpelling Spelling;
};

/// The types of a library with value semantics (Eigen, xtensor): arrays are
/// storage objects, views and lazy expressions are other class templates,
/// and the copies sit where an expression is converted into storage. Such a
/// library has no ArrayApiEntry table: its layout is in its types.
struct ValueTypeTable {
  llvm::ArrayRef<StorageClass> Storage;
  /// Class templates of views and lazy expressions, which reference their
  /// operands' elements (Block, Transpose, CwiseBinaryOp, xview, xfunction).
  llvm::ArrayRef<llvm::StringRef> Expressions;
  /// Expressions whose conversion into storage computes a result rather
  /// than copying or combining elements element-wise (Eigen's Product): a
  /// function taking them unevaluated would evaluate them again.
  llvm::ArrayRef<llvm::StringRef> Evaluating = {};
  /// The read-only reference class template (Eigen::Ref<const T>), which
  /// binds to a matching expression and copies any other into an object it
  /// owns; empty if the library has none.
  llvm::StringRef ConstRef = {};
  /// ConstRef's member that binds or copies, and the type of its tag
  /// argument that selects the copy: an instantiated
  /// `construct(expr, internal::false_type)` is a copy at compile time.
  llvm::StringRef RefBinder = {};
  llvm::StringRef RefCopyTag = {};
  /// Advice: ConstRef's stride argument that accepts any stride
  /// ("Eigen::Stride<Eigen::Dynamic, Eigen::Dynamic>").
  llvm::StringRef AnyStride = {};
  /// Advice: ConstRef's stride argument that accepts any inner stride of a
  /// vector ("Eigen::InnerStride<>").
  llvm::StringRef AnyInnerStride = {};
  /// Advice: how messages spell ConstRef ("Eigen::Ref").
  llvm::StringRef ConstRefSpelling = {};
  TypeTraitNames Traits = {};
  /// Aliasing: expressions that read their operand in another order.
  llvm::ArrayRef<ReorderingExpression> Reorderings = {};
  /// Aliasing: element-wise expressions (CwiseBinaryOp, xfunction), which
  /// read each operand at the position they write.
  llvm::ArrayRef<llvm::StringRef> ElementWise = {};
  /// Aliasing: products, which a plain assignment evaluates into a
  /// temporary first and a no-alias assignment writes straight into the
  /// destination (Eigen::Product).
  llvm::ArrayRef<llvm::StringRef> Products = {};
  /// Aliasing: computed expressions without operands (Eigen's
  /// CwiseNullaryOp: Constant, Zero, Random), which an assignment reads
  /// without any aliasing. Any other Evaluating expression inside a right
  /// side may make the library evaluate into a temporary first (Eigen does
  /// for `a = a.transpose() + a * b`, not for `a = a * b + a.transpose()`),
  /// so the check stays quiet there.
  llvm::ArrayRef<llvm::StringRef> Generators = {};
  /// Aliasing: the class templates of the wrapper by which the user
  /// promises that the right side does not read the destination
  /// (Eigen::NoAlias from `a.noalias()`, xt::noalias_proxy from
  /// `xt::noalias(a)`).
  llvm::ArrayRef<llvm::StringRef> NoAliasWrappers = {};
  /// Whether a plain assignment (and `+=`, `-=`) into storage evaluates the
  /// whole right side into a temporary first, so that no right side can
  /// alias its destination (xtensor); Eigen does so only for products.
  bool AssignmentEvaluatesFirst = false;
  /// Copies: the calls that evaluate an expression into a fresh object.
  llvm::ArrayRef<EvaluatorCall> Evaluators = {};
  /// Uses: class templates of proxies that refer to their object for
  /// reading and writing without being array expressions themselves
  /// (Eigen's VectorwiseOp from `colwise()`): a use through one is judged
  /// by how the proxy is used.
  llvm::ArrayRef<llvm::StringRef> Proxies = {};
  /// Aliasing: members that designate a part of their object by integer
  /// positions (block, segment, head, tail), so that two parts of one
  /// object can be compared for overlap.
  llvm::ArrayRef<RegionAccessor> Regions = {};
};

/// A library's API as data.
struct LibraryModel {
  llvm::StringRef Name;       ///< Short name used in messages ("nd").
  llvm::StringRef ArrayClass; ///< Qualified name of the array class template.
  llvm::StringRef Namespace;  ///< Qualified namespace of the free functions.
  llvm::StringRef OrderEnum;  ///< Qualified name of the order enumeration.
  /// Enumerator names of OrderEnum for C, F, A and K, in that order.
  llvm::StringRef OrderEnumerators[4];
  llvm::ArrayRef<ArrayApiEntry> Api;
  IndexVocabulary Index;
  llvm::StringRef CopyModeEnum; ///< Qualified name of the copy-mode enum.
  /// Enumerator names of CopyModeEnum for IfNeeded, Always, Never.
  llvm::StringRef CopyModeEnumerators[3];
  /// Whether handle copies share shape and strides that a member can change
  /// in place (nd's `set_shape()`, torch's `transpose_()`), so that any
  /// function holding a copy of a handle may change the array's layout.
  bool SharedMetadataMutable = true;
  /// Members of the array class that only read it.
  llvm::ArrayRef<QueryMethod> Queries = {};
  /// Const members that nevertheless change the array's shape or strides in
  /// place (torch's `t_()`, `transpose_()`, `resize_()` are const methods).
  llvm::ArrayRef<llvm::StringRef> LayoutMutators = {};
  /// Where the library's declarations are spelled: a declaration is the
  /// library's only when the path of its file contains one of these
  /// directories as whole components ("include/nd" matches
  /// `/usr/include/nd/array.hpp` and `runtime/include/nd/indexing/slice.hpp`).
  /// A user's own `namespace nd` in their sources is not the library. Empty:
  /// names alone decide.
  llvm::ArrayRef<llvm::StringRef> HeaderDirectories = {};
  /// Further namespaces of free functions (torch's `torch::` beside `at::`).
  llvm::ArrayRef<llvm::StringRef> OtherNamespaces = {};
  /// Advice wording: how to ask for an independent copy ("clone()"), and
  /// for a view or an error ("view()"), where the library spells them so.
  llvm::StringRef IndependentCopy = {};
  llvm::StringRef RequireView = {};
  /// The member that writes an array's elements into another
  /// (`src.copyTo(dst)`): the fix for an assignment that only rebinds.
  llvm::StringRef CopyInto = {};
  /// The member that writes through an advanced index in place
  /// (`index_put_`): the fix for an assignment to the copy `index()` returns
  /// (`t.index({m}) = v` -> `t.index_put_({m}, v)`).
  llvm::StringRef IndexPut = {};
  /// Classes of the library that give a function read access to an array
  /// for the duration of a call (OpenCV's `InputArray` parameters).
  llvm::ArrayRef<llvm::StringRef> ReadOnlyProxies = {};
  /// Classes that give a function read and write access to an array's
  /// elements for the duration of a call (OpenCV's `InputOutputArray`). The
  /// library's functions listed as Fill write through them in place; any
  /// other function may reallocate the array.
  llvm::ArrayRef<llvm::StringRef> InPlaceProxies = {};
  /// Types (also inside optional<>) of parameters that choose a result's
  /// memory layout (torch's MemoryFormat, Layout, TensorOptions); see
  /// CallCondition::NoLayoutArguments.
  llvm::ArrayRef<llvm::StringRef> LayoutParameterTypes = {};
  /// Base classes of ArrayClass that declare members of the array (torch's
  /// `at::TensorBase` declares dim(), sizes(), numel()).
  llvm::ArrayRef<llvm::StringRef> BaseClasses = {};
  /// The types of a library with value semantics; null for a handle library
  /// (nd, torch, OpenCV), whose calls the Api table describes.
  const ValueTypeTable *Values = nullptr;
  /// Constructors and factories with extents as integer arguments.
  llvm::ArrayRef<Construction> Constructions = {};
  ElementTypeCodes TypeCodes = {};
  /// How messages name the C-contiguity query, when the library spells it
  /// differently ("isContinuous()").
  llvm::StringRef ContiguityQuery = {};
  /// A default-constructed array is empty (OpenCV's `cv::Mat m;`: 0x0, no
  /// buffer), so a CopyInto of a non-empty array into it allocates.
  bool DefaultIsEmpty = false;
  /// The class of the lazy expressions some members of the array class
  /// return (OpenCV's cv::MatExpr from `t()`), evaluated into a new buffer
  /// where they are converted to the array class (`cv::Mat b = a.t();`).
  /// An Api entry of such a member, taking no arguments, applies to that
  /// conversion: the operation's Call is the conversion call, its Source
  /// the member's object. Used otherwise (`a.t() * b`, passed to a
  /// function), the member is not classified.
  llvm::StringRef LazyResultClass = {};
  /// A class template derived from ArrayClass whose template argument is the
  /// element type (OpenCV's `Mat_<T>`), with the trait giving a type's
  /// element-type code (`cv::traits::Type<T>::value`). Constructed from an
  /// array of another depth (with the same channels) it converts the
  /// elements into a new buffer (Mat_'s constructor calls convertTo()); from
  /// one of its own type it shares the buffer; of the same depth and other
  /// channels it is a view (reshape).
  struct TypedArrayClass {
    llvm::StringRef Name;       ///< Qualified name of the class template.
    llvm::StringRef TypeTrait;  ///< Qualified name of the trait template.
    llvm::StringRef TypeMember; ///< Its enumerator holding the code.
  } TypedArray = {};

  /// The first entry of kind \p Kind and shape \p Shape that is a member
  /// (or free function) and keeps the element type; null if none. Checks
  /// use it to name the library's spelling of an operation in advice.
  const ArrayApiEntry *find(ArrayOpKind Kind, ResultShape Shape,
                            bool IsMember) const;
};

/// The model of the `nd` runtime shipped with ndtidy.
const LibraryModel &ndLibraryModel();
/// The model of libtorch's `at::Tensor` (= `torch::Tensor`), 1.13.
const LibraryModel &torchLibraryModel();
/// The model of OpenCV's `cv::Mat`, 4.6.
const LibraryModel &opencvLibraryModel();
/// A model of a library with value semantics: no calls, only its
/// namespace, headers and types.
LibraryModel valueLibraryModel(llvm::StringRef Name, llvm::StringRef Namespace,
                               llvm::ArrayRef<llvm::StringRef> Directories,
                               const ValueTypeTable &Types);
/// The model of Eigen 3.4's dense types (value semantics).
const LibraryModel &eigenLibraryModel();
/// The model of xtensor 0.24's containers and expressions (value semantics).
const LibraryModel &xtensorLibraryModel();
/// Every library ndtidy models.
llvm::ArrayRef<const LibraryModel *> allLibraryModels();
/// The libraries with value semantics (LibraryModel::Values set). They are
/// not among allLibraryModels(): their calls are not classified.
llvm::ArrayRef<const LibraryModel *> valueLibraryModels();

/// A classified call into an array library.
struct ArrayOperation {
  const ArrayApiEntry *Api = nullptr;
  /// The library the call belongs to.
  const LibraryModel *Library = nullptr;
  const CallExpr *Call = nullptr;
  /// The array operated on: the implicit object of a member call, the first
  /// argument of a free function; null for Create.
  const Expr *Source = nullptr;
  /// The order the call uses; empty when it is not a compile-time constant.
  std::optional<MemoryOrder> Order;
  /// Where the function's name is spelled.
  SourceLocation NameLoc;
  /// Offset from a parameter index of the callee to the call's argument
  /// index (1 for an operator call, whose argument 0 is the object).
  unsigned FirstArg = 0;

  /// "flatten()", "nd::copy()": how messages name the operation.
  std::string spelling() const;
};

/// One argument of basic indexing (`a(i, nd::all, nd::slice(0, 4, 2))`).
struct IndexArgument {
  enum KindType {
    Integer,
    Slice,
    All,
    NewAxis,
    Ellipsis,
    Unknown
  } Kind = Unknown;
  /// Integer: the index; Slice: start, stop, step. Empty when not a
  /// compile-time constant or omitted (`nd::none`); Step defaults to 1.
  std::optional<int64_t> Value, Start, Stop, Step;
  bool StartIsNone = false, StopIsNone = false;
  /// A slice of known length whose bounds are not constants (OpenCV's
  /// `row(i)`: one row; `narrow(dim, start, 4)`), step 1.
  std::optional<int64_t> Length;
  /// Where the index is spelled, for notes.
  const Expr *Where = nullptr;
};

/// An array built by a Construction.
struct ConstructedArray {
  const Expr *Where = nullptr;
  SourceLocation NameLoc;
  /// One entry per extent; nullopt when not a compile-time constant.
  llvm::SmallVector<std::optional<int64_t>, 4> Extents;
  uint64_t ElementSize = 0; ///< 0 when unknown.
  /// The element-type code (ElementTypeCodes), -1 when unknown.
  int TypeCode = -1;
};

/// An array converted into a library's TypedArray class: OpenCV's
/// `cv::Mat_<float> f = m;`, or m passed for a `const cv::Mat_<float> &`.
struct TypedConversion {
  const CXXConstructExpr *Where = nullptr;
  const Expr *Source = nullptr; ///< The array converted.
  const LibraryModel *Library = nullptr;
  QualType Target;     ///< The typed class (`cv::Mat_<float>`).
  int TargetType = -1; ///< Its element-type code, -1 when unknown.
};

/// The memory layout of a fresh buffer, as far as it is known statically.
enum class FreshLayout { C, F, Flat, Unknown };

class ArrayModel {
public:
  explicit ArrayModel(llvm::ArrayRef<const LibraryModel *> Libraries);
  explicit ArrayModel(const LibraryModel &Library)
      : ArrayModel(llvm::ArrayRef<const LibraryModel *>(&Library)) {}
  explicit ArrayModel(const LibraryModel *Library)
      : ArrayModel(llvm::ArrayRef<const LibraryModel *>(Library)) {}

  /// Matches every call into the library, bound to \p CallId.
  ast_matchers::StatementMatcher callMatcher(llvm::StringRef CallId) const;

  /// Classifies \p E, looking through parentheses, temporaries and handle
  /// copies. Returns nothing when E is not a call into the library.
  /// Remembered per call until forgetTranslationUnit().
  std::optional<ArrayOperation> classify(const Expr *E) const;

  /// Drops what the model remembers about the declarations and calls of the
  /// translation unit it last saw. Checks call it when a new one starts:
  /// the addresses of the old one's nodes may be reused.
  void forgetTranslationUnit() const;

  /// The extents spelled by the shape argument of \p Op (`{300, 400}`,
  /// `{-1}`, `12`): one entry per dimension, nullopt for an entry that is not
  /// a compile-time constant. Empty result when the rank is not spelled.
  std::optional<llvm::SmallVector<std::optional<int64_t>, 4>>
  literalShape(const ArrayOperation &Op, const ASTContext &Context) const;

  /// The compile-time value of the argument for parameter \p Param of
  /// \p Op's callee (parameters count as declared: a free function's source
  /// is parameter 0), if it is spelled and constant.
  std::optional<int64_t> integerArgument(const ArrayOperation &Op,
                                         unsigned Param,
                                         const ASTContext &Context) const;
  /// Number of arguments spelled in the call (defaulted ones excluded; the
  /// object of a member call excluded).
  unsigned explicitArgumentCount(const ArrayOperation &Op) const;
  /// How many of them bind a parameter of one of the library's
  /// LayoutParameterTypes (torch's TensorOptions, MemoryFormat): they may
  /// choose a result's layout or element type, never its length.
  unsigned layoutArgumentCount(const ArrayOperation &Op) const;
  /// The explicit axis list of `transpose({1, 0, 2})`, if literal.
  std::optional<llvm::SmallVector<int64_t, 4>>
  literalAxes(const ArrayOperation &Op, const ASTContext &Context) const;

  /// The arrays of \p Op's input list (`nd::concatenate({a, b})`), when it
  /// is spelled as a braced list; nullopt otherwise (a std::vector, ...).
  std::optional<llvm::SmallVector<const Expr *, 4>>
  inputArrays(const ArrayOperation &Op) const;
  /// The compile-time value of \p Op's axis argument, the header's default
  /// when omitted.
  std::optional<int64_t> axisArgument(const ArrayOperation &Op,
                                      const ASTContext &Context) const;

  /// The basic-indexing arguments of a Slice call (`operator()`); nullopt
  /// for any other operation.
  std::optional<llvm::SmallVector<IndexArgument, 4>>
  indexArguments(const ArrayOperation &Op, const ASTContext &Context) const;

  /// \p E as an array built by one of a library's Constructions, if it is
  /// one (after parentheses, temporaries and conversions).
  std::optional<ConstructedArray> construction(const Expr *E,
                                               const ASTContext &Context) const;

  /// \p E as the conversion of an array into a TypedArray class, if it is
  /// one (not a copy of a typed array into its own class).
  std::optional<TypedConversion>
  typedConversion(const CXXConstructExpr *E, const ASTContext &Context) const;
  /// The library when \p E is such a conversion, else null: what
  /// typedConversion() checks first, without reading the element type.
  const LibraryModel *typedConversionLibrary(const CXXConstructExpr *E) const;

  /// The reshape copy mode of \p Op; IfNeeded when the call has none;
  /// nullopt when not a compile-time constant.
  std::optional<CopyMode> copyMode(const ArrayOperation &Op) const;

  /// Whether \p D's qualified name is \p Qualified ("::nd::array"), as
  /// getQualifiedNameAsString() spells it, without building that string in
  /// the common case (a plain chain of named namespaces and classes).
  static bool isNamed(const NamedDecl *D, llvm::StringRef Qualified);

  /// Whether \p T (after references) is a library's array class.
  bool isArrayType(QualType T) const { return libraryOf(T) != nullptr; }
  /// The library whose array class \p T (after references) is, or null.
  const LibraryModel *libraryOf(QualType T) const;
  /// The entry of LibraryModel::Queries that \p Method (a member of a
  /// library's array class or modelled base) is, or null.
  const QueryMethod *queryOf(const CXXMethodDecl *Method) const;
  /// Whether \p T (after references) is an array type, a pointer to one or
  /// a class template specialized with one (optional<Tensor>, TensorList).
  bool mentionsArrayType(QualType T) const;
  /// Whether \p T (after references), a pointer's pointee or a type argument
  /// of the class template specialization it is, recursively, satisfies
  /// \p Is.
  static bool mentionsType(QualType T, llvm::function_ref<bool(QualType)> Is);
  /// Whether \p Method is one of its library's LayoutMutators.
  bool mutatesLayout(const CXXMethodDecl *Method) const;
  /// Whether \p T is a library's read-only proxy (LibraryModel::
  /// ReadOnlyProxies).
  bool isReadOnlyProxy(QualType T) const;
  /// Whether \p T is a library's in-place proxy (LibraryModel::
  /// InPlaceProxies).
  bool isInPlaceProxy(QualType T) const;
  /// The library whose array class (or one of its modelled bases) declares
  /// \p Method, or null.
  const LibraryModel *libraryOfMember(const CXXMethodDecl *Method) const;
  /// Whether \p D is declared in \p Library's headers (an instantiation:
  /// where its pattern is), see LibraryModel::HeaderDirectories. Cached per
  /// file.
  bool isFromLibrary(const Decl *D, const LibraryModel &Library) const;
  /// Whether the class of \p T (after references and qualifiers) is a
  /// specialization of one of \p Names declared in \p Library's headers.
  bool isValueClass(QualType T, llvm::ArrayRef<llvm::StringRef> Names,
                    const LibraryModel &Library) const;
  /// Whether \p TU declares one of the libraries' namespaces (its headers
  /// are included). Without one, no expression of the TU has a library type.
  bool isAnyLibraryIn(const TranslationUnitDecl &TU) const;
  /// Whether \p D is declared inside a library's namespace and headers.
  bool isLibraryDecl(const Decl *D) const {
    return libraryDeclaring(D) != nullptr;
  }
  /// The library whose namespace and headers declare \p D, or null.
  const LibraryModel *libraryDeclaring(const Decl *D) const;
  /// The storage class template that \p T (after references and
  /// qualifiers) specializes, with its library; {null, null} if none.
  std::pair<const LibraryModel *, const StorageClass *>
  storageClassOf(QualType T) const;
  /// The library whose Expressions (or Evaluating) list the class template
  /// of \p T, or null; \p Evaluating tells which list.
  const LibraryModel *expressionLibraryOf(QualType T,
                                          bool *Evaluating = nullptr) const;
  /// The variable or member at the bottom of \p E through the value
  /// libraries' views (`m.col(0).head(3)` -> `m`), not through element-wise
  /// expressions or computed values; null if none.
  const Expr *viewedLValue(const Expr *E, const ASTContext &Context) const;
  /// The library whose ConstRef \p T specializes with a const element
  /// type (Eigen::Ref<const T, ...>), or null.
  const LibraryModel *constRefLibraryOf(QualType T) const;
  /// Whether \p Ctor, a constructor of \p Library's ConstRef, copies its
  /// argument into the Ref's own object whatever the argument's strides:
  /// its body calls RefBinder with a RefCopyTag argument.
  bool refConstructorCopies(const CXXConstructorDecl *Ctor,
                            const LibraryModel &Library) const;
  /// Whether copying an object of storage type \p T (after references)
  /// allocates a buffer: StorageClass::Buffer, and the MaxSize trait for
  /// HeapUnlessFixed. False for anything that is not storage.
  bool storageAllocates(QualType T) const;
  /// When \p Call is one of a value library's Evaluators, its operand (the
  /// object of a member, argument 0 of a free function); else null.
  const Expr *evaluatorOperand(const CallExpr *Call) const;
  /// The value of the member enumerator \p Member of class \p T or of one
  /// of its bases (Eigen's `SizeAtCompileTime`); nullopt when absent.
  static std::optional<int64_t> traitConstant(QualType T,
                                              llvm::StringRef Member);
  /// The type of the member type \p Member of class \p T or of one of its
  /// bases (Eigen's `Scalar`); null when absent.
  static QualType traitType(QualType T, llvm::StringRef Member);

  /// Whether \p Loc (its expansion) lies in one of the libraries' headers;
  /// never in the main file.
  bool isInLibraryHeaders(SourceLocation Loc, const SourceManager &SM) const;
  /// sizeof the element type of array type \p T, 0 when unknown.
  uint64_t elementSize(QualType T, const ASTContext &Context) const;

  /// Layout of the buffer a Copy operation allocates.
  FreshLayout copyResultLayout(const ArrayOperation &Op) const;

  /// The element-type code of what CopyInto operation \p Op writes into its
  /// destination, from its source's code \p SourceType (-1 when unknown):
  /// ResultTypeParam's depth with the source's channels, or the source's.
  /// -1 when not known.
  int copyIntoResultType(const ArrayOperation &Op, int SourceType,
                         const ASTContext &Context) const;
  /// The array a CopyInto operation \p Op writes into (its OutputParam
  /// argument, unwrapped from the library's output proxy), when it may be
  /// reallocated there: bound to a non-const reference. Null otherwise.
  const Expr *outputArgument(const ArrayOperation &Op) const;

  /// Strips what does not change which array an expression denotes:
  /// parentheses, implicit casts, temporaries and copies of the handle
  /// (copying an array handle aliases the same buffer).
  static const Expr *ignoreHandleCopies(const Expr *E);

  llvm::ArrayRef<const LibraryModel *> libraries() const { return Libraries; }

private:
  /// classify() of a call whose result is taken as an array when
  /// \p ReturnsArray (a lazy result being converted to one).
  std::optional<ArrayOperation> classifyCall(const CallExpr *Call,
                                             bool ReturnsArray) const;
  /// When \p Call converts a LazyResultClass object to the array class,
  /// the member call that made that object; else null.
  const CXXMemberCallExpr *lazyConversionSource(const CallExpr *Call) const;
  /// The array \p Arg denotes as a free function's first argument: itself
  /// when of an array class, or the array a proxy is built from (OpenCV's
  /// `InputArray` from a `const Mat&`, `InputOutputArray` from a `Mat&`);
  /// null otherwise.
  const Expr *proxiedArray(const Expr *Arg) const;
  /// Whether the class of \p T is in one of the libraries' \p Classes list
  /// and declared in that library's headers.
  bool isClassListed(QualType T, llvm::ArrayRef<llvm::StringRef>
                                     LibraryModel::*Classes) const;
  std::optional<MemoryOrder> resolveOrder(const CallExpr *Call,
                                          const ArrayApiEntry &Api,
                                          const LibraryModel &Library,
                                          unsigned FirstArg) const;
  /// Whether \p Api's CallCondition holds for \p Op (Call, Source and
  /// FirstArg set).
  bool applies(const ArrayApiEntry &Api, const ArrayOperation &Op) const;
  const Expr *argument(const ArrayOperation &Op, int Index) const;
  /// Bit I set: the headers of Libraries[I] declare \p D.
  unsigned headerLibraries(const Decl *D) const;
  /// Bit I set: \p File is one of the headers of Libraries[I].
  unsigned fileLibraries(FileID File, const SourceManager &SM) const;
  llvm::SmallVector<const LibraryModel *, 4> Libraries;
  /// headerLibraries() per declaration and per file, libraryOf() per class
  /// and classify() per call of the current translation unit.
  mutable llvm::DenseMap<const Decl *, unsigned> LibraryDecls;
  mutable llvm::DenseMap<FileID, unsigned> LibraryFiles;
  mutable llvm::DenseMap<const CXXRecordDecl *, const LibraryModel *>
      ArrayClasses;
  mutable llvm::DenseMap<const CallExpr *, std::optional<ArrayOperation>>
      Classified;
  mutable const SourceManager *LibraryFilesOf = nullptr;
};

} // namespace clang::tidy::ndarray

#endif // NDTIDY_MODEL_ARRAYMODEL_H
