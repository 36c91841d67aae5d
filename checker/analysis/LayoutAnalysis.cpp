//===--- LayoutAnalysis.cpp - the layout dataflow analysis ----------------===//
//
// Transfer functions follow NumPy's rules (shared/spec/numpy-semantics.md):
// flags skip length-1 axes and any length-0 axis makes an array contiguous in
// both orders; ravel/reshape are views exactly when the source is contiguous
// in the requested order (reshape also when NumPy's no-copy reshape
// succeeds). With every extent known, the analysis carries exact strides and
// computes flags as NumPy does; otherwise it keeps symbolic facts that hold
// for every shape.
//
//===----------------------------------------------------------------------===//

#include "analysis/LayoutAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <deque>
#include <numeric>

namespace clang::tidy::ndarray::analysis {

using Shape = llvm::SmallVector<int64_t, 4>;
using State = llvm::DenseMap<const VarDecl *, ArrayFacts>;

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
  IntoOrigins.assign(Origins.begin(), Origins.end());
}

void clearLayout(ArrayFacts &R) {
  R.C = R.F = Contiguity::Unknown;
  R.Strides.reset();
  R.ReasonC = R.ReasonF = llvm::StringRef();
  R.OriginsC.clear();
  R.OriginsF.clear();
}

void addBuffer(ArrayFacts &R, BufferId Id) {
  if (!llvm::is_contained(R.Buffers, Id)) {
    R.Buffers.push_back(Id);
    llvm::sort(R.Buffers, std::less<BufferId>());
  }
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

// ---- Uses of tracked variables ---------------------------------------------

enum class UseEffect : uint8_t {
  None,    ///< Reads, or handled by a transfer function (init, assignment).
  Escape,  ///< The buffer becomes reachable from outside.
  Clobber, ///< The handle (and what shares it) may be modified: Unknown.
  Untrack, ///< The variable cannot be tracked at all in this function.
};


bool isTransparent(const Stmt *S) {
  return isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, ExprWithCleanups>(S);
}

bool isInNamespace(const Decl *D, llvm::StringRef Qualified) {
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      if (ArrayModel::isNamed(NS, Qualified))
        return true;
  return false;
}

} // namespace

struct LayoutAnalysis::Impl {
  const FunctionDecl &Function;
  ASTContext &Context;
  const ArrayModel &Model;
  bool GaveUp = false;
  /// The analysis runs on the first query: a function whose findings never
  /// ask about layout costs nothing beyond the operation scan.
  bool Ran = false;
  unsigned MaxBlockVisits = 0;
  llvm::DenseSet<const VarDecl *> Tracked, Untracked, Escaping;
  /// Local const references bound directly to a tracked handle
  /// (`const nd::array<double>& r = t;`): every use of r is a use of t.
  llvm::DenseMap<const VarDecl *, const VarDecl *> ConstRefAliasOf;
  llvm::DenseMap<const DeclRefExpr *, UseEffect> Effects;
  llvm::DenseMap<const DeclRefExpr *, ArrayFacts> RefFacts;
  llvm::DenseMap<const DeclRefExpr *, llvm::SmallVector<const VarDecl *, 4>>
      RefAliases;
  llvm::DenseSet<const DeclRefExpr *> RefFresh;
  std::unique_ptr<ParentMap> Parents;

  Impl(const FunctionDecl &Function, ASTContext &Context,
       const ArrayModel &Model)
      : Function(Function), Context(Context), Model(Model) {}

  // -- Pre-pass ---------------------------------------------------------------
  bool isTrackable(const VarDecl *V) const {
    if (!V || !Model.isArrayType(V->getType()))
      return false;
    QualType T = V->getType();
    if (isa<ParmVarDecl>(V))
      return !T->isReferenceType() ||
             T.getNonReferenceType().isConstQualified();
    return V->hasLocalStorage() && !T->isReferenceType();
  }

  /// The tracked variable a use of \p V denotes: V itself, or the handle a
  /// local const reference V is bound to.
  const VarDecl *resolve(const VarDecl *V) const {
    if (const VarDecl *To = ConstRefAliasOf.lookup(V))
      return To;
    return V;
  }

