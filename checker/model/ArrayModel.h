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
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang::tidy::ndarray {

/// NumPy's memory-order argument: C = row-major (layout_right),
/// F = column-major (layout_left), A = F if F-contiguous and not C, else C;
/// K = keep the source's memory order.
enum class MemoryOrder { C, F, A, K };

/// What an operation does to its source array.
enum class ArrayOpKind {
  Create,         ///< A fresh array not derived from another (zeros, arange).
  View,           ///< A view with the source's layout (view(), squeeze).
  Permute,        ///< A view with permuted axes (T, transpose, swapaxes).
  Slice,          ///< A view that may lose contiguity (stepped/partial slice).
  Ravel,          ///< 1-D view if contiguous in the order, otherwise a copy.
  Reshape,        ///< View if NumPy's no-copy reshape succeeds, else a copy.
  MakeContiguous, ///< The source itself if it fits the order, else a copy.
  Copy,           ///< Always a fresh buffer (copy, flatten, astype, take).
  ElementAccess,  ///< A reference to one element.
  Fill,           ///< Writes every element in place.
};

/// The shape of an operation's result relative to its source.
enum class ResultShape { Same, Flat, Other };

/// One entry of a library's API table.
struct ArrayApiEntry {
  llvm::StringRef Name;   ///< Unqualified function or operator name.
  bool IsMember;          ///< Member of the array class, else a free function.
  ArrayOpKind Kind;
  int OrderParam;         ///< Index of the order parameter, -1 if none.
  MemoryOrder FixedOrder; ///< The order used when OrderParam is -1.
  ResultShape Shape;
  bool ConvertsType;      ///< The result's element type may differ (astype).
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
};

/// The model of the `nd` runtime shipped with ndtidy.
const LibraryModel &ndLibraryModel();

/// A classified call into an array library.
struct ArrayOperation {
  const ArrayApiEntry *Api = nullptr;
  const CallExpr *Call = nullptr;
  /// The array operated on: the implicit object of a member call, the first
  /// argument of a free function; null for Create.
  const Expr *Source = nullptr;
  /// The order the call uses; empty when it is not a compile-time constant.
  std::optional<MemoryOrder> Order;
  /// Where the function's name is spelled.
  SourceLocation NameLoc;

  /// "flatten()", "nd::copy()": how messages name the operation.
  std::string spelling() const;
};

/// The memory layout of a fresh buffer, as far as it is known statically.
enum class FreshLayout { C, F, Flat, Unknown };

class ArrayModel {
public:
  explicit ArrayModel(const LibraryModel &Library) : Library(Library) {}

  /// Matches every call into the library, bound to \p CallId.
  ast_matchers::StatementMatcher callMatcher(llvm::StringRef CallId) const;

  /// Classifies \p E, looking through parentheses, temporaries and handle
  /// copies. Returns nothing when E is not a call into the library.
  std::optional<ArrayOperation> classify(const Expr *E) const;

  /// Layout of the buffer a Copy operation allocates.
  FreshLayout copyResultLayout(const ArrayOperation &Op) const;

  /// Strips what does not change which array an expression denotes:
  /// parentheses, implicit casts, temporaries and copies of the handle
  /// (copying an array handle aliases the same buffer).
  static const Expr *ignoreHandleCopies(const Expr *E);

  const LibraryModel &library() const { return Library; }

private:
  std::optional<MemoryOrder> resolveOrder(const CallExpr *Call,
                                          const ArrayApiEntry &Api,
                                          unsigned FirstArg) const;
  const LibraryModel &Library;
};

} // namespace clang::tidy::ndarray

#endif // NDTIDY_MODEL_ARRAYMODEL_H
