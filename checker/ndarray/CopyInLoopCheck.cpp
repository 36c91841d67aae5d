//===--- CopyInLoopCheck.cpp - ndtidy -------------------------------------===//

#include "ndarray/CopyInLoopCheck.h"
#include "analysis/Describe.h"
#include "analysis/HandleUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include <functional>

namespace clang::tidy::ndarray {

using namespace analysis;

namespace {

/// Where a call sits in the innermost loop that repeats it.
struct LoopPlace {
  const Stmt *Loop = nullptr;
  /// In the loop's condition: evaluated once per test.
  bool InCondition = false;
  /// Under a branch of the loop, or after a statement that may leave the
  /// iteration early: not every iteration reaches it.
  bool Conditional = false;
};

/// Whether \p Child is a part of loop \p Loop that runs on every iteration
/// (body, condition, increment; not a for's init or a range-for's range).
bool isRepeatedPart(const Stmt *Loop, const Stmt *Child, bool &IsCondition) {
  IsCondition = false;
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    IsCondition = Child == For->getCond();
    return Child == For->getBody() || IsCondition || Child == For->getInc();
  }
  if (const auto *While = dyn_cast<WhileStmt>(Loop)) {
    IsCondition = Child == While->getCond();
    return Child == While->getBody() || IsCondition;
  }
  if (const auto *Do = dyn_cast<DoStmt>(Loop)) {
    IsCondition = Child == Do->getCond();
    return Child == Do->getBody() || IsCondition;
  }
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return Child == Range->getBody();
  return false;
}

/// Whether \p Child of \p Parent runs only on some executions of Parent.
bool isBranch(const Stmt *Parent, const Stmt *Child) {
  if (const auto *If = dyn_cast<IfStmt>(Parent))
    return Child == If->getThen() || Child == If->getElse();
  if (const auto *Switch = dyn_cast<SwitchStmt>(Parent))
    return Child == Switch->getBody();
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(Parent))
    return Child != Cond->getCond();
  if (const auto *Binary = dyn_cast<BinaryOperator>(Parent))
    return Binary->isLogicalOp() && Child == Binary->getRHS();
  return false;
}

/// Whether \p S contains, before \p Before, a statement that may end an
/// iteration early (break, continue, return, goto, throw).
bool mayLeaveBefore(const Stmt *S, SourceLocation Before,
                    const SourceManager &SM) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if ((isa<BreakStmt, ContinueStmt, ReturnStmt, GotoStmt, CXXThrowExpr>(S)) &&
      SM.isBeforeInTranslationUnit(S->getBeginLoc(), Before))
    return true;
  for (const Stmt *Child : S->children())
    if (mayLeaveBefore(Child, Before, SM))
      return true;
  return false;
}

/// Applies \p Visit to every DeclRefExpr below \p S (nested lambdas
/// included: a capture is a use).
template <class Fn> void forEachRef(const Stmt *S, Fn &&Visit) {
  if (!S)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    Visit(Ref);
  for (const Stmt *Child : S->children())
    forEachRef(Child, Visit);
}

class LoopFinder {
public:
  explicit LoopFinder(const FunctionContext &F)
      : F(F), SM(F.AST.getSourceManager()),
        Parents(const_cast<Stmt *>(F.Function.getBody())),
        Uses(F.Model, F.AST, &F.Function, F.Function.getBody(), 0,
             F.Layout.cfg()) {}

  void find(std::vector<Finding> &Out) {
    for (const ArrayOperation &Op : F.Operations) {
      if (std::optional<Finding> Found = growth(Op))
        Out.push_back(std::move(*Found));
      else if (std::optional<Finding> Found = invariantCopy(Op))
        Out.push_back(std::move(*Found));
    }
  }

private:
  LoopPlace placeOf(const Stmt *S) const {
    LoopPlace Place;
    const Stmt *Child = S;
    for (const Stmt *P = Parents.getParent(S); P;
         Child = P, P = Parents.getParent(P)) {
      bool IsCondition = false;
      if (isRepeatedPart(P, Child, IsCondition)) {
        Place.Loop = P;
        Place.InCondition = IsCondition;
        if (!IsCondition && mayLeaveBefore(P, S->getBeginLoc(), SM))
          Place.Conditional = true;
        return Place;
      }
      if (isBranch(P, Child))
        Place.Conditional = true;
    }
    return LoopPlace();
  }

  bool isInside(const Stmt *S, const Stmt *Loop) const {
    for (; S; S = Parents.getParent(S))
      if (S == Loop)
        return true;
    return false;
  }

  bool isDeclaredInside(const VarDecl *V, const Stmt *Loop) const {
    return SM.isPointWithin(V->getLocation(), Loop->getBeginLoc(),
                            Loop->getEndLoc());
  }