  /// Whether \p V is a local `const array&` bound to a tracked handle; then
  /// records it in ConstRefAliasOf.
  void noteConstRefAlias(const VarDecl *V) {
    if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) || !V->getInit())
      return;
    QualType T = V->getType();
    if (!T->isLValueReferenceType() ||
        !T.getNonReferenceType().isConstQualified() ||
        !Model.isArrayType(T))
      return;
    const auto *Ref =
        dyn_cast<DeclRefExpr>(ArrayModel::ignoreHandleCopies(V->getInit()));
    const auto *To = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!To)
      return;
    To = resolve(To);
    if (Tracked.contains(To))
      ConstRefAliasOf[V] = To;
  }

  UseEffect classifyUse(const DeclRefExpr *Ref) const {
    const Stmt *Child = Ref;
    bool ThroughView = false; // a view of the variable, not the handle
    auto Downgrade = [&](UseEffect E) {
      return ThroughView && E == UseEffect::Clobber ? UseEffect::Escape : E;
    };
    for (int Depth = 0; Depth < 64; ++Depth) {
      const Stmt *Parent = Parents->getParent(Child);
      if (!Parent)
        return UseEffect::None;
      if (isTransparent(Parent)) {
        Child = Parent;
        continue;
      }
      if (const auto *Cond = dyn_cast<ConditionalOperator>(Parent)) {
        if (Cond->getCond() == Child)
          return UseEffect::None;
        Child = Parent;
        continue;
      }
      if (const auto *Unary = dyn_cast<UnaryOperator>(Parent))
        return Unary->getOpcode() == UO_AddrOf ? UseEffect::Untrack
                                               : Downgrade(UseEffect::Clobber);
      if (isa<ReturnStmt>(Parent))
        return UseEffect::None;
      if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
        const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
        if (!Method)
          return UseEffect::None;
        const Stmt *CallStmt = Parents->getParent(Member);
        const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(CallStmt);
        if (Call) {
          if (std::optional<ArrayOperation> Op = Model.classify(Call);
              Op && Op->Call == Call) {
            if (!mayShareResult(Op->Api->Kind))
              return UseEffect::None;
            ThroughView = true;
            Child = Call;
            continue;
          }
        }
        if (Method->isConst() || Method->isStatic())
          return UseEffect::None;
        return Downgrade(UseEffect::Clobber);
      }
      if (const auto *OpCall = dyn_cast<CXXOperatorCallExpr>(Parent)) {
        if (OpCall->getNumArgs() > 0 && OpCall->getArg(0) == Child &&
            isa_and_nonnull<CXXMethodDecl>(OpCall->getDirectCallee())) {
          if (OpCall->getOperator() == OO_Equal && !ThroughView)
            return UseEffect::None; // reassignment: a transfer function
          if (std::optional<ArrayOperation> Op = Model.classify(OpCall);
              Op && Op->Call == OpCall) {
            if (!mayShareResult(Op->Api->Kind))
              return UseEffect::None;
            ThroughView = true;
            Child = OpCall;
            continue;
          }
          const auto *Method = cast<CXXMethodDecl>(OpCall->getDirectCallee());
          return Method->isConst() ? UseEffect::None
                                   : Downgrade(UseEffect::Clobber);
        }
        if (OpCall->getOperator() == OO_Equal && OpCall->getNumArgs() == 2 &&
            OpCall->getArg(1) == Child) {
          const auto *LHS =
              dyn_cast<DeclRefExpr>(OpCall->getArg(0)->IgnoreParenImpCasts());
          if (LHS && Tracked.contains(dyn_cast<VarDecl>(LHS->getDecl())))
            return UseEffect::None;
          return Downgrade(UseEffect::Clobber);
        }
        // A non-member operator: like a call below.
      }
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(Parent)) {
        if (Construct->getNumArgs() == 1 &&
            Construct->getConstructor()->isCopyOrMoveConstructor()) {
          // A handle copy: what matters is where the copy goes.
          Child = Parent;
          continue;
        }
        return Downgrade(UseEffect::Clobber);
      }
      if (isa<InitListExpr, CXXStdInitializerListExpr>(Parent)) {
        Child = Parent;
        continue;
      }
      if (const auto *DS = dyn_cast<DeclStmt>(Parent)) {
        for (const Decl *D : DS->decls()) {
          const auto *V = dyn_cast<VarDecl>(D);
          if (!V || !V->getInit())
            continue;
          if (V->getType()->isReferenceType()) {
            if (!V->getType().getNonReferenceType().isConstQualified())
              return ThroughView ? UseEffect::Escape : UseEffect::Untrack;
            // A const reference: the variable can still change underneath,
            // but only through tracked operations on the original.
            return UseEffect::None;
          }
          if (Tracked.contains(V))
            return UseEffect::None;
        }
        return Downgrade(UseEffect::Clobber);
      }
      if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        bool InLibrary =
            Callee && isInNamespace(Callee, Model.library().Namespace);
        if (InLibrary) {
          if (std::optional<ArrayOperation> Op = Model.classify(Call);
              Op && Op->Call == Call && mayShareResult(Op->Api->Kind)) {
            ThroughView = true;
            Child = Call;
            continue;
          }
        }
        if (!Callee)
          return ThroughView ? UseEffect::Escape : UseEffect::Untrack;
        // Which parameter receives Child?
        unsigned ArgIndex = 0;
        bool Found = false;
        for (unsigned I = 0; I < Call->getNumArgs(); ++I)
          if (Call->getArg(I) == Child) {
            ArgIndex = I;
            Found = true;
          }
        if (!Found)
          return Downgrade(UseEffect::Clobber); // the callee itself
        if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee)) {
          if (ArgIndex == 0)
            return Downgrade(UseEffect::Clobber);
          --ArgIndex;
        }
        if (ArgIndex >= Callee->getNumParams())
          return ThroughView ? UseEffect::Escape : UseEffect::Untrack;
        QualType ParamType = Callee->getParamDecl(ArgIndex)->getType();
        if (ParamType->isReferenceType()) {
          if (ParamType.getNonReferenceType().isConstQualified())
            return UseEffect::None;
          return ThroughView ? UseEffect::Escape : UseEffect::Untrack;
        }
        // By value: the callee holds a handle; the library's functions only
        // read it (their results are modelled).
        return InLibrary ? UseEffect::None : Downgrade(UseEffect::Clobber);
      }
      if (isa<LambdaExpr>(Parent))
        return Downgrade(UseEffect::Clobber);
      return Downgrade(UseEffect::Clobber);
    }
    return UseEffect::Clobber;
  }

  void prepass() {
    const Stmt *Body = Function.getBody();
    Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
    for (const ParmVarDecl *P : Function.parameters())
      if (isTrackable(P))
        Tracked.insert(P);
    struct Visitor : RecursiveASTVisitor<Visitor> {
      Impl &Self;
      std::vector<const DeclRefExpr *> Refs;
      std::vector<const LambdaExpr *> Lambdas;
      explicit Visitor(Impl &Self) : Self(Self) {}
      bool VisitVarDecl(VarDecl *V) {
        if (Self.isTrackable(V))
          Self.Tracked.insert(V);
        else
          Self.noteConstRefAlias(V);
        return true;
      }
      std::vector<const CXXOperatorCallExpr *> Assignments;
      bool VisitDeclRefExpr(DeclRefExpr *R) {
        Refs.push_back(R);
        return true;
      }
      bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
        if (Call->getOperator() == OO_Equal && Call->getNumArgs() == 2)
          Assignments.push_back(Call);
        return true;
      }
      bool TraverseLambdaExpr(LambdaExpr *L) {
        Lambdas.push_back(L);
        // Capture initialisers belong to this function; the body does not.
        for (Expr *Init : L->capture_inits())
          if (Init)
            TraverseStmt(Init);
        return true;
      }
    } V(*this);
    V.TraverseStmt(const_cast<Stmt *>(Body));
    for (const LambdaExpr *L : V.Lambdas)
      for (const LambdaCapture &C : L->captures()) {
        if (!C.capturesVariable())
          continue;
        const auto *Var = dyn_cast<VarDecl>(C.getCapturedVar());
        if (!Var || !Tracked.contains(resolve(Var)))
          continue;
        Var = resolve(Var);
        Escaping.insert(Var);
        if (C.getCaptureKind() == LCK_ByRef)
          Untracked.insert(Var);
      }
    for (const DeclRefExpr *R : V.Refs) {
      const auto *Var = dyn_cast<VarDecl>(R->getDecl());
      if (!Var || !Tracked.contains(resolve(Var)))
        continue;
      Var = resolve(Var);
      UseEffect E = classifyUse(R);
      Effects[R] = E;
      if (E == UseEffect::Untrack)
        Untracked.insert(Var);
      if (E != UseEffect::None)
        Escaping.insert(Var);
    }
    // Handle copies share one array object (shape and strides included):
    // once one of them can be modified behind the analysis' back, so can
    // every other handle of the same object.
    llvm::SmallVector<std::pair<const VarDecl *, const VarDecl *>, 8> Copies;
    auto AddCopies = [&](const VarDecl *To, const Expr *From) {
      llvm::SmallVector<const Expr *, 4> Work{From};
      while (!Work.empty()) {
        const Expr *E = ArrayModel::ignoreHandleCopies(Work.pop_back_val());
        if (const auto *Cond = dyn_cast<ConditionalOperator>(E)) {
          Work.push_back(Cond->getTrueExpr());
          Work.push_back(Cond->getFalseExpr());
        } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
          if (const auto *W = dyn_cast<VarDecl>(Ref->getDecl());
              W && Tracked.contains(resolve(W)))
            Copies.push_back({To, resolve(W)});
        }
      }
    };
    for (const VarDecl *Var : Tracked)
      if (Var->getInit())
        AddCopies(Var, Var->getInit());
    for (const CXXOperatorCallExpr *Assign : V.Assignments)
      if (const auto *LHS =
              dyn_cast<DeclRefExpr>(Assign->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *To = dyn_cast<VarDecl>(LHS->getDecl());
            To && Tracked.contains(To))
          AddCopies(To, Assign->getArg(1));
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const auto &[A, B] : Copies)
        if (Untracked.contains(A) != Untracked.contains(B)) {
          Untracked.insert(A);
          Untracked.insert(B);
          Escaping.insert(A);
          Escaping.insert(B);
          Changed = true;
        }
    }
  }

  // -- Transfer ---------------------------------------------------------------
  using Lookup = llvm::function_ref<ArrayFacts(const DeclRefExpr *)>;

  ArrayFacts eval(const Expr *E, Lookup Find, int Depth = 0) const {
    if (!E || Depth > 64)
      return ArrayFacts::unknown();
    E = ArrayModel::ignoreHandleCopies(E);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (Var)
        Var = resolve(Var);
      if (!Var || !Tracked.contains(Var) || Untracked.contains(Var))
        return ArrayFacts::unknown();
      ArrayFacts F = Find(Ref);
      F.Fresh = false;
      return F;
    }
    if (const auto *Cond = dyn_cast<ConditionalOperator>(E))
      return ArrayFacts::join(eval(Cond->getTrueExpr(), Find, Depth + 1),
                              eval(Cond->getFalseExpr(), Find, Depth + 1));
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      std::optional<ArrayOperation> Op = Model.classify(Call);
      if (!Op || Op->Call != Call ||
          Op->Api->Kind == ArrayOpKind::ElementAccess)
        return ArrayFacts::unknown();
      ArrayFacts Source =
          Op->Source ? eval(Op->Source, Find, Depth + 1) : ArrayFacts::bottom();
      return apply(*Op, Source);
    }
    return ArrayFacts::unknown();
  }

  std::optional<MemoryOrder> requiredOrder(const ArrayOperation &Op,
                                           const ArrayFacts &Src) const {
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

  CopyVerdict verdict(const ArrayOperation &Op, const ArrayFacts &Src) const {
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
      V.Kind = CopyVerdict::View;
      return V;
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
      if (!Mode || *Mode == CopyMode::Never || Src.Bottom)
        return V; // never copies, but may throw: not a view either
      if (*Mode == CopyMode::Always) {
        V.Kind = CopyVerdict::Copy;
        V.Explicit = true;
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
          if (!E)
            return V;
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
      // Symbolic: a dense array of the other order, reshaped to 1-D with -1.
      MemoryOrder Other = Fortran ? MemoryOrder::C : MemoryOrder::F;
      if (Target->size() == 1 && (*Target)[0] && *(*Target)[0] == -1 &&
          Src.Rank >= 2 && Src.contiguity(Other) == Contiguity::Yes &&
          isNo(Src.contiguity(*O)))
        V.Kind = verdictOf(Src.contiguity(*O));
      return V;
    }
    }
    return V;
  }

  ArrayFacts apply(const ArrayOperation &Op, const ArrayFacts &SrcIn) const {
    ArrayFacts Src = SrcIn.Bottom && Op.Api->Kind != ArrayOpKind::Create
                         ? ArrayFacts::unknown()
                         : SrcIn;
    ArrayFacts R;
    R.ElementSize = Model.elementSize(Op.Call->getType(), Context);
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
      return ArrayFacts::unknown();

    case ArrayOpKind::Create: {
      Allocate();
      if (Op.Api->Shape == ResultShape::Flat) {
        R.Rank = 1;
        R.Extents = {std::nullopt};
        if (Model.explicitArgumentCount(Op) == 1)
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
      LayoutOrigin Here{Op.NameLoc, Fortran ? "created in F order here"
                                            : "created in C order here"};
      setReason(R, MemoryOrder::C, "an F-ordered array", {Here});
      setReason(R, MemoryOrder::F, "a C-ordered array", {Here});
      return R;
    }

    case ArrayOpKind::Copy: {
      Allocate();
      if (Op.Api->Shape == ResultShape::Flat) {
        R.Rank = 1;
        R.Extents = {Src.elementCount()};
        setDense(R, MemoryOrder::C);
        return R;
      }
      if (Op.Api->Shape == ResultShape::Other) { // take, concatenate: C order
        R.C = Contiguity::Yes;
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
      std::string What =
          std::string(Keeps ? "copied keeping the " : "copied in ") +
          (Fortran ? "F" : "C") + " order here";
      LayoutOrigin Here{Op.NameLoc, internText(What)};
      llvm::SmallVector<LayoutOrigin, 2> Origins;
      if (Keeps) {
        Origins.append(
            Src.origins(Fortran ? MemoryOrder::C : MemoryOrder::F).begin(),
            Src.origins(Fortran ? MemoryOrder::C : MemoryOrder::F).end());
      }
      Origins.push_back(Here);
      setReason(R, MemoryOrder::C,
                Keeps ? "a copy of an F-ordered array that keeps its layout"
                      : "an F-ordered copy",
                Origins);
      setReason(R, MemoryOrder::F,
                Keeps ? "a copy of a C-ordered array that keeps its layout"
                      : "a C-ordered copy",
                Origins);
      return R;
    }

    case ArrayOpKind::View: {
      ShareSource();
      R.C = Src.C;
      R.F = Src.F;
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
      if (!Perm) {
        if (Reverse) { // rank unknown: reversing axes mirrors the flags
          R.C = Src.F;
          R.F = Src.C;
          setReason(R, MemoryOrder::C, ReasonFor(),
                    OriginsFor(MemoryOrder::F));
          setReason(R, MemoryOrder::F, ReasonFor(),
                    OriginsFor(MemoryOrder::C));
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
          R.ReasonC = Src.ReasonC;
          R.ReasonF = Src.ReasonF;
          R.OriginsC = Src.OriginsC;
          R.OriginsF = Src.OriginsF;
          return R;
        }
        if (Reversal) {
          R.C = Src.F;
          R.F = Src.C;
        }
      }
      setReason(R, MemoryOrder::C, ReasonFor(),
                OriginsFor(MemoryOrder::F));
      setReason(R, MemoryOrder::F, ReasonFor(),
                OriginsFor(MemoryOrder::C));
      return R;
    }

    case ArrayOpKind::Slice: {
      ShareSource();
      auto Args = Model.indexArguments(Op, Context);
      if (!Args)
        return R; // diagonal, broadcast_to: layout unknown
      unsigned Consuming = 0, Ellipses = 0;
      bool AllTrivial = true, LeadingIntegers = true, SeenNonInteger = false;
      unsigned Integers = 0;
      for (const IndexArgument &A : *Args) {
        if (A.Kind == IndexArgument::Unknown)
          return R;
        if (A.Kind == IndexArgument::Ellipsis)
          ++Ellipses;
        else if (A.Kind != IndexArgument::NewAxis)
          ++Consuming;
        if (A.Kind != IndexArgument::All && A.Kind != IndexArgument::Ellipsis)
          AllTrivial = false;
        if (A.Kind == IndexArgument::Integer) {
          ++Integers;
          if (SeenNonInteger)
            LeadingIntegers = false;
        } else if (A.Kind != IndexArgument::NewAxis) {
          SeenNonInteger = true;
          if (A.Kind != IndexArgument::All && A.Kind != IndexArgument::Ellipsis)
            LeadingIntegers = false;
        }
      }
      if (Ellipses > 1 || (Src.Rank >= 0 && Consuming > unsigned(Src.Rank)))
        return R; // an error at run time
      if (hasGeometry(Src)) {
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
        unsigned ArgIndex = Op.FirstArg;
        for (const IndexArgument &A : *Args) {
          const Expr *ArgExpr = Op.Call->getArg(ArgIndex++);
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
            if (!A.Value)
              return R;
            int64_t Len = *Src.Extents[Axis];
            int64_t I = *A.Value < 0 ? *A.Value + Len : *A.Value;
            if (I < 0 || I >= Len)
              return R; // IndexError at run time
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
                    Src.contiguity(O) == Contiguity::Yes ? Reason
                                                         : Src.reason(O),
                    Origins);
        }
        return R;
      }
      if (AllTrivial) {
        R.C = Src.C;
        R.F = Src.F;
        R.ReasonC = Src.ReasonC;
        R.ReasonF = Src.ReasonF;
        R.OriginsC = Src.OriginsC;
        R.OriginsF = Src.OriginsF;
        R.Rank = Src.Rank;
        R.Extents = Src.Extents;
        return R;
      }
      // Leading integer indices of a C-contiguous array: a C-contiguous
      // block (NumPy's a[i]).
      if (LeadingIntegers && Integers > 0 && Src.C == Contiguity::Yes &&
          Src.Rank >= 0 && Ellipses == 0 && Consuming == Integers) {
        R.Rank = Src.Rank - static_cast<int>(Integers);
        R.Extents.assign(Src.Extents.begin() + Integers, Src.Extents.end());
        // newaxis entries would add length-1 axes: flags unchanged, but the
        // rank differs; only the plain form keeps rank and extents.
        if (Args->size() != Integers) {
          R.Rank = -1;
          R.Extents.clear();
        }
        setDense(R, MemoryOrder::C);
        setReason(R, MemoryOrder::F, Src.ReasonF, Src.OriginsF);
      }
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

  // -- Dataflow ---------------------------------------------------------------
  ArrayFacts current(const VarDecl *V, const State &St) const {
    if (Untracked.contains(V))
      return ArrayFacts::unknown();
    auto It = St.find(V);
    if (It == St.end() || It->second.Bottom)
      return ArrayFacts::unknown();
    return It->second;
  }

  void clobber(const VarDecl *V, State &St) const {
    ArrayFacts Old = current(V, St);
    for (auto &Entry : St)
      if (Entry.first == V || Entry.second.mayShareWith(Old)) {
        clearLayout(Entry.second);
        Entry.second.Rank = -1;
        Entry.second.Extents.clear();
        addBuffer(Entry.second, ExternalBuffer);
        Entry.second.Fresh = false;
      }
    if (!St.count(V)) {
      ArrayFacts U = ArrayFacts::unknown();
      St[V] = U;
    }
  }

  void record(const DeclRefExpr *Ref, const VarDecl *V, const State &St) {
    ArrayFacts Facts = current(V, St);
    RefFacts[Ref] = Facts;
    llvm::SmallVector<const VarDecl *, 4> Aliases;
    for (const auto &Entry : St)
      if (Entry.first != V && !Entry.second.Bottom &&
          Entry.second.mayShareWith(Facts))
        Aliases.push_back(Entry.first);
    bool Fresh = !Escaping.contains(V) && !Untracked.contains(V) &&
                 Facts.Buffers.size() == 1 &&
                 Facts.Buffers[0] != ExternalBuffer && Aliases.empty();
    if (Fresh)
      RefFresh.insert(Ref);
    llvm::sort(Aliases, [](const VarDecl *A, const VarDecl *B) {
      return A->getBeginLoc() < B->getBeginLoc();
    });
    RefAliases[Ref] = std::move(Aliases);
  }

  void transfer(const Stmt *S, State &St, bool Recording) {
    auto Find = [&](const DeclRefExpr *Ref) {
      return current(resolve(cast<VarDecl>(Ref->getDecl())), St);
    };
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
      if (V)
        V = resolve(V);
      if (!V || !Tracked.contains(V))
        return;
      if (Recording)
        record(Ref, V, St);
      auto It = Effects.find(Ref);
      UseEffect E = It == Effects.end() ? UseEffect::None : It->second;
      if (E == UseEffect::Clobber || E == UseEffect::Untrack)
        clobber(V, St);
      else if (E == UseEffect::Escape) {
        ArrayFacts F = current(V, St);
        addBuffer(F, ExternalBuffer);
        St[V] = F;
      }
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls()) {
        const auto *V = dyn_cast<VarDecl>(D);
        if (!V || !Tracked.contains(V))
          continue;
        ArrayFacts F =
            V->getInit() ? eval(V->getInit(), Find) : ArrayFacts::unknown();
        F.Fresh = false;
        if (F.Bottom)
          F = ArrayFacts::unknown();
        St[V] = F;
      }
      return;
    }
    if (const auto *OpCall = dyn_cast<CXXOperatorCallExpr>(S)) {
      if (OpCall->getOperator() != OO_Equal || OpCall->getNumArgs() != 2)
        return;
      const auto *LHS =
          dyn_cast<DeclRefExpr>(OpCall->getArg(0)->IgnoreParenImpCasts());
      const auto *V = LHS ? dyn_cast<VarDecl>(LHS->getDecl()) : nullptr;
      if (!V || !Tracked.contains(V))
        return;
      if (!Model.isArrayType(OpCall->getArg(1)->getType())) {
        // Element-wise assignment from a scalar: layout unchanged.
        return;
      }
      ArrayFacts F = eval(OpCall->getArg(1), Find);
      F.Fresh = false;
      St[V] = F.Bottom ? ArrayFacts::unknown() : F;
      return;
    }
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      for (const LambdaCapture &C : Lambda->captures())
        if (C.capturesVariable())
          if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar());
              V && Tracked.contains(V))
            clobber(V, St);
    }
  }

  static State joinStates(const State &A, const State &B) {
    State R = A;
    for (const auto &Entry : B) {
      auto It = R.find(Entry.first);
      if (It == R.end())
        R.insert(Entry);
      else
        It->second = ArrayFacts::join(It->second, Entry.second);
    }
    return R;
  }

  static bool sameState(const State &A, const State &B) {
    if (A.size() != B.size())
      return false;
    for (const auto &Entry : A) {
      auto It = B.find(Entry.first);
      if (It == B.end() || It->second != Entry.second)
        return false;
    }
    return true;
  }

  void run(unsigned MaxBlockVisits) {
    prepass();
    if (Tracked.empty())
      return;
    CFG::BuildOptions Options;
    Options.setAllAlwaysAdd();
    Options.AddImplicitDtors = false;
    Options.AddTemporaryDtors = false;
    Options.AddLifetime = false;
    Options.AddScopes = false;
    std::unique_ptr<CFG> Cfg = CFG::buildCFG(
        &Function, const_cast<Stmt *>(Function.getBody()), &Context, Options);
    if (!Cfg) {
      GaveUp = true;
      return;
    }
    State Initial;
    for (const ParmVarDecl *P : Function.parameters())
      if (Tracked.contains(P))
        Initial[P] = ArrayFacts::unknown();

    unsigned N = Cfg->getNumBlockIDs();
    std::vector<std::optional<State>> Out(N);
    std::vector<bool> Queued(N, false);
    std::deque<const CFGBlock *> Work;
    const CFGBlock &Entry = Cfg->getEntry();
    Work.push_back(&Entry);
    Queued[Entry.getBlockID()] = true;
    unsigned Visits = 0;
    auto EntryState = [&](const CFGBlock *B) {
      if (B == &Entry)
        return Initial;
      State In;
      bool First = true;
      for (const CFGBlock::AdjacentBlock &Pred : B->preds()) {
        const CFGBlock *P = Pred.getReachableBlock();
        if (!P || !Out[P->getBlockID()])
          continue;
        In = First ? *Out[P->getBlockID()]
                   : joinStates(In, *Out[P->getBlockID()]);
        First = false;
      }
      return In;
    };
    while (!Work.empty()) {
      const CFGBlock *B = Work.front();
      Work.pop_front();
      Queued[B->getBlockID()] = false;
      if (++Visits > MaxBlockVisits) {
        GaveUp = true;
        return;
      }
      State St = EntryState(B);
      for (const CFGElement &E : *B)
        if (std::optional<CFGStmt> CS = E.getAs<CFGStmt>())
          transfer(CS->getStmt(), St, /*Recording=*/false);
      std::optional<State> &Slot = Out[B->getBlockID()];
      if (Slot && sameState(*Slot, St))
        continue;
      Slot = std::move(St);
      for (const CFGBlock::AdjacentBlock &Succ : B->succs())
        if (const CFGBlock *S = Succ.getReachableBlock())
          if (!Queued[S->getBlockID()]) {
            Queued[S->getBlockID()] = true;
            Work.push_back(S);
          }
    }
    // Replay every reached block once from its fixpoint entry state.
    for (const CFGBlock *B : *Cfg) {
      if (B != &Entry && !Out[B->getBlockID()])
        continue;
      State St = EntryState(B);
      for (const CFGElement &E : *B)
        if (std::optional<CFGStmt> CS = E.getAs<CFGStmt>())
          transfer(CS->getStmt(), St, /*Recording=*/true);
    }
  }
};

