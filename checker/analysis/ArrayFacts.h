//===--- ArrayFacts.h - what is statically known about one array ----------===//
//
// The abstract value the layout analysis attaches to an array handle at a
// program point: contiguity in C and F order, rank, extents, exact strides
// when the whole geometry is known, which buffers it may share, and where
// contiguity was lost. Every "No" is a fact for every shape the analysis
// admits; anything not proved is Unknown, and checks stay quiet on Unknown.
//
//   auto a = nd::zeros<double>({300, 400});   // C: Yes, F: No, extents known
//   auto t = a.T();                           // C: No,  F: Yes (lost at T())
//   ArrayFacts F = Layout.factsOf(RavelCall->getImplicitObjectArgument());
//   if (F.contiguity(MemoryOrder::C) == Contiguity::No) ...   // ravel copies
//
//===----------------------------------------------------------------------===//

#ifndef NDTIDY_ANALYSIS_ARRAYFACTS_H
#define NDTIDY_ANALYSIS_ARRAYFACTS_H

#include "model/ArrayModel.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <optional>
#include <string>

namespace clang::tidy::ndarray::analysis {

/// Whether an array is contiguous in one memory order.
enum class Contiguity : uint8_t {
  Yes, ///< For every shape the analysis admits.
  No,  ///< For no shape the analysis admits.
  /// Not contiguous unless the shape is degenerate: a dimension is 0, or at
  /// most one dimension is greater than 1 (NumPy's flags skip length-1 axes).
  /// For a 1-D array: unless its length is 0 or 1.
  NoUnlessDegenerate,
  Unknown,
};

/// Where and why contiguity was lost, for notes.
struct LayoutOrigin {
  SourceLocation Loc;
  /// What happened there, completing "contiguity lost here: ...":
  /// "transposed", "sliced with step 2", "created in F order". Static or
  /// interned text (internText): facts are copied at every CFG block.
  llvm::StringRef What;
  bool operator==(const LayoutOrigin &O) const {
    return Loc == O.Loc && What == O.What;
  }
};

/// An identifier of a buffer: the expression that allocated it, or the
/// special External buffer (parameters, globals, unknown calls), which every
/// handle of unknown origin may share.
using BufferId = const void *;
inline const BufferId ExternalBuffer = reinterpret_cast<BufferId>(1);

struct ArrayFacts {
  /// No path reaches this point yet (the lattice's bottom).
  bool Bottom = false;
  Contiguity C = Contiguity::Unknown;
  Contiguity F = Contiguity::Unknown;
  /// Number of dimensions, -1 when unknown.
  int Rank = -1;
  /// One entry per dimension when Rank >= 0; nullopt entries are unknown.
  llvm::SmallVector<std::optional<int64_t>, 4> Extents;
  /// Exact strides in elements, only when every extent is known and the
  /// array's geometry was derived exactly (then C and F are exact too).
  std::optional<llvm::SmallVector<int64_t, 4>> Strides;
  /// The array is contiguous in C (resp. F) order or a basic slice (steps,
  /// integer indices, new axes) of such an array. Slices of it of unknown
  /// shape keep "not contiguous" facts (Transfer.cpp, sliceSymbolic).
  bool NestedC = false, NestedF = false;
  /// sizeof(element), 0 when unknown.
  uint64_t ElementSize = 0;
  /// The library's element-type code (OpenCV's CV_32FC3), -1 when unknown.
  int TypeCode = -1;
  /// Buffers this handle may view. Empty with Bottom only.
  llvm::SmallVector<BufferId, 2> Buffers;
  /// The buffer was allocated by the expression that produced this value
  /// and nothing else has seen it (a temporary straight from a copy).
  /// For a local, see LayoutAnalysis::isFreshAt().
  bool Fresh = false;
  /// Why the array is not contiguous in C (resp. F) order, when C (resp. F)
  /// is No or NoUnlessDegenerate: a noun phrase completing "'a' is not
  /// C-contiguous: it is ...", e.g. "a transpose of a C-contiguous array".
  /// kMixedReason after a merge of different reasons. Static or interned
  /// text (internText), so that copying facts allocates nothing for them.
  llvm::StringRef ReasonC, ReasonF;
  /// Where contiguity in C (resp. F) order was lost; several after a merge.
  llvm::SmallVector<LayoutOrigin, 2> OriginsC, OriginsF;
  /// The facts may differ when the function is analysed in a calling
  /// context: they were derived from a parameter's entry facts. Facts
  /// without it are the same in every context, so a function whose findings
  /// consulted none needs no analysis per calling context.
  bool ContextDependent = false;

  static ArrayFacts bottom() {
    ArrayFacts F;
    F.Bottom = true;
    return F;
  }
  /// Nothing known; may share any external buffer.
  static ArrayFacts unknown() {
    ArrayFacts F;
    F.Buffers.push_back(ExternalBuffer);
    return F;
  }

  Contiguity contiguity(MemoryOrder Order) const {
    return Order == MemoryOrder::F ? F : C;
  }
  llvm::StringRef reason(MemoryOrder Order) const {
    return Order == MemoryOrder::F ? ReasonF : ReasonC;
  }
  llvm::ArrayRef<LayoutOrigin> origins(MemoryOrder Order) const {
    return Order == MemoryOrder::F ? OriginsF : OriginsC;
  }
  /// Product of the extents, when all are known.
  std::optional<int64_t> elementCount() const;
  /// Bytes of a copy of this array, when extents and element size are known.
  std::optional<int64_t> byteCount() const;
  /// Whether the array may share a buffer with \p Other.
  bool mayShareWith(const ArrayFacts &Other) const;

  /// The least upper bound (control-flow merge).
  static ArrayFacts join(const ArrayFacts &A, const ArrayFacts &B);
  bool operator==(const ArrayFacts &O) const;
  bool operator!=(const ArrayFacts &O) const { return !(*this == O); }
};

/// The reason after merging paths with different reasons.
inline constexpr const char *kMixedReason = "";

/// A copy of \p Text that lives as long as the process (texts of reasons
/// and origins are few and short; thread-safe).
llvm::StringRef internText(llvm::StringRef Text);

/// " unless a dimension has length 0 or 1" (rank 2) or the general wording:
/// the exact condition under which a NoUnlessDegenerate array is contiguous.
std::string degenerateCondition(int Rank);

} // namespace clang::tidy::ndarray::analysis

#endif // NDTIDY_ANALYSIS_ARRAYFACTS_H