  /// Whether \p V holds the same value on every iteration of \p Loop. Array
  /// handles of the function declared outside the loop are added to
  /// \p Roots.
  bool isInvariantVar(const VarDecl *V, const Stmt *Loop, unsigned Depth,
                      llvm::SmallVectorImpl<const VarDecl *> &Roots) {
    if (!V->isLocalVarDeclOrParm())
      return V->getType().isConstQualified(); // a constant (nd::all)
    const bool Inside = isDeclaredInside(V, Loop);
    if (F.Model.isArrayType(V->getType())) {
      // The copy itself only reads its operands, whatever the use analysis
      // makes of an operand list (`concatenate({a, b})`).
      for (const Expr *Change : changesIn(V, Loop))
        if (!isInside(Change, Current))
          return false;
      if (!Inside) {
        if (!llvm::is_contained(Roots, V))
          Roots.push_back(V);
        return true;
      }
      return Depth < 3 && V->getInit() &&
             isInvariant(V->getInit(), Loop, Depth + 1, Roots);
    }
    if (Inside)
      return V->getType().isConstQualified() && V->getInit() &&
             Depth < 3 && isInvariant(V->getInit(), Loop, Depth + 1, Roots);
    if (V->getType().isConstQualified())
      return true;
    // Every occurrence in the loop only reads the value.
    auto Cached = ScalarReadOnly.find({V, Loop});
    if (Cached != ScalarReadOnly.end())
      return Cached->second;
    bool OnlyRead = true;
    forEachRef(Loop, [&](const DeclRefExpr *Ref) {
      if (Ref->getDecl() != V)
        return;
      const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(
          Parents.getParentIgnoreParens(Ref));
      if (!Cast || Cast->getCastKind() != CK_LValueToRValue)
        OnlyRead = false;
    });
    ScalarReadOnly[{V, Loop}] = OnlyRead;
    return OnlyRead;
  }

  /// The occurrences of array \p V (or of a handle initialised from it) in
  /// \p Loop that may change it: written, rebound, escaping. Rebinding an
  /// alias (`z = ...` after `z = a`) leaves 'a' as it is.
  llvm::ArrayRef<const Expr *> changesIn(const VarDecl *V, const Stmt *Loop) {
    auto [It, Inserted] = ArrayChanges.try_emplace({V, Loop});
    if (!Inserted)
      return It->second;
    for (const HandleUse &Use : Uses.usesOfVar(V).Uses) {
      if (!isInside(Use.Occurrence, Loop) ||
          Use.Kind == HandleUseKind::MetaRead ||
          Use.Kind == HandleUseKind::DataRead)
        continue;
      const auto *Ref = dyn_cast<DeclRefExpr>(Use.Occurrence);
      if (Use.Kind == HandleUseKind::Rebind && Ref && Ref->getDecl() != V)
        continue;
      It->second.push_back(Use.Occurrence);
    }
    return It->second;
  }