LayoutAnalysis::LayoutAnalysis(const FunctionDecl &Function,
                               ASTContext &Context, const ArrayModel &Model,
                               unsigned MaxBlockVisits)
    : P(std::make_unique<Impl>(Function, Context, Model)) {
  P->MaxBlockVisits = MaxBlockVisits;
}

LayoutAnalysis::Impl &LayoutAnalysis::ensureRun() const {
  if (P->Ran)
    return *P;
  P->Ran = true;
  if (P->Function.getBody())
    P->run(P->MaxBlockVisits);
  if (P->GaveUp) {
    P->RefFacts.clear();
    P->RefAliases.clear();
    P->RefFresh.clear();
  }
  return *P;
}

LayoutAnalysis::~LayoutAnalysis() = default;

ArrayFacts LayoutAnalysis::factsOf(const Expr *E) const {
  ensureRun();
  if (P->GaveUp)
    return ArrayFacts::unknown();
  auto Find = [&](const DeclRefExpr *Ref) {
    auto It = P->RefFacts.find(Ref);
    return It == P->RefFacts.end() ? ArrayFacts::unknown() : It->second;
  };
  return P->eval(E, Find);
}

CopyVerdict LayoutAnalysis::copyVerdict(const ArrayOperation &Op) const {
  ensureRun();
  ArrayFacts Source = Op.Source ? factsOf(Op.Source) : ArrayFacts::bottom();
  if (P->GaveUp && Op.Api->Kind != ArrayOpKind::Copy) {
    CopyVerdict V;
    V.Source = Source;
    return V;
  }
  if (Source.Bottom && Op.Api->Kind != ArrayOpKind::Create)
    Source = ArrayFacts::unknown();
  return P->verdict(Op, Source);
}

