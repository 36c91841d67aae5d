//===--- Transfer.cpp - what each array operation does to layout facts ----===//
//
// Transfer functions follow NumPy's rules (shared/spec/numpy-semantics.md):
// flags skip length-1 axes and any length-0 axis makes an array contiguous in
// both orders; ravel/reshape are views exactly when the source is contiguous
// in the requested order (reshape also when NumPy's no-copy reshape
// succeeds). With every extent known, the transfer carries exact strides and
// computes flags as NumPy does; otherwise it keeps symbolic facts that hold
// for every shape.
//
//===----------------------------------------------------------------------===//

#include "analysis/Transfer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <numeric>

namespace clang::tidy::ndarray::analysis {

using Shape = llvm::SmallVector<int64_t, 4>;

namespace {

// ---- Exact geometry (element strides) --------------------------------------

bool flagContiguous(llvm::ArrayRef<int64_t> Dims,
                    llvm::ArrayRef<int64_t> Strides, bool Fortran) {
  if (llvm::is_contained(Dims, 0))
    return true;
  int64_t Expected = 1;
  size_t N = Dims.size();
  for (size_t K = 0; K < N; ++K) {
    size_t I = Fortran ? K : N - 1 - K;
    if (Dims[I] == 1)
      continue;
    if (Strides[I] != Expected)
      return false;
    Expected *= Dims[I];
  }
  return true;
}

Shape denseStrides(llvm::ArrayRef<int64_t> Dims, bool Fortran) {
  Shape Strides(Dims.size());
  int64_t Step = 1;
  size_t N = Dims.size();
  for (size_t K = 0; K < N; ++K) {
    size_t I = Fortran ? K : N - 1 - K;
    Strides[I] = Step;
    Step *= std::max<int64_t>(Dims[I], 1);
  }
  return Strides;
}

bool allKnown(const ArrayFacts &F) {
  if (F.Rank < 0)
    return false;
  return llvm::all_of(
      F.Extents, [](const std::optional<int64_t> &E) { return E && *E >= 0; });
}

Shape knownExtents(const ArrayFacts &F) {
  Shape S;
  for (const std::optional<int64_t> &E : F.Extents)
    S.push_back(*E);
  return S;
}

bool hasGeometry(const ArrayFacts &F) { return F.Strides && allKnown(F); }

void setExtents(ArrayFacts &R, llvm::ArrayRef<std::optional<int64_t>> Extents) {
  R.Rank = static_cast<int>(Extents.size());
  R.Extents.assign(Extents.begin(), Extents.end());
}

void setGeometry(ArrayFacts &R, llvm::ArrayRef<int64_t> Dims,
                 llvm::ArrayRef<int64_t> Strides) {
  R.Rank = static_cast<int>(Dims.size());
  R.Extents.clear();
  for (int64_t D : Dims)
    R.Extents.push_back(D);
  R.Strides = Shape(Strides.begin(), Strides.end());
  R.C = flagContiguous(Dims, Strides, false) ? Contiguity::Yes : Contiguity::No;
  R.F = flagContiguous(Dims, Strides, true) ? Contiguity::Yes : Contiguity::No;
  R.NestedC = R.C == Contiguity::Yes;
  R.NestedF = R.F == Contiguity::Yes;
}

// A dense array in \p Order: exact when the extents are known, else the
// other order is contiguous only for degenerate shapes.
void setDense(ArrayFacts &R, MemoryOrder Order) {
  bool Fortran = Order == MemoryOrder::F;
  if (allKnown(R)) {
    Shape Dims = knownExtents(R);
    setGeometry(R, Dims, denseStrides(Dims, Fortran));
    return;
  }
  R.Strides.reset();
  Contiguity Other = R.Rank < 0    ? Contiguity::Unknown
                     : R.Rank <= 1 ? Contiguity::Yes
                                   : Contiguity::NoUnlessDegenerate;
  R.C = Fortran ? Other : Contiguity::Yes;
  R.F = Fortran ? Contiguity::Yes : Other;
  R.NestedC = !Fortran || (R.Rank >= 0 && R.Rank <= 1);
  R.NestedF = Fortran || (R.Rank >= 0 && R.Rank <= 1);
}

void setReason(ArrayFacts &R, MemoryOrder Order, llvm::StringRef Reason,
               llvm::ArrayRef<LayoutOrigin> Origins) {
  bool IsNo = R.contiguity(Order) == Contiguity::No ||
              R.contiguity(Order) == Contiguity::NoUnlessDegenerate;
  llvm::StringRef &Into = Order == MemoryOrder::F ? R.ReasonF : R.ReasonC;
  auto &IntoOrigins = Order == MemoryOrder::F ? R.OriginsF : R.OriginsC;
  if (!IsNo) {
    Into = llvm::StringRef();
    IntoOrigins.clear();
    return;
  }
  // Reasons are often built in temporaries: keep a stable copy.
  Into = Reason.empty() ? llvm::StringRef() : internText(Reason);
  // Distinct and at most 4 (the last one is this operation's): a loop that
  // slices again each iteration must not grow them forever.
  IntoOrigins.clear();
  for (const LayoutOrigin &O : Origins)
    if (!llvm::is_contained(IntoOrigins, O))
      IntoOrigins.push_back(O);
  if (IntoOrigins.size() > 4)
    IntoOrigins.erase(IntoOrigins.begin() + 3, IntoOrigins.end() - 1);
}

bool isNo(Contiguity C) {
  return C == Contiguity::No || C == Contiguity::NoUnlessDegenerate;
}

CopyVerdict::KindType verdictOf(Contiguity C) {
  switch (C) {
  case Contiguity::Yes:
    return CopyVerdict::View;
  case Contiguity::No:
    return CopyVerdict::Copy;
  case Contiguity::NoUnlessDegenerate:
    return CopyVerdict::CopyUnlessDegenerate;
  case Contiguity::Unknown:
    return CopyVerdict::Unknown;
  }
  return CopyVerdict::Unknown;
}

// NumPy's _attempt_nocopy_reshape (element strides); nullopt when a copy is
// needed.
std::optional<Shape> attemptNoCopyReshape(llvm::ArrayRef<int64_t> OldDimsIn,
                                          llvm::ArrayRef<int64_t> OldStridesIn,
                                          llvm::ArrayRef<int64_t> NewDims,
                                          bool Fortran) {
  Shape OldDims, OldStrides;
  for (size_t I = 0; I < OldDimsIn.size(); ++I)
    if (OldDimsIn[I] != 1) {
      OldDims.push_back(OldDimsIn[I]);
      OldStrides.push_back(OldStridesIn[I]);
    }
  size_t OldN = OldDims.size(), NewN = NewDims.size();
  Shape NewStrides(NewN, 0);
  size_t Oi = 0, Oj = 1, Ni = 0, Nj = 1;
  while (Ni < NewN && Oi < OldN) {
    int64_t Np = NewDims[Ni], Op = OldDims[Oi];
    while (Np != Op) {
      if (Np < Op) {
        if (Nj >= NewN)
          return std::nullopt;
        Np *= NewDims[Nj++];
      } else {
        if (Oj >= OldN)
          return std::nullopt;
        Op *= OldDims[Oj++];
      }
    }
    for (size_t K = Oi; K + 1 < Oj; ++K) {
      if (Fortran ? OldStrides[K + 1] != OldDims[K] * OldStrides[K]
                  : OldStrides[K] != OldDims[K + 1] * OldStrides[K + 1])
        return std::nullopt;
    }
    if (Fortran) {
      NewStrides[Ni] = OldStrides[Oi];
      for (size_t K = Ni + 1; K < Nj; ++K)
        NewStrides[K] = NewStrides[K - 1] * NewDims[K - 1];
    } else {
      NewStrides[Nj - 1] = OldStrides[Oj - 1];
      for (size_t K = Nj - 1; K > Ni; --K)
        NewStrides[K - 1] = NewStrides[K] * NewDims[K];
    }
    Ni = Nj++;
    Oi = Oj++;
  }
  int64_t Last = 1;
  if (Ni >= 1) {
    Last = NewStrides[Ni - 1];
    if (Fortran)
      Last *= NewDims[Ni - 1];
  }
  for (size_t K = Ni; K < NewN; ++K)
    NewStrides[K] = Last;
  return NewStrides;
}

// NumPy's _fix_unknown_dimension; nullopt on the errors it raises.
std::optional<Shape> fixUnknownDimension(llvm::ArrayRef<int64_t> Requested,
                                         int64_t Size) {
  Shape Dims(Requested.begin(), Requested.end());
  int64_t Known = 1;
  int Unknown = -1;
  for (size_t I = 0; I < Dims.size(); ++I) {
    if (Dims[I] < 0) {
      if (Unknown >= 0)
        return std::nullopt;
      Unknown = static_cast<int>(I);
    } else {
      if (Dims[I] != 0 && Known > INT64_MAX / Dims[I])
        return std::nullopt;
      Known *= Dims[I];
    }
  }
  if (Unknown >= 0) {
    if (Known == 0 || Size % Known != 0)
      return std::nullopt;
    Dims[Unknown] = Size / Known;
  } else if (Known != Size) {
    return std::nullopt;
  }
  return Dims;
}

// K order: a 1-D view when the strides are a dense permutation.
bool isDensePermutation(llvm::ArrayRef<int64_t> Dims,
                        llvm::ArrayRef<int64_t> Strides) {
  llvm::SmallVector<size_t, 4> Perm(Dims.size());
  std::iota(Perm.begin(), Perm.end(), 0);
  // Descending |stride|, ties in axis order (a stable sort).
  std::sort(Perm.begin(), Perm.end(), [&](size_t A, size_t B) {
    int64_t SA = std::llabs(Strides[A]), SB = std::llabs(Strides[B]);
    return SA != SB ? SA > SB : A < B;
  });
  int64_t Expected = 1;
  for (size_t K = Perm.size(); K-- > 0;) {
    size_t I = Perm[K];
    if (Dims[I] == 1)
      continue;
    if (Strides[I] != Expected)
      return false;
    Expected *= Dims[I];
  }
  return true;
}

// Python slice resolution (PySlice_AdjustIndices); nullopt if unknown.
std::optional<std::pair<int64_t, int64_t>> // (length, step)
resolveSlice(const IndexArgument &A, int64_t Len) {
  if (!A.Step || *A.Step == 0)
    return std::nullopt;
  // Bounds not constant, length known (a valid row(i)): that many elements.
  if (A.Length && *A.Step == 1 &&
      ((!A.Start && !A.StartIsNone) || (!A.Stop && !A.StopIsNone)))
    return std::make_pair(std::min(*A.Length, Len), int64_t(1));
  if ((!A.Start && !A.StartIsNone) || (!A.Stop && !A.StopIsNone))
    return std::nullopt;
  int64_t Step = *A.Step;
  int64_t Lower = Step < 0 ? -1 : 0, Upper = Step < 0 ? Len - 1 : Len;
  auto Adjust = [&](std::optional<int64_t> V, bool IsNone, int64_t IfNone) {
    if (IsNone)
      return IfNone;
    int64_t X = *V;
    if (X < 0) {
      X += Len;
      if (X < Lower)
        X = Lower;
    } else if (X > Upper) {
      X = Upper;
    }
    return X;
  };
  int64_t Start = Adjust(A.Start, A.StartIsNone, Step < 0 ? Upper : Lower);
  int64_t Stop = Adjust(A.Stop, A.StopIsNone, Step < 0 ? Lower : Upper);
  int64_t Length = 0;
  if (Step < 0) {
    if (Stop < Start)
      Length = (Start - Stop - 1) / (-Step) + 1;
  } else if (Start < Stop) {
    Length = (Stop - Start - 1) / Step + 1;
  }
  return std::make_pair(Length, Step);
}

// The reasons and origins of a slice's result: the slice's own when the
// source was contiguous in that order, else the source's plus the slice.
void setSliceReasons(ArrayFacts &R, const ArrayFacts &Src, bool Stepped,
                     bool Partial, SourceLocation SliceLoc) {
  std::string Reason = Stepped   ? "a stepped slice"
                       : Partial ? "a partial slice"
                                 : "a slice";
  llvm::StringRef What = Stepped   ? "sliced with a step here"
                         : Partial ? "sliced partially here"
                                   : "sliced here";
  for (MemoryOrder O : {MemoryOrder::C, MemoryOrder::F}) {
    llvm::SmallVector<LayoutOrigin, 2> Origins;
    if (Src.contiguity(O) != Contiguity::Yes)
      Origins.append(Src.origins(O).begin(), Src.origins(O).end());
    Origins.push_back({SliceLoc, What});
    setReason(R, O,
              Src.contiguity(O) == Contiguity::Yes ? Reason : Src.reason(O),
              Origins);
  }
}

// The geometry of a broadcast view (IndexSpelling::BroadcastSizes): the
// source's axes aligned to the end of \p Sizes; an axis of length 1 stretched
// to another length, and each new leading axis longer than 1, has stride 0,
// so its elements repeat (measured: tests/libcheck/torch/probes/
// expand_layout.cpp). False when the geometry is not known (or the call
// fails).
bool setBroadcastGeometry(ArrayFacts &R, const ArrayFacts &Src,
                          llvm::ArrayRef<std::optional<int64_t>> Sizes,
                          SourceLocation Where) {
  if (!hasGeometry(Src) || Sizes.size() < unsigned(Src.Rank))
    return false;
  const int Count = static_cast<int>(Sizes.size());
  const int Leading = Count - Src.Rank;
  Shape Dims(Count), Strides(Count);
  bool Repeats = false;
  // From the last axis: a new axis of length 1 takes the stride of the axis
  // after it times that axis' length (as torch's inferExpandGeometry does).
  for (int I = Count - 1; I >= 0; --I) {
    if (!Sizes[I])
      return false;
    const int64_t Size = *Sizes[I];
    const bool New = I < Leading;
    const int64_t Length = New ? 1 : *Src.Extents[I - Leading];
    int64_t Stride = !New            ? (*Src.Strides)[I - Leading]
                     : I + 1 < Count ? Dims[I + 1] * Strides[I + 1]
                                     : 1;
    if (Size == -1 && New)
      return false; // an error at run time
    if (Size != -1 && Size != Length) {
      if (Length != 1 || Size < 0)
        return false; // an error at run time
      Stride = 0;
      Repeats |= Size > 1;
    }
    Dims[I] = Size == -1 ? Length : Size;
    Strides[I] = Stride;
  }
  setGeometry(R, Dims, Strides);
  for (MemoryOrder O : {MemoryOrder::C, MemoryOrder::F}) {
    llvm::SmallVector<LayoutOrigin, 2> Origins;
    if (!Repeats || Src.contiguity(O) != Contiguity::Yes) {
      Origins.append(Src.origins(O).begin(), Src.origins(O).end());
      setReason(R, O, Src.reason(O), Origins);
      continue;
    }
    Origins.push_back({Where, "broadcast here (stride 0)"});
    setReason(R, O, "a broadcast view whose elements repeat", Origins);
  }
  return true;
}

// A basic index of an array whose extents or index values are not all known,
// but which is a basic slice of a C-contiguous array (ArrayFacts::NestedC;
// NestedF by symmetry). What holds for every admitted value:
// - a C-contiguous source stays C-contiguous when only the first kept axis
//   is partial (a[i], a[i, b:e], a[b:e, :]);
// - if the result is C-contiguous and has no length-0 axis, an axis longer
//   than 1 has |stride| equal to the product of the later result lengths,
//   while as a slice of a C-contiguous base its |stride| is |step| times the
//   product of the later base lengths. So a kept axis of length >= 2 with a
//   loss at or after it (its own step >= 2, a later axis of length >= 2
//   indexed away, a later axis sliced shorter) is not C-contiguous;
// - two axes longer than 1 of such a slice are never F-contiguous.
void sliceSymbolic(ArrayFacts &R, const ArrayFacts &Src,
                   llvm::ArrayRef<IndexArgument> ArgsIn,
                   const ArrayOperation &Op, unsigned Consuming) {
  bool Mirror = !Src.NestedC;
  MemoryOrder Along = Mirror ? MemoryOrder::F : MemoryOrder::C;
  // In F order, index the transpose: reverse the arguments and the axes.
  llvm::SmallVector<std::pair<IndexArgument, const Expr *>, 4> Args;
  for (unsigned I = 0; I < ArgsIn.size(); ++I)
    Args.push_back({ArgsIn[I], ArgsIn[I].Where ? ArgsIn[I].Where : Op.Call});
  // The axes not indexed are kept whole: spell them out before reversing,
  // or `a(1, nd::newaxis)` would read as `a(nd::newaxis, 1)` reversed.
  if (Mirror && llvm::none_of(ArgsIn, [](const IndexArgument &A) {
        return A.Kind == IndexArgument::Ellipsis;
      }) && Src.Rank >= 0)
    for (unsigned I = Consuming; I < unsigned(Src.Rank); ++I) {
      IndexArgument Whole;
      Whole.Kind = IndexArgument::All;
      Args.push_back({Whole, nullptr});
    }
  llvm::SmallVector<std::optional<int64_t>, 4> Ext(Src.Extents.begin(),
                                                   Src.Extents.end());
  if (Mirror) {
    std::reverse(Args.begin(), Args.end());
    std::reverse(Ext.begin(), Ext.end());
  }
  enum AxisKind { Full, Sliced, NewAxis };
  struct Kept {
    AxisKind Kind;
    std::optional<int64_t> Len;
    int64_t Step;  // 0 when not a constant
    bool Shorter;  // known to be shorter than the source axis
    bool Loss;     // a loss follows (or is) this axis
    bool MaybeLoss = false; // a later step loss, if that axis is not length 1
  };
  llvm::SmallVector<Kept, 4> Out;
  unsigned Axis = 0, Fill = Src.Rank - Consuming;
  bool Stepped = false, Partial = false, IndexedAfterKept = false;
  SourceLocation SliceLoc = Op.NameLoc;
  auto KeepFull = [&] {
    Out.push_back({Full, Ext[Axis], 1, false, false});
    ++Axis;
  };
  // Losses, recorded in order: a kept axis sees those after it. A step on
  // an axis of source length 1 loses nothing for the axes before it, so
  // with that length unknown the loss is only possible.
  llvm::SmallVector<unsigned, 4> LossAt; // Out.size() when the loss happened
  llvm::SmallVector<unsigned, 4> MaybeLossAt;
  for (const auto &[A, ArgExpr] : Args) {
    switch (A.Kind) {
    case IndexArgument::Ellipsis:
      for (unsigned K = 0; K < Fill; ++K)
        KeepFull();
      Fill = 0;
      break;
    case IndexArgument::All:
      KeepFull();
      break;
    case IndexArgument::NewAxis:
      Out.push_back({NewAxis, 1, 1, false, false});
      break;
    case IndexArgument::Integer: {
      std::optional<int64_t> Len = Ext[Axis];
      if (A.Value && Len) {
        int64_t I = *A.Value < 0 ? *A.Value + *Len : *A.Value;
        if (I < 0 || I >= *Len)
          return; // IndexError at run time
      }
      if (Len && *Len >= 2)
        LossAt.push_back(Out.size());
      if (llvm::any_of(Out, [](const Kept &K) { return K.Kind != NewAxis; }))
        IndexedAfterKept = true;
      ++Axis;
      break;
    }
    case IndexArgument::Slice: {
      int64_t Signed = A.Step ? *A.Step : 0, Step = std::llabs(Signed);
      std::optional<int64_t> Len = A.Length;
      if (Ext[Axis])
        if (auto Resolved = resolveSlice(A, *Ext[Axis]))
          Len = Resolved->first;
      bool Whole = A.StartIsNone && A.StopIsNone && Signed == 1;
      if (Whole)
        Len = Ext[Axis];
      bool Shorter = Len && Ext[Axis] && *Len < *Ext[Axis];
      if (Shorter || (Step >= 2 && Ext[Axis] && *Ext[Axis] >= 2))
        LossAt.push_back(Out.size());
      else if (Step >= 2)
        MaybeLossAt.push_back(Out.size());
      if (Step != 1 && A.Step && !Stepped) {
        Stepped = true;
        SliceLoc = ArgExpr->getBeginLoc();
      } else if (Shorter && !Stepped && !Partial) {
        Partial = true;
        SliceLoc = ArgExpr->getBeginLoc();
      }
      // Its own step is a loss for itself (when it is longer than 1).
      Out.push_back({Whole ? Full : Sliced, Len, Signed, Shorter, Step >= 2});
      ++Axis;
      break;
    }
    case IndexArgument::Unknown:
      return;
    }
  }
  while (Axis < unsigned(Src.Rank))
    KeepFull();
  // A loss at position P follows every kept axis before P; a step loss
  // (recorded at the axis itself) counts for that axis too.
  for (unsigned P : LossAt)
    for (unsigned K = 0; K < P && K < Out.size(); ++K)
      Out[K].Loss = true;
  for (unsigned P : MaybeLossAt)
    for (unsigned K = 0; K < P && K < Out.size(); ++K)
      Out[K].MaybeLoss = true;
  int Rank = static_cast<int>(Out.size());
  bool AllNonEmpty = llvm::all_of(
      Out, [](const Kept &K) { return K.Len && *K.Len >= 1; });
  // Along the nesting order.
  Contiguity Same = Contiguity::Unknown;
  bool SourceContiguous = Src.contiguity(Along) == Contiguity::Yes;
  {
    // Contiguous when every consumed axis after the first kept one is whole
    // and the first kept one is whole or a step-1 slice.
    bool Ok = SourceContiguous && !IndexedAfterKept;
    bool SeenKept = false;
    for (const Kept &K : Out) {
      if (K.Kind == NewAxis)
        continue;
      if (!SeenKept) {
        Ok = Ok && K.Step == 1; // not reversed
        SeenKept = true;
      } else {
        Ok = Ok && K.Kind == Full;
      }
    }
    if (Ok)
      Same = Contiguity::Yes;
  }
  if (Same != Contiguity::Yes) {
    for (const Kept &K : Out) {
      if (K.Kind == NewAxis || (!K.Loss && !K.MaybeLoss))
        continue;
      Contiguity Here = Contiguity::Unknown;
      if (K.Loss && K.Len && *K.Len >= 2)
        Here = AllNonEmpty ? Contiguity::No : Contiguity::NoUnlessDegenerate;
      else if (Rank <= 2 && !(K.Len && *K.Len <= 1))
        Here = Contiguity::NoUnlessDegenerate;
      if (Here == Contiguity::No ||
          (Here == Contiguity::NoUnlessDegenerate && Same == Contiguity::Unknown))
        Same = Here;
    }
  }
  // Across: two axes longer than 1 nest in one order only.
  Contiguity Other = Contiguity::Unknown;
  if (Rank <= 1) {
    Other = Same;
  } else {
    unsigned Long = 0;
    for (const Kept &K : Out)
      Long += K.Len && *K.Len >= 2;
    Other = Long >= 2 && AllNonEmpty ? Contiguity::No
                                     : Contiguity::NoUnlessDegenerate;
  }
  R.Rank = Rank;
  R.Extents.clear();
  for (const Kept &K : Out)
    R.Extents.push_back(K.Len);
  if (Mirror)
    std::reverse(R.Extents.begin(), R.Extents.end());
  R.Strides.reset();
  R.C = Mirror ? Other : Same;
  R.F = Mirror ? Same : Other;
  R.NestedC = !Mirror || Rank <= 1;
  R.NestedF = Mirror || Rank <= 1;
  setSliceReasons(R, Src, Stepped, Partial, SliceLoc);
}

} // namespace

void clearLayout(ArrayFacts &R) {
  R.C = R.F = Contiguity::Unknown;
  R.NestedC = R.NestedF = false;
  R.Strides.reset();
  R.ReasonC = R.ReasonF = llvm::StringRef();
  R.OriginsC.clear();
  R.OriginsF.clear();
}

ProxyAccess proxyAccess(const CXXConstructExpr *Proxy, const ArrayModel &Model,
                        const ParentMap &Parents,
                        std::optional<ArrayOperation> *Write) {
  const bool ReadOnly = Model.isReadOnlyProxy(Proxy->getType());
  if (!ReadOnly && !Model.isInPlaceProxy(Proxy->getType()))
    return ProxyAccess::Unknown;
  const Stmt *Up = Parents.getParent(Proxy);
  while (Up && isa<MaterializeTemporaryExpr, ImplicitCastExpr,
                   CXXBindTemporaryExpr>(Up))
    Up = Parents.getParent(Up);
  // A user's function could write through InputArray::getMat(), or
  // reallocate through any proxy; the library's own do as documented.
  const auto *Call = dyn_cast_or_null<CallExpr>(Up);
  if (!Call || !Call->getDirectCallee() ||
      !Model.isLibraryDecl(Call->getDirectCallee()))
    return ProxyAccess::Unknown;
  if (ReadOnly)
    return ProxyAccess::ReadsOnly;
  std::optional<ArrayOperation> Op = Model.classify(Call);
  if (!Op || Op->Api->Kind != ArrayOpKind::Fill)
    return ProxyAccess::Unknown;
  if (Write)
    *Write = std::move(Op);
  return ProxyAccess::WritesInPlace;
}

void addBuffer(ArrayFacts &R, BufferId Id) {
  if (!llvm::is_contained(R.Buffers, Id)) {
    R.Buffers.push_back(Id);
    llvm::sort(R.Buffers, std::less<BufferId>());
  }
}

std::optional<MemoryOrder>
Transfer::requiredOrder(const ArrayOperation &Op, const ArrayFacts &Src) const {
  if (!Op.Order)
    return std::nullopt;
  switch (*Op.Order) {
  case MemoryOrder::C:
  case MemoryOrder::F:
    return *Op.Order;
  case MemoryOrder::A:
    if (Src.C == Contiguity::Yes)
      return MemoryOrder::C;
    if (Src.F == Contiguity::Yes)
      return MemoryOrder::F;
    if (isNo(Src.F))
      return MemoryOrder::C;
    return std::nullopt;
  case MemoryOrder::K:
    if (Src.C == Contiguity::Yes)
      return MemoryOrder::C;
    if (Src.F == Contiguity::Yes)
      return MemoryOrder::F;
    return std::nullopt;
  }
  return std::nullopt;
}

CopyVerdict Transfer::verdict(const ArrayOperation &Op,
                              const ArrayFacts &Src) const {
  CopyVerdict V;
  V.Source = Src;
  switch (Op.Api->Kind) {
  case ArrayOpKind::Create:
  case ArrayOpKind::Copy:
    V.Kind = CopyVerdict::Copy;
    V.Explicit = true;
    return V;
  case ArrayOpKind::View:
  case ArrayOpKind::Permute:
  case ArrayOpKind::Slice:
  case ArrayOpKind::ElementAccess:
  case ArrayOpKind::Fill:
  case ArrayOpKind::Rebind:
  case ArrayOpKind::CopyInto:
    V.Kind = CopyVerdict::View;
    return V;
  case ArrayOpKind::Compute:
    return V; // new values, not a copy of the source's: no verdict
  case ArrayOpKind::Wrap:
    return V; // the caller's memory: neither a copy nor a view of an array
  case ArrayOpKind::Convert:
    return V; // copies only when the element types differ: not known
  case ArrayOpKind::MakeContiguous: {
    MemoryOrder O = Op.Api->FixedOrder;
    V.RequiredOrder = O;
    V.Kind = verdictOf(Src.contiguity(O));
    return V;
  }
  case ArrayOpKind::Ravel: {
    if (Src.Bottom)
      return V;
    if (Op.Order == MemoryOrder::K && hasGeometry(Src) &&
        Src.C != Contiguity::Yes && Src.F != Contiguity::Yes) {
      V.Kind = isDensePermutation(knownExtents(Src), *Src.Strides)
                   ? CopyVerdict::View
                   : CopyVerdict::Copy;
      return V;
    }
    std::optional<MemoryOrder> O = requiredOrder(Op, Src);
    if (!O)
      return V;
    V.RequiredOrder = O;
    V.Kind = verdictOf(Src.contiguity(*O));
    return V;
  }
  case ArrayOpKind::Reshape: {
    std::optional<CopyMode> Mode = Model.copyMode(Op);
    if (!Mode || Src.Bottom)
      return V;
    if (*Mode == CopyMode::Always) {
      V.Kind = CopyVerdict::Copy;
      V.Explicit = true;
      return V;
    }
    CopyVerdict IfNeeded = reshapeVerdict(Op, Src);
    if (*Mode == CopyMode::IfNeeded)
      return IfNeeded;
    // Never copies; throws where a copy would be needed.
    V.RequiredOrder = IfNeeded.RequiredOrder;
    V.IfCopyAllowed = IfNeeded.Kind;
    return V;
  }
  }
  return V;
}

// A reshape that may copy (copy mode IfNeeded).
CopyVerdict Transfer::reshapeVerdict(const ArrayOperation &Op,
                                     const ArrayFacts &Src) const {
  CopyVerdict V;
  V.Source = Src;
  if (Op.Api->ViewNeedsContiguous) {
    // OpenCV's reshape(cn, rows): a view exactly when the source is
    // contiguous, or when the row count does not change.
    std::optional<int64_t> Rows =
        Model.integerArgument(Op, Op.Api->ConditionParam, Context);
    V.RequiredOrder = Op.Api->FixedOrder;
    if (Src.contiguity(Op.Api->FixedOrder) == Contiguity::Yes)
      V.Kind = CopyVerdict::View;
    else if (Rows && Src.Rank >= 1 && Src.Extents[0] &&
             *Src.Extents[0] != *Rows)
      V.Kind = verdictOf(Src.contiguity(Op.Api->FixedOrder));
    return V;
  }
  if (Op.Order == MemoryOrder::K)
    return V; // an error at run time
  std::optional<MemoryOrder> O = requiredOrder(Op, Src);
  if (!O)
    return V;
  V.RequiredOrder = O;
  auto Target = Model.literalShape(Op, Context);
  if (!Target)
    return V;
  if (Src.contiguity(*O) == Contiguity::Yes) {
    V.Kind = CopyVerdict::View;
    return V;
  }
  bool Fortran = *O == MemoryOrder::F;
  if (hasGeometry(Src)) {
    Shape Requested;
    for (const std::optional<int64_t> &E : *Target) {
      // A 1-D target of any other length throws: only the size fits.
      if (!E && Target->size() == 1)
        Requested.push_back(-1);
      else if (!E)
        return V;
      else
        Requested.push_back(*E);
    }
    Shape Dims = knownExtents(Src);
    std::optional<Shape> New =
        fixUnknownDimension(Requested, *Src.elementCount());
    if (!New)
      return V; // throws
    if (*New == Dims) {
      V.Kind = CopyVerdict::View;
      return V;
    }
    V.Kind = attemptNoCopyReshape(Dims, *Src.Strides, *New, Fortran)
                 ? CopyVerdict::View
                 : CopyVerdict::Copy;
    return V;
  }
  // Symbolic: a dense array of the other order, reshaped to 1-D (`{-1}`,
  // `{a.size()}`: any other length throws).
  MemoryOrder Other = Fortran ? MemoryOrder::C : MemoryOrder::F;
  if (Target->size() == 1 && Src.Rank >= 2 && Src.contiguity(Other) == Contiguity::Yes &&
      isNo(Src.contiguity(*O)))
    V.Kind = verdictOf(Src.contiguity(*O));
  return V;
}

ArrayFacts Transfer::construct(const ConstructedArray &Array) const {
  ArrayFacts R;
  R.Buffers = {Array.Where};
  R.Fresh = true;
  R.ElementSize = Array.ElementSize;
  R.TypeCode = Array.TypeCode;
  setExtents(R, Array.Extents);
  setDense(R, MemoryOrder::C);
  LayoutOrigin Here{Array.NameLoc, "created in C order here"};
  setReason(R, MemoryOrder::F, "a C-ordered array", {Here});
  return R;
}

ArrayFacts Transfer::apply(const ArrayOperation &Op,
                           const ArrayFacts &SrcIn) const {
  ArrayFacts Src = SrcIn.Bottom && !hasNoSource(Op.Api->Kind)
                       ? ArrayFacts::unknown()
                       : SrcIn;
  ArrayFacts R;
  R.ElementSize = Model.elementSize(Op.Call->getType(), Context);
  // A non-template array class (cv::Mat): the source's element type, unless
  // the operation converts it.
  if (!R.ElementSize && !Op.Api->ConvertsType && !hasNoSource(Op.Api->Kind))
    R.ElementSize = Src.ElementSize;
  // Views of a Mat keep its type code (reshape(cn) may change the channels).
  if (Op.Api->Kind == ArrayOpKind::Slice || Op.Api->Kind == ArrayOpKind::View ||
      Op.Api->Kind == ArrayOpKind::Permute ||
      (Op.Api->Kind == ArrayOpKind::Copy && !Op.Api->ConvertsType))
    R.TypeCode = Src.TypeCode;
  BufferId Self = Op.Call;
  auto ShareSource = [&] {
    R.Buffers = Src.Buffers;
    R.Fresh = false;
  };
  auto Allocate = [&] {
    R.Buffers = {Self};
    R.Fresh = true;
  };
  switch (Op.Api->Kind) {
  case ArrayOpKind::ElementAccess:
  case ArrayOpKind::Fill:
  case ArrayOpKind::Rebind:
  case ArrayOpKind::CopyInto:
    return ArrayFacts::unknown();

  case ArrayOpKind::Create:
  case ArrayOpKind::Wrap: {
    const bool Wrapped = Op.Api->Kind == ArrayOpKind::Wrap;
    if (Wrapped) { // memory the analyses do not see: any external buffer
      R.Buffers = {ExternalBuffer};
      R.Fresh = false;
    } else {
      Allocate();
    }
    if (Op.Api->Shape == ResultShape::Flat) {
      R.Rank = 1;
      R.Extents = {std::nullopt};
      // arange(stop), with options or not: stop is the length.
      if (Model.explicitArgumentCount(Op) - Model.layoutArgumentCount(Op) == 1)
        if (auto Shape = Model.literalShape(Op, Context);
            Shape && Shape->size() == 1)
          R.Extents = {(*Shape)[0]};
    } else if (auto Shape = Model.literalShape(Op, Context)) {
      setExtents(R, *Shape);
    }
    if (!Op.Order)
      return R;
    setDense(R, *Op.Order);
    bool Fortran = *Op.Order == MemoryOrder::F;
    llvm::StringRef What = Wrapped ? (Fortran ? "wrapped in F order here"
                                              : "wrapped in C order here")
                                   : (Fortran ? "created in F order here"
                                              : "created in C order here");
    LayoutOrigin Here{Op.NameLoc, What};
    setReason(R, MemoryOrder::C, "an F-ordered array", {Here});
    setReason(R, MemoryOrder::F, "a C-ordered array", {Here});
    return R;
  }

  case ArrayOpKind::Convert:
  case ArrayOpKind::Compute:
  case ArrayOpKind::Copy: {
    const bool Converted = Op.Api->Kind == ArrayOpKind::Convert;
    if (Converted) { // the source itself, or a copy of it
      ShareSource();
      addBuffer(R, Self);
    } else {
      Allocate();
    }
    if (Op.Api->Shape == ResultShape::Flat) {
      R.Rank = 1;
      R.Extents = {Src.elementCount()};
      setDense(R, MemoryOrder::C);
      return R;
    }
    if (Op.Api->Layout == ResultLayout::FollowsInputs)
      return R; // the inputs are not known here (see applyToInputs)
    if (Op.Api->Shape == ResultShape::Other) { // take, index: C order
      // A transposing copy (OpenCV's t() evaluated): the axes reversed.
      if (Op.Api->Permutation == PermuteStyle::Reverse && Src.Rank >= 0) {
        R.Rank = Src.Rank;
        R.Extents.assign(Src.Extents.rbegin(), Src.Extents.rend());
      }
      if (Op.Order)
        setDense(R, *Op.Order);
      return R;
    }
    R.Rank = Src.Rank;
    R.Extents = Src.Extents;
    std::optional<MemoryOrder> O = Op.Order;
    bool Keeps = O && (*O == MemoryOrder::K || *O == MemoryOrder::A);
    if (Keeps) {
      if (Src.C == Contiguity::Yes)
        O = MemoryOrder::C;
      else if (Src.F == Contiguity::Yes)
        O = MemoryOrder::F;
      else if (*O == MemoryOrder::A && isNo(Src.F))
        O = MemoryOrder::C;
      else
        O = std::nullopt;
    }
    if (!O)
      return R;
    setDense(R, *O);
    bool Fortran = *O == MemoryOrder::F;
    const bool Computed = Op.Api->Kind == ArrayOpKind::Compute;
    std::string What = std::string(Computed    ? "computed keeping the "
                                   : Converted ? "converted keeping the "
                                   : Keeps     ? "copied keeping the "
                                               : "copied in ") +
                       (Fortran ? "F" : "C") + " order here";
    LayoutOrigin Here{Op.NameLoc, internText(What)};
    llvm::SmallVector<LayoutOrigin, 2> Origins;
    if (Keeps) {
      Origins.append(
          Src.origins(Fortran ? MemoryOrder::C : MemoryOrder::F).begin(),
          Src.origins(Fortran ? MemoryOrder::C : MemoryOrder::F).end());
    }
    // A computation or conversion only keeps the layout: where the source
    // lost its order is the place to point at.
    if ((!Computed && !Converted) || Origins.empty())
      Origins.push_back(Here);
    setReason(R, MemoryOrder::C,
              Computed    ? "computed from an F-ordered array, in its layout"
              : Converted ? "an F-ordered array, or a converted copy of one "
                            "in its layout"
              : Keeps     ? "a copy of an F-ordered array that keeps its "
                            "layout"
                          : "an F-ordered copy",
              Origins);
    setReason(R, MemoryOrder::F,
              Computed    ? "computed from a C-ordered array, in its layout"
              : Converted ? "a C-ordered array, or a converted copy of one "
                            "in its layout"
              : Keeps     ? "a copy of a C-ordered array that keeps its "
                            "layout"
                          : "a C-ordered copy",
              Origins);
    return R;
  }

  case ArrayOpKind::View: {
    ShareSource();
    R.C = Src.C;
    R.F = Src.F;
    // squeeze / expand_dims change length-1 axes only.
    R.NestedC = Src.NestedC;
    R.NestedF = Src.NestedF;
    R.ReasonC = Src.ReasonC;
    R.ReasonF = Src.ReasonF;
    R.OriginsC = Src.OriginsC;
    R.OriginsF = Src.OriginsF;
    if (Op.Api->Shape == ResultShape::Same) {
      R.Rank = Src.Rank;
      R.Extents = Src.Extents;
      R.Strides = Src.Strides;
      return R;
    }
    // squeeze / expand_dims: length-1 axes do not change the flags.
    if (hasGeometry(Src) && Model.explicitArgumentCount(Op) == 0 &&
        Op.Api->IsMember) {
      Shape Dims, Strides;
      for (int I = 0; I < Src.Rank; ++I)
        if (*Src.Extents[I] != 1) {
          Dims.push_back(*Src.Extents[I]);
          Strides.push_back((*Src.Strides)[I]);
        }
      setGeometry(R, Dims, Strides);
    }
    return R;
  }

  case ArrayOpKind::Permute: {
    ShareSource();
    R.Rank = Src.Rank;
    // The permutation, when statically known.
    std::optional<llvm::SmallVector<int64_t, 4>> Perm;
    bool Reverse = Op.Api->Permutation == PermuteStyle::Reverse ||
                   (Op.Api->Permutation == PermuteStyle::Axes &&
                    Model.explicitArgumentCount(Op) == 0);
    auto Normalize = [&](int64_t A) -> std::optional<int64_t> {
      if (A < 0)
        A += Src.Rank;
      if (A < 0 || A >= Src.Rank)
        return std::nullopt;
      return A;
    };
    if (Src.Rank >= 0) {
      llvm::SmallVector<int64_t, 4> P(Src.Rank);
      std::iota(P.begin(), P.end(), 0);
      if (Reverse) {
        std::reverse(P.begin(), P.end());
        Perm = P;
      } else if (Op.Api->Permutation == PermuteStyle::Axes) {
        if (auto Axes = Model.literalAxes(Op, Context);
            Axes && Axes->size() == P.size()) {
          llvm::SmallVector<int64_t, 4> Q;
          for (int64_t A : *Axes)
            if (auto N = Normalize(A); N && !llvm::is_contained(Q, *N))
              Q.push_back(*N);
          if (Q.size() == P.size())
            Perm = Q;
        }
      } else if (Op.Api->Permutation == PermuteStyle::Swap) {
        auto A = Model.integerArgument(Op, 0, Context);
        auto B = Model.integerArgument(Op, 1, Context);
        if (A && B && Normalize(*A) && Normalize(*B)) {
          std::swap(P[*Normalize(*A)], P[*Normalize(*B)]);
          Perm = P;
        }
      } else if (Op.Api->Permutation == PermuteStyle::Move) {
        auto From = Model.integerArgument(Op, 1, Context);
        auto To = Model.integerArgument(Op, 2, Context);
        if (From && To && Normalize(*From) && Normalize(*To)) {
          int64_t F = *Normalize(*From), T = *Normalize(*To);
          P.erase(P.begin() + F);
          P.insert(P.begin() + T, F);
          Perm = P;
        }
      }
    }
    if (Perm && !Reverse && Perm->size() >= 2) {
      // swapaxes(0, 1) of a matrix is its transpose: say so.
      bool Reversal = true;
      for (size_t I = 0; I < Perm->size(); ++I)
        Reversal = Reversal && (*Perm)[I] == int64_t(Perm->size() - 1 - I);
      Reverse = Reversal;
    }
    LayoutOrigin Here{Op.NameLoc,
                      Reverse ? "transposed here" : "permuted here"};
    std::string Kind = Reverse ? "a transpose" : "an axis permutation";
    auto ReasonFor = [&] {
      MemoryOrder Was =
          Src.C == Contiguity::Yes ? MemoryOrder::C : MemoryOrder::F;
      if (Src.contiguity(Was) == Contiguity::Yes)
        return Kind + " of " + (Was == MemoryOrder::C ? "a C" : "an F") +
               "-contiguous array";
      return Kind + " of a non-contiguous array";
    };
    auto OriginsFor = [&](MemoryOrder Lost) {
      llvm::SmallVector<LayoutOrigin, 2> O(Src.origins(Lost).begin(),
                                           Src.origins(Lost).end());
      if (Src.C == Contiguity::Yes || Src.F == Contiguity::Yes)
        O.clear();
      O.push_back(Here);
      return O;
    };
    // Either order is lost where the other was: one routine for both.
    auto SetReasons = [&] {
      for (MemoryOrder O : {MemoryOrder::C, MemoryOrder::F})
        setReason(R, O, ReasonFor(),
                  OriginsFor(O == MemoryOrder::C ? MemoryOrder::F
                                                 : MemoryOrder::C));
    };
    if (!Perm) {
      if (Reverse) { // rank unknown: reversing axes mirrors the flags
        R.C = Src.F;
        R.F = Src.C;
        R.NestedC = Src.NestedF;
        R.NestedF = Src.NestedC;
        SetReasons();
      }
      return R;
    }
    if (hasGeometry(Src)) {
      Shape Dims, Strides;
      for (int64_t A : *Perm) {
        Dims.push_back(*Src.Extents[A]);
        Strides.push_back((*Src.Strides)[A]);
      }
      setGeometry(R, Dims, Strides);
      if (Reverse) {
        R.NestedC = R.NestedC || Src.NestedF;
        R.NestedF = R.NestedF || Src.NestedC;
      }
    } else {
      R.Extents.clear();
      for (int64_t A : *Perm)
        R.Extents.push_back(Src.Extents[A]);
      bool Identity = true, Reversal = true;
      for (int I = 0; I < Src.Rank; ++I) {
        Identity = Identity && (*Perm)[I] == I;
        Reversal = Reversal && (*Perm)[I] == Src.Rank - 1 - I;
      }
      if (Identity) {
        R.C = Src.C;
        R.F = Src.F;
        R.NestedC = Src.NestedC;
        R.NestedF = Src.NestedF;
        R.ReasonC = Src.ReasonC;
        R.ReasonF = Src.ReasonF;
        R.OriginsC = Src.OriginsC;
        R.OriginsF = Src.OriginsF;
        return R;
      }
      if (Reversal) {
        R.C = Src.F;
        R.F = Src.C;
        R.NestedC = Src.NestedF;
        R.NestedF = Src.NestedC;
      }
    }
    SetReasons();
    return R;
  }

  case ArrayOpKind::Slice: {
    ShareSource();
    if (Op.Api->Index == IndexSpelling::BroadcastSizes) {
      if (auto Sizes = Model.literalShape(Op, Context))
        setBroadcastGeometry(R, Src, *Sizes, Op.NameLoc);
      return R;
    }
    auto Args = Model.indexArguments(Op, Context);
    if (!Args)
      return R; // diagonal, broadcast_to: layout unknown
    unsigned Consuming = 0, Ellipses = 0;
    bool AllTrivial = true, Resolvable = true;
    for (const IndexArgument &A : *Args) {
      if (A.Kind == IndexArgument::Unknown)
        return R;
      if (A.Kind == IndexArgument::Ellipsis)
        ++Ellipses;
      else if (A.Kind != IndexArgument::NewAxis)
        ++Consuming;
      if (A.Kind != IndexArgument::All && A.Kind != IndexArgument::Ellipsis)
        AllTrivial = false;
      if (A.Kind == IndexArgument::Slice && !A.Length &&
          (!A.Step || *A.Step == 0 || (!A.Start && !A.StartIsNone) ||
           (!A.Stop && !A.StopIsNone)))
        Resolvable = false;
    }
    if (Ellipses > 1 || (Src.Rank >= 0 && Consuming > unsigned(Src.Rank)))
      return R; // an error at run time
    // Exact geometry: an integer index that is not a constant removes its
    // axis whatever its value; slice bounds must be known.
    if (hasGeometry(Src) && Resolvable) {
      Shape Dims, Strides;
      unsigned Axis = 0;
      unsigned Fill = Src.Rank - Consuming;
      bool Stepped = false, Partial = false;
      SourceLocation SliceLoc = Op.NameLoc;
      auto KeepAxis = [&] {
        Dims.push_back(*Src.Extents[Axis]);
        Strides.push_back((*Src.Strides)[Axis]);
        ++Axis;
      };
      for (const IndexArgument &A : *Args) {
        const Expr *ArgExpr = A.Where ? A.Where : Op.Call;
        switch (A.Kind) {
        case IndexArgument::Ellipsis:
          for (unsigned K = 0; K < Fill; ++K)
            KeepAxis();
          Fill = 0;
          break;
        case IndexArgument::All:
          KeepAxis();
          break;
        case IndexArgument::NewAxis:
          Dims.push_back(1);
          Strides.push_back(0);
          break;
        case IndexArgument::Integer: {
          int64_t Len = *Src.Extents[Axis];
          if (A.Value) {
            int64_t I = *A.Value < 0 ? *A.Value + Len : *A.Value;
            if (I < 0 || I >= Len)
              return R; // IndexError at run time
          }
          ++Axis;
          break;
        }
        case IndexArgument::Slice: {
          int64_t Len = *Src.Extents[Axis];
          auto Resolved = resolveSlice(A, Len);
          if (!Resolved)
            return R;
          if (Resolved->second != 1 && !Stepped) {
            Stepped = true;
            SliceLoc = ArgExpr->getBeginLoc();
          } else if (Resolved->first != Len && !Stepped && !Partial) {
            Partial = true;
            SliceLoc = ArgExpr->getBeginLoc();
          }
          Dims.push_back(Resolved->first);
          Strides.push_back((*Src.Strides)[Axis] * Resolved->second);
          ++Axis;
          break;
        }
        case IndexArgument::Unknown:
          return R;
        }
      }
      while (Axis < unsigned(Src.Rank))
        KeepAxis();
      setGeometry(R, Dims, Strides);
      R.NestedC = R.NestedC || Src.NestedC;
      R.NestedF = R.NestedF || Src.NestedF;
      setSliceReasons(R, Src, Stepped, Partial, SliceLoc);
      return R;
    }
    if (AllTrivial) {
      R.C = Src.C;
      R.F = Src.F;
      R.NestedC = Src.NestedC;
      R.NestedF = Src.NestedF;
      R.ReasonC = Src.ReasonC;
      R.ReasonF = Src.ReasonF;
      R.OriginsC = Src.OriginsC;
      R.OriginsF = Src.OriginsF;
      R.Rank = Src.Rank;
      R.Extents = Src.Extents;
      return R;
    }
    if (Src.Rank < 0 || (!Src.NestedC && !Src.NestedF))
      return R;
    sliceSymbolic(R, Src, *Args, Op, Consuming);
    return R;
  }

  case ArrayOpKind::Ravel:
  case ArrayOpKind::Reshape:
  case ArrayOpKind::MakeContiguous: {
    CopyVerdict V = verdict(Op, Src);
    if (V.Kind == CopyVerdict::Copy)
      Allocate();
    else if (V.Kind == CopyVerdict::View)
      ShareSource();
    else {
      ShareSource();
      addBuffer(R, Self);
    }
    if (Op.Api->Kind == ArrayOpKind::Ravel) {
      R.Rank = 1;
      R.Extents = {Src.elementCount()};
      setDense(R, MemoryOrder::C);
      return R;
    }
    if (Op.Api->Kind == ArrayOpKind::MakeContiguous) {
      R.Rank = Src.Rank == 0 ? 1 : Src.Rank;
      R.Extents = Src.Rank == 0
                      ? llvm::SmallVector<std::optional<int64_t>, 4>{1}
                      : Src.Extents;
      setDense(R, Op.Api->FixedOrder);
      return R;
    }
    // Reshape.
    auto Target = Model.literalShape(Op, Context);
    if (!Target)
      return R;
    setExtents(R, *Target);
    if (std::optional<int64_t> Count = Src.elementCount()) {
      Shape Requested;
      bool Known = true;
      for (const std::optional<int64_t> &E : *Target) {
        if (!E)
          Known = false;
        else
          Requested.push_back(*E);
      }
      if (Known) {
        if (auto New = fixUnknownDimension(Requested, *Count))
          for (size_t I = 0; I < New->size(); ++I)
            R.Extents[I] = (*New)[I];
      }
    }
    for (std::optional<int64_t> &E : R.Extents)
      if (E && *E < 0)
        E = std::nullopt;
    if ((V.Kind == CopyVerdict::Copy ||
         (V.Kind == CopyVerdict::View &&
          Src.contiguity(V.RequiredOrder.value_or(MemoryOrder::C)) ==
              Contiguity::Yes)) &&
        V.RequiredOrder)
      setDense(R, *V.RequiredOrder);
    else if (V.Kind == CopyVerdict::View && hasGeometry(Src) &&
             V.RequiredOrder && allKnown(R)) {
      Shape New = knownExtents(R);
      if (New == knownExtents(Src))
        setGeometry(R, New, *Src.Strides);
      else if (auto S =
                   attemptNoCopyReshape(knownExtents(Src), *Src.Strides, New,
                                        *V.RequiredOrder == MemoryOrder::F))
        setGeometry(R, New, *S);
    }
    return R;
  }
  }
  return R;
}

// NumPy's PyArray_CreateMultiSortedStridePerm: the result's axes sorted by
// the inputs' strides, C order winning every tie or disagreement.
ArrayFacts Transfer::applyToInputs(const ArrayOperation &Op,
                                   llvm::ArrayRef<ArrayFacts> Inputs) const {
  ArrayFacts R;
  R.ElementSize = Model.elementSize(Op.Call->getType(), Context);
  R.Buffers = {Op.Call};
  R.Fresh = true;
  if (Inputs.empty() ||
      llvm::any_of(Inputs, [](const ArrayFacts &F) { return F.Bottom; }))
    return R;
  LayoutOrigin Here{Op.NameLoc, "concatenated keeping its inputs' order here"};
  // C-contiguous inputs vote for C order on every pair of axes they have
  // no length-1 axis in, and C order wins the other pairs.
  auto AllC = [&] {
    if (!llvm::all_of(
            Inputs, [](const ArrayFacts &F) { return F.C == Contiguity::Yes; }))
      return R;
    setDense(R, MemoryOrder::C);
    setReason(R, MemoryOrder::F,
              "a concatenation that keeps the C order of its inputs", {Here});
    return R;
  };
  int Rank = Inputs[0].Rank;
  std::optional<int64_t> Axis = Model.axisArgument(Op, Context);
  if (Rank < 1 || !Axis || *Axis < -Rank || *Axis >= Rank ||
      llvm::any_of(Inputs, [&](const ArrayFacts &F) { return F.Rank != Rank; }))
    return AllC();
  size_t Ax = static_cast<size_t>(*Axis < 0 ? *Axis + Rank : *Axis);
  setExtents(R, Inputs[0].Extents);
  R.Extents[Ax] = 0;
  for (const ArrayFacts &F : Inputs)
    for (size_t D = 0; D < size_t(Rank); ++D) {
      if (D == Ax) {
        R.Extents[Ax] =
            R.Extents[Ax] && F.Extents[D]
                ? std::optional<int64_t>(*R.Extents[Ax] + *F.Extents[D])
                : std::nullopt;
      } else if (!R.Extents[D]) {
        R.Extents[D] = F.Extents[D];
      }
    }
  if (llvm::all_of(Inputs,
                   [](const ArrayFacts &F) { return hasGeometry(F); }) &&
      allKnown(R)) {
    Shape Perm(Rank);
    std::iota(Perm.begin(), Perm.end(), 0);
    // Insertion sort, largest stride first. An input votes on a pair of
    // axes unless one of them has length 1; any vote for C order wins.
    for (size_t I0 = 1; I0 < size_t(Rank); ++I0) {
      size_t Pos = I0;
      int64_t J0 = Perm[I0];
      for (size_t I1 = I0; I1-- > 0;) {
        bool Ambiguous = true, Swap = false;
        int64_t J1 = Perm[I1];
        for (const ArrayFacts &F : Inputs) {
          if (*F.Extents[J0] == 1 || *F.Extents[J1] == 1)
            continue;
          if (std::llabs((*F.Strides)[J0]) <= std::llabs((*F.Strides)[J1]))
            Swap = false;
          else if (Ambiguous)
            Swap = true;
          Ambiguous = false;
        }
        if (!Ambiguous) {
          if (!Swap)
            break;
          Pos = I1;
        }
      }
      if (Pos != I0) {
        for (size_t K = I0; K > Pos; --K)
          Perm[K] = Perm[K - 1];
        Perm[Pos] = J0;
      }
    }
    Shape Dims = knownExtents(R), Strides(Rank);
    int64_t Step = 1;
    for (size_t K = Perm.size(); K-- > 0;) {
      Strides[Perm[K]] = Step;
      Step *= std::max<int64_t>(Dims[Perm[K]], 1);
    }
    setGeometry(R, Dims, Strides);
    llvm::StringRef Reason =
        R.F == Contiguity::Yes
            ? "a concatenation that keeps the F order of its inputs"
        : R.C == Contiguity::Yes
            ? "a concatenation that keeps the C order of its inputs"
            : "a concatenation that keeps the axis order of its inputs";
    setReason(R, MemoryOrder::C, Reason, {Here});
    setReason(R, MemoryOrder::F, Reason, {Here});
    return R;
  }
  return AllC();
}

} // namespace clang::tidy::ndarray::analysis