  /// Whether \p E computes the same value on every iteration of \p Loop:
  /// built from constants, model operations and variables the loop does not
  /// change. Anything else (a call of another function, a field) is not
  /// known to be invariant.
  bool isInvariant(const Expr *E, const Stmt *Loop, unsigned Depth,
                   llvm::SmallVectorImpl<const VarDecl *> &Roots) {
    if (!E)
      return true;
    if (isa<CXXDefaultArgExpr, CXXDefaultInitExpr, IntegerLiteral,
            FloatingLiteral, CXXBoolLiteralExpr, CharacterLiteral,
            StringLiteral, CXXNullPtrLiteralExpr, UnaryExprOrTypeTraitExpr>(
            E))
      return true;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const ValueDecl *D = Ref->getDecl();
      if (isa<EnumConstantDecl, FunctionDecl>(D))
        return true;
      const auto *V = dyn_cast<VarDecl>(D);
      return V && isInvariantVar(V, Loop, Depth, Roots);
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      // The callee of a member call; a field may change behind our back.
      return isa<CXXMethodDecl>(Member->getMemberDecl()) &&
             isInvariant(Member->getBase(), Loop, Depth, Roots);
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      std::optional<ArrayOperation> Op = F.Model.classify(Call);
      if (!Op || Op->Call != Call)
        return false;
    } else if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf)
        return false;
    } else if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
      if (Binary->isAssignmentOp())
        return false;
    } else if (!isa<CastExpr, ParenExpr, MaterializeTemporaryExpr,
                    CXXBindTemporaryExpr, ExprWithCleanups, InitListExpr,
                    CXXStdInitializerListExpr, AbstractConditionalOperator,
                    CXXConstructExpr, ConstantExpr>(E)) {
      return false;
    }
    for (const Stmt *Child : E->children())
      if (!isInvariant(dyn_cast_or_null<Expr>(Child), Loop, Depth, Roots))
        return false;
    return true;
  }

  /// Whether the operation \p Op is the source of an element access.
  bool feedsElementAccess(const ArrayOperation &Op) const {
    return llvm::any_of(F.Operations, [&](const ArrayOperation &Access) {
      return Access.Api->Kind == ArrayOpKind::ElementAccess && Access.Source &&
             ArrayModel::ignoreHandleCopies(Access.Source) == Op.Call;
    });
  }

  /// "'a'", "'a' and 'b'", "its operands": who does not change.
  static std::string describeRoots(llvm::ArrayRef<const VarDecl *> Roots) {
    if (Roots.empty())
      return "its operands do not change";
    std::string Text;
    for (size_t I = 0; I < Roots.size(); ++I) {
      if (I > 0)
        Text += I + 1 == Roots.size() ? " and " : ", ";
      Text += "'" + Roots[I]->getNameAsString() + "'";
    }
    return Text + (Roots.size() == 1 ? " does not change" : " do not change");
  }

  /// The local \p Call's result is assigned to (`x = <Call>`), or null.
  const VarDecl *assignedVar(const Expr *Call) const {
    const Stmt *Child = Call;
    const Stmt *Parent = Parents.getParent(Child);
    while (Parent && (isa<CastExpr, ParenExpr, MaterializeTemporaryExpr,
                          CXXBindTemporaryExpr, ExprWithCleanups>(Parent) ||
                      (isa<CXXConstructExpr>(Parent) &&
                       cast<CXXConstructExpr>(Parent)->getNumArgs() == 1))) {
      Child = Parent;
      Parent = Parents.getParent(Parent);
    }
    const auto *Assign = dyn_cast_or_null<CXXOperatorCallExpr>(Parent);
    if (!Assign || Assign->getOperator() != OO_Equal ||
        Assign->getNumArgs() != 2 || Assign->getArg(1) != Child)
      return nullptr;
    const auto *Target =
        dyn_cast<DeclRefExpr>(Assign->getArg(0)->IgnoreParenImpCasts());
    return Target ? dyn_cast<VarDecl>(Target->getDecl()) : nullptr;
  }

  /// Whether every iteration only reads the copy \p Call makes (through
  /// the local it is assigned to, if any), so that one copy can serve all.
  bool copyIsOnlyRead(const Expr *Call, const Stmt *Loop) {
    auto Reads = [](const HandleUse &Use) {
      return Use.Kind == HandleUseKind::MetaRead ||
             Use.Kind == HandleUseKind::DataRead;
    };
    const VarDecl *Target = assignedVar(Call);
    if (!Target)
      return llvm::all_of(Uses.usesOfExpr(Call), Reads);
    if (!Target->isLocalVarDeclOrParm() ||
        Target->getType()->isReferenceType())
      return false;
    // `z = <copy>`: the other uses of 'z' in the loop only read it.
    for (const HandleUse &Use : Uses.usesOfVar(Target).Uses)
      if (isInside(Use.Occurrence, Loop) && !Reads(Use) &&
          !(Use.Kind == HandleUseKind::Rebind && isInside(Call, Use.Site)))
        return false;
    return true;
  }

  std::optional<Finding> invariantCopy(const ArrayOperation &Op) {
    ArrayOpKind Kind = Op.Api->Kind;
    if (Kind != ArrayOpKind::Copy && Kind != ArrayOpKind::Ravel &&
        Kind != ArrayOpKind::Reshape && Kind != ArrayOpKind::MakeContiguous)
      return std::nullopt;
    CopyVerdict V = F.Layout.copyVerdict(Op);
    const bool Always = V.Kind == CopyVerdict::Copy;
    if (!Always && (V.Explicit || V.Kind != CopyVerdict::CopyUnlessDegenerate))
      return std::nullopt;
    LoopPlace Place = placeOf(Op.Call);
    if (!Place.Loop)
      return std::nullopt;
    llvm::SmallVector<const VarDecl *, 2> Roots;
    Current = Op.Call;
    if (!isInvariant(Op.Call, Place.Loop, 0, Roots))
      return std::nullopt;
    // Writes through handles the use analysis does not follow (an unknown
    // call, a pointer) cannot reach arrays only their own local holds.
    const Stmt *Loop = Place.Loop;
    bool AllFresh = llvm::all_of(
        Roots, [&](const VarDecl *V) { return Uses.isFreshUnescaped(V); });
    if (!AllFresh &&
        Uses.mayWriteHiddenHandles(
            [&](const Stmt *S) { return isInside(S, Loop); }, Roots))
      return std::nullopt;
    // Hoisting shares one copy between the iterations: none may write it.
    if (!copyIsOnlyRead(Op.Call, Loop))
      return std::nullopt;

    ArrayFacts Result = F.Layout.factsOf(Op.Call);
    std::string Bytes = copySizePhrase(Result, F);
    Finding Found;
    Found.Anchor = Op.Call;
    Found.Loc = Op.NameLoc;
    Found.Elements = Result.elementCount();
    if (!Found.Elements)
      Found.Elements = V.Source.elementCount();

    std::string How;
    if (feedsElementAccess(Op))
      How = " to read one element,";
    if (Place.InCondition && Place.Conditional)
      How += " on the tests of the loop's condition that reach it";
    else if (Place.InCondition)
      How += " each time the loop's condition is tested";
    else if (Place.Conditional)
      How += " on the loop's iterations that reach it";
    else if (!Bytes.empty())
      How += " on each of the loop's iterations";
    else
      How += " on each iteration";
    Found.Message = Op.spelling() + " copies" + Bytes + How;
    if (!Always)
      Found.Message += " " + degenerateCondition(V.Source.Rank);
    Found.Message += ": ";
    if (!V.Explicit && V.RequiredOrder) {
      Found.Message += notContiguousPhrase(describeArray(Op.Source, F.Layout),
                                           V.Source, *V.RequiredOrder);
      if (!Always)
        Found.Message += " otherwise";
      Found.Message += ", and ";
      addOriginNotes(Found, V.Source, *V.RequiredOrder);
    } else if (!V.Explicit) {
      Found.Message += "the strides of " + describeArray(Op.Source, F.Layout) +
                       " are not a dense permutation, and ";
    }
    Found.Message += describeRoots(Roots) + " in the loop; hoist it before the loop";
    return Found;
  }

  /// `x = concatenate({x, y})` in a loop, x declared outside it.
  std::optional<Finding> growth(const ArrayOperation &Op) {
    if (Op.Api->Kind != ArrayOpKind::Copy || Op.Api->InputsParam < 0)
      return std::nullopt;
    std::optional<llvm::SmallVector<const Expr *, 4>> Inputs =
        F.Model.inputArrays(Op);
    if (!Inputs)
      return std::nullopt;
    const VarDecl *Var = assignedVar(Op.Call);
    if (!Var)
      return std::nullopt;
    const Expr *Itself = nullptr;
    for (const Expr *Input : *Inputs)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(
              ArrayModel::ignoreHandleCopies(Input)->IgnoreParenImpCasts());
          Ref && Ref->getDecl() == Var)
        Itself = Input;
    if (!Itself)
      return std::nullopt;
    LoopPlace Place = placeOf(Op.Call);
    if (!Place.Loop || isDeclaredInside(Var, Place.Loop))
      return std::nullopt;

    Finding Found;
    Found.Anchor = Op.Call;
    Found.Loc = Op.NameLoc;
    Found.Elements = F.Layout.factsOf(Itself).elementCount();
    const std::string Name = "'" + Var->getNameAsString() + "'";
    Found.Message = Op.spelling() + " copies all of " + Name +
                    (Place.Conditional ? " on the loop's iterations that reach it"
                                       : " on each of the loop's iterations") +
                    ": " + Name +
                    " grows each time, so the loop copies a number of bytes "
                    "quadratic in its iterations; collect the parts and " +
                    "concatenate them once after the loop, or preallocate " +
                    Name + " and fill slices of it";
    return Found;
  }

  const FunctionContext &F;
  const SourceManager &SM;
  ParentMap Parents;
  HandleUses Uses;
  /// The copy being judged.
  const Expr *Current = nullptr;
  using VarInLoop = std::pair<const VarDecl *, const Stmt *>;
  llvm::DenseMap<VarInLoop, llvm::SmallVector<const Expr *, 2>> ArrayChanges;
  llvm::DenseMap<VarInLoop, bool> ScalarReadOnly;
};

} // namespace

void CopyInLoopCheck::find(const FunctionContext &F,
                           std::vector<Finding> &Out) const {
  const Stmt *Body = F.Function.getBody();
  if (!Body)
    return;
  // Only functions with a loop pay for the use analysis.
  bool HasLoop = false;
  std::function<void(const Stmt *)> Scan = [&](const Stmt *S) {
    if (!S || HasLoop || isa<LambdaExpr>(S))
      return;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S)) {
      HasLoop = true;
      return;
    }
    for (const Stmt *Child : S->children())
      Scan(Child);
  };
  Scan(Body);
  if (HasLoop)
    LoopFinder(F).find(Out);
}

} // namespace clang::tidy::ndarray