ArrayFacts LayoutAnalysis::apply(const ArrayOperation &Op,
                                 const ArrayFacts &Source) const {
  ensureRun();
  return P->apply(Op, Source);
}

const VarDecl *LayoutAnalysis::trackedVar(const Expr *E) const {
  ensureRun();
  if (!E)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(ArrayModel::ignoreHandleCopies(E));
  if (!Ref)
    return nullptr;
  const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
  if (V)
    V = P->resolve(V);
  return V && P->Tracked.contains(V) ? V : nullptr;
}

bool LayoutAnalysis::escapes(const VarDecl *V) const {
  ensureRun();
  return P->Escaping.contains(V) || P->Untracked.contains(V);
}

llvm::SmallVector<const VarDecl *, 4>
LayoutAnalysis::mayAliasAt(const DeclRefExpr *Use) const {
  ensureRun();
  auto It = P->RefAliases.find(Use);
  if (It != P->RefAliases.end() && !P->GaveUp)
    return It->second;
  // Unknown: every other tracked handle may share.
  llvm::SmallVector<const VarDecl *, 4> All;
  const Decl *Self = Use->getDecl();
  if (const auto *Var = dyn_cast<VarDecl>(Self))
    Self = P->resolve(Var);
  for (const VarDecl *V : P->Tracked)
    if (V != Self)
      All.push_back(V);
  llvm::sort(All, [](const VarDecl *A, const VarDecl *B) {
    return A->getBeginLoc() < B->getBeginLoc();
  });
  return All;
}

bool LayoutAnalysis::isFreshAt(const DeclRefExpr *Use) const {
  ensureRun();
  return !P->GaveUp && P->RefFresh.contains(Use);
}

bool LayoutAnalysis::gaveUp() const { return ensureRun().GaveUp; }
const FunctionDecl &LayoutAnalysis::function() const { return P->Function; }
const ArrayModel &LayoutAnalysis::model() const { return P->Model; }
ASTContext &LayoutAnalysis::astContext() const { return P->Context; }

} // namespace clang::tidy::ndarray::analysis
