//===--- ArrayFacts.cpp - the layout lattice
//-------------------------------===//

#include "analysis/ArrayFacts.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include <mutex>

namespace clang::tidy::ndarray::analysis {

llvm::StringRef internText(llvm::StringRef Text) {
  static std::mutex Mutex;
  static llvm::StringSet<> Texts;
  std::lock_guard<std::mutex> Lock(Mutex);
  return Texts.insert(Text).first->getKey();
}

std::optional<int64_t> ArrayFacts::elementCount() const {
  if (Bottom || Rank < 0)
    return std::nullopt;
  int64_t Count = 1;
  for (const std::optional<int64_t> &E : Extents) {
    if (!E || *E < 0)
      return std::nullopt;
    if (*E != 0 && Count > INT64_MAX / *E)
      return std::nullopt;
    Count *= *E;
  }
  return Count;
}

std::optional<int64_t> ArrayFacts::byteCount() const {
  std::optional<int64_t> Count = elementCount();
  if (!Count || ElementSize == 0 ||
      *Count > INT64_MAX / static_cast<int64_t>(ElementSize))
    return std::nullopt;
  return *Count * static_cast<int64_t>(ElementSize);
}

bool ArrayFacts::mayShareWith(const ArrayFacts &Other) const {
  for (BufferId A : Buffers)
    for (BufferId B : Other.Buffers)
      if (A == B)
        return true;
  return false;
}

static Contiguity joinContiguity(Contiguity A, Contiguity B) {
  if (A == B)
    return A;
  auto IsNo = [](Contiguity C) {
    return C == Contiguity::No || C == Contiguity::NoUnlessDegenerate;
  };
  if (IsNo(A) && IsNo(B))
    return Contiguity::NoUnlessDegenerate;
  return Contiguity::Unknown;
}

static void joinOrigins(llvm::SmallVectorImpl<LayoutOrigin> &Into,
                        llvm::ArrayRef<LayoutOrigin> From) {
  for (const LayoutOrigin &O : From)
    if (!llvm::is_contained(Into, O) && Into.size() < 4)
      Into.push_back(O);
}

ArrayFacts ArrayFacts::join(const ArrayFacts &A, const ArrayFacts &B) {
  if (A.Bottom)
    return B;
  if (B.Bottom)
    return A;
  ArrayFacts R;
  R.C = joinContiguity(A.C, B.C);
  R.F = joinContiguity(A.F, B.F);
  R.ReasonC = A.ReasonC == B.ReasonC ? A.ReasonC : kMixedReason;
  R.ReasonF = A.ReasonF == B.ReasonF ? A.ReasonF : kMixedReason;
  if (R.C == Contiguity::No || R.C == Contiguity::NoUnlessDegenerate) {
    R.OriginsC = A.OriginsC;
    joinOrigins(R.OriginsC, B.OriginsC);
  }
  if (R.F == Contiguity::No || R.F == Contiguity::NoUnlessDegenerate) {
    R.OriginsF = A.OriginsF;
    joinOrigins(R.OriginsF, B.OriginsF);
  }
  if (A.Rank == B.Rank) {
    R.Rank = A.Rank;
    R.Extents = A.Extents;
    for (size_t I = 0; I < R.Extents.size(); ++I)
      if (R.Extents[I] != B.Extents[I])
        R.Extents[I] = std::nullopt;
    if (A.Strides && B.Strides && *A.Strides == *B.Strides &&
        A.Extents == B.Extents)
      R.Strides = A.Strides;
  }
  R.NestedC = A.NestedC && B.NestedC;
  R.NestedF = A.NestedF && B.NestedF;
  R.ElementSize = A.ElementSize == B.ElementSize ? A.ElementSize : 0;
  R.TypeCode = A.TypeCode == B.TypeCode ? A.TypeCode : -1;
  R.Buffers = A.Buffers;
  for (BufferId Id : B.Buffers)
    if (!llvm::is_contained(R.Buffers, Id))
      R.Buffers.push_back(Id);
  llvm::sort(R.Buffers, std::less<BufferId>());
  R.Fresh = A.Fresh && B.Fresh && A.Buffers == B.Buffers;
  R.ContextDependent = A.ContextDependent || B.ContextDependent;
  return R;
}

bool ArrayFacts::operator==(const ArrayFacts &O) const {
  return Bottom == O.Bottom && C == O.C && F == O.F && Rank == O.Rank &&
         Extents == O.Extents && Strides == O.Strides &&
         NestedC == O.NestedC && NestedF == O.NestedF &&
         ElementSize == O.ElementSize && TypeCode == O.TypeCode &&
         Buffers == O.Buffers &&
         Fresh == O.Fresh && ReasonC == O.ReasonC && ReasonF == O.ReasonF &&
         OriginsC == O.OriginsC && OriginsF == O.OriginsF &&
         ContextDependent == O.ContextDependent;
}

std::string degenerateCondition(int Rank) {
  if (Rank == 1)
    return "unless it has length 0 or 1";
  if (Rank == 2)
    return "unless a dimension has length 0 or 1";
  return "unless a dimension has length 0 or at most one dimension is longer "
         "than 1";
}

} // namespace clang::tidy::ndarray::analysis
