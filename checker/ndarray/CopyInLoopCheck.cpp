//===--- CopyInLoopCheck.cpp - ndtidy -------------------------------------===//

#include "ndarray/CopyInLoopCheck.h"
#include "analysis/Describe.h"
#include "analysis/HandleUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
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

/// Whether \p S contains a statement that may end its loop early: break,
/// return, goto, throw (nested lambdas excluded; a break of a nested loop or
/// switch counts too: conservative).
bool mayLeaveLoop(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<BreakStmt, ReturnStmt, GotoStmt, IndirectGotoStmt, CXXThrowExpr,
          CoreturnStmt>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (mayLeaveLoop(Child))
      return true;
  return false;
}

/// The local variable \p E names (parentheses and implicit casts aside).
const VarDecl *varOf(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// A `for` loop whose index runs from a compile-time start to a bound, step
/// 1: `for (int i = L; i < B; ++i)` (or `i <= B`, `i != B`, `B > i`; `i++`,
/// `i += 1`).
struct CountedLoop {
  const ForStmt *For = nullptr;
  const VarDecl *Index = nullptr;
  int64_t Start = 0;
  /// The bound as spelled, and how it compares: Less (`<`, `!=`) or
  /// LessEqual (`<=`).
  const Expr *Bound = nullptr;
  bool Inclusive = false;
  bool NotEqual = false;
};

std::optional<CountedLoop> countedLoop(const Stmt *Loop, ASTContext &AST) {
  const auto *For = dyn_cast_or_null<ForStmt>(Loop);
  if (!For || !For->getCond() || !For->getInc() || !For->getBody())
    return std::nullopt;
  const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit());
  if (!Init || !Init->isSingleDecl())
    return std::nullopt;
  CountedLoop Counted;
  Counted.For = For;
  Counted.Index = dyn_cast<VarDecl>(Init->getSingleDecl());
  if (!Counted.Index || !Counted.Index->getType()->isIntegerType() ||
      Counted.Index->getType()->isReferenceType() || !Counted.Index->getInit())
    return std::nullopt;
  Expr::EvalResult Start;
  if (Counted.Index->getInit()->isValueDependent() ||
      !Counted.Index->getInit()->EvaluateAsInt(Start, AST) ||
      Start.Val.getInt().getSignificantBits() > 63)
    return std::nullopt;
  Counted.Start = Start.Val.getInt().getSExtValue();
  const auto *Cond = dyn_cast<BinaryOperator>(For->getCond()->IgnoreParens());
  if (!Cond)
    return std::nullopt;
  BinaryOperatorKind Op = Cond->getOpcode();
  const Expr *IndexSide = Cond->getLHS(), *BoundSide = Cond->getRHS();
  if (Op == BO_GT || Op == BO_GE) { // `B > i`
    std::swap(IndexSide, BoundSide);
    Op = Op == BO_GT ? BO_LT : BO_LE;
  }
  if ((Op != BO_LT && Op != BO_LE && Op != BO_NE) ||
      varOf(IndexSide) != Counted.Index)
    return std::nullopt;
  Counted.Bound = BoundSide->IgnoreParenImpCasts();
  Counted.Inclusive = Op == BO_LE;
  Counted.NotEqual = Op == BO_NE;
  const Expr *Inc = For->getInc()->IgnoreParens();
  if (const auto *Unary = dyn_cast<UnaryOperator>(Inc)) {
    if (!Unary->isIncrementOp() || varOf(Unary->getSubExpr()) != Counted.Index)
      return std::nullopt;
  } else if (const auto *Compound = dyn_cast<CompoundAssignOperator>(Inc)) {
    Expr::EvalResult Step;
    if (Compound->getOpcode() != BO_AddAssign ||
        varOf(Compound->getLHS()) != Counted.Index ||
        Compound->getRHS()->isValueDependent() ||
        !Compound->getRHS()->EvaluateAsInt(Step, AST) ||
        Step.Val.getInt() != 1)
      return std::nullopt;
  } else {
    return std::nullopt;
  }
  return Counted;
}

class LoopFinder {
public:
  explicit LoopFinder(const FunctionContext &F)
      : F(F), SM(F.AST.getSourceManager()),
        Parents(F.Layout.parents()),
        Uses(F.Uses.get()) {}

  void find(std::vector<Finding> &Out) {
    for (const ArrayOperation &Op : F.Operations) {
      if (std::optional<Finding> Found = growth(Op))
        Out.push_back(std::move(*Found));
      else if (std::optional<Finding> Found = invariantCopy(Op))
        Out.push_back(std::move(*Found));
      else if (Op.Api->Kind == ArrayOpKind::ElementAccess)
        if (LoopPlace Place = placeOf(Op.Call); Place.Loop)
          if (std::optional<Finding> Found = elementExport(Place.Loop);
              Found && Found->Anchor == Op.Call)
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
    bool OnlyRead = onlyReadIn(V, Loop);
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

  /// Whether every occurrence of \p V in \p S only reads its value.
  bool onlyReadIn(const VarDecl *V, const Stmt *S) const {
    bool OnlyRead = true;
    forEachRef(S, [&](const DeclRefExpr *Ref) {
      if (Ref->getDecl() != V)
        return;
      const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(
          Parents.getParentIgnoreParens(Ref));
      if (!Cast || Cast->getCastKind() != CK_LValueToRValue)
        OnlyRead = false;
    });
    return OnlyRead;
  }

  /// A counted loop (countedLoop()) whose index the body only reads and
  /// which nothing in the body leaves early: its index takes every value
  /// from Start up to its bound.
  std::optional<CountedLoop> exactLoop(const Stmt *Loop) const {
    std::optional<CountedLoop> Counted = countedLoop(Loop, F.AST);
    if (!Counted || mayLeaveLoop(Counted->For->getBody()) ||
        !onlyReadIn(Counted->Index, Counted->For->getBody()) ||
        !onlyReadIn(Counted->Index, Counted->For->getCond()))
      return std::nullopt;
    return Counted;
  }

  /// The number of iterations of \p Loop when it is an exact counted loop
  /// with a compile-time bound (`for (int i = 0; i < 100; ++i)`).
  std::optional<int64_t> tripCount(const Stmt *Loop) const {
    std::optional<CountedLoop> Counted = exactLoop(Loop);
    if (!Counted || Counted->Bound->isValueDependent())
      return std::nullopt;
    Expr::EvalResult Bound;
    if (!Counted->Bound->EvaluateAsInt(Bound, F.AST) ||
        Bound.Val.getInt().getSignificantBits() > 40)
      return std::nullopt;
    int64_t End = Bound.Val.getInt().getSExtValue();
    // The index must reach the bound without overflowing its type.
    unsigned Width = F.AST.getIntWidth(Counted->Index->getType());
    if (Width < 2 || Width > 64 || Counted->Start < 0 || End < 0 ||
        (Width < 63 && End + 1 >= (int64_t(1) << (Width - 1))))
      return std::nullopt;
    if (Counted->Inclusive)
      ++End;
    if (Counted->NotEqual && End < Counted->Start)
      return std::nullopt; // runs until the index wraps around
    return std::max<int64_t>(0, End - Counted->Start);
  }

  /// " on each of the loop's 100 iterations (320000 bytes in all)" for a
  /// copy of \p Bytes bytes made once per iteration of \p Trip.
  static std::string perIterationPhrase(std::optional<int64_t> Trip,
                                        std::optional<int64_t> Bytes) {
    if (!Trip || !Bytes)
      return " on each of the loop's iterations";
    return " on each of the loop's " + std::to_string(*Trip) +
           " iterations (" + bytesPhrase(*Trip * *Bytes) + " in all)";
  }

  /// Strips what turns an element reference into the value a container
  /// receives: temporaries, implicit casts and conversion operators.
  static const Expr *stripConversions(const Expr *E) {
    while (E) {
      const Expr *Next = ArrayModel::ignoreHandleCopies(E)->IgnoreParenImpCasts();
      if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(Next);
          Conversion && isa_and_nonnull<CXXConversionDecl>(
                            Conversion->getMethodDecl()))
        Next = Conversion->getImplicitObjectArgument();
      if (Next == E)
        return E;
      E = Next;
    }
    return E;
  }

  /// The element type of the local `std::vector` \p V, or a null type.
  static QualType vectorElementType(const VarDecl *V) {
    if (!V || !V->isLocalVarDecl() || V->getType()->isReferenceType())
      return QualType();
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        V->getType()->getAsCXXRecordDecl());
    if (!Spec || !Spec->isInStdNamespace() || Spec->getName() != "vector" ||
        Spec->getTemplateArgs().size() < 1 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return QualType();
    return Spec->getTemplateArgs()[0].getAsType().getCanonicalType();
  }

  /// The element type of the array class \p T, or a null type.
  static QualType arrayElementType(QualType T) {
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        T.getNonReferenceType()->getAsCXXRecordDecl());
    if (!Spec || Spec->getTemplateArgs().size() < 1 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return QualType();
    return Spec->getTemplateArgs()[0].getAsType().getCanonicalType();
  }

  /// Whether the array \p Source denotes has exactly the elements of the
  /// array variable \p Array, as one axis: \p Source is a flattening
  /// (ravel, flatten) of \p Array or of views of it that keep every element
  /// (transpose, view). \p Flattening receives the outermost flattening.
  bool flattensAll(const Expr *Source, const VarDecl *Array,
                   const ArrayOperation *&Flattening) const {
    Flattening = nullptr;
    std::optional<ArrayOperation> Op = F.Model.classify(Source);
    if (!Op || Op->Api->Shape != ResultShape::Flat ||
        (Op->Api->Kind != ArrayOpKind::Ravel &&
         Op->Api->Kind != ArrayOpKind::Copy) ||
        Op->Api->InputsParam >= 0 || Op->Api->ConvertsType || !Op->Source)
      return false;
    for (const ArrayOperation &Known : F.Operations)
      if (Known.Call == Op->Call)
        Flattening = &Known;
    if (!Flattening)
      return false;
    const Expr *Inner = Op->Source;
    for (unsigned Depth = 0; Depth < 8; ++Depth) {
      if (varOf(ArrayModel::ignoreHandleCopies(Inner)) == Array)
        return true;
      std::optional<ArrayOperation> Step = F.Model.classify(Inner);
      if (!Step || !Step->Source ||
          (Step->Api->Kind != ArrayOpKind::Permute &&
           !(Step->Api->Kind == ArrayOpKind::View &&
             Step->Api->Shape == ResultShape::Same)))
        return false;
      Inner = Step->Source;
    }
    return false;
  }

  /// A loop that copies every element of an array into a std::vector, one
  /// element access per iteration.
  struct ExportLoop {
    const ForStmt *For = nullptr;
    /// The array the loop's bound measures (`i < a.size()`).
    const VarDecl *Array = nullptr;
    const VarDecl *Vector = nullptr;
    /// The element access (`a(i)`) and its array.
    const ArrayOperation *Access = nullptr;
    /// Null when the access reads 'Array' itself; else the flattening of
    /// 'Array' it reads (`a.T().ravel()(i)`).
    const ArrayOperation *Flattening = nullptr;
    /// `v.push_back(a(i))` (else `v[i] = a(i)`).
    bool Appends = true;
    /// The library's member that exports every element as a std::vector.
    llvm::StringRef ToVector;
  };

  /// \p Loop as an export loop, if it is one: `for (i = 0; i < a.size();
  /// ++i)` (or `a.shape(0)`), step 1, the index only read, nothing leaving
  /// early, and a body of one statement, `v.push_back(a(i))`,
  /// `v.emplace_back(a(i))` or `v[i] = a(i)`, with 'v' a local
  /// std::vector of the array's element type and 'a' unchanged in the loop.
  std::optional<ExportLoop> exportLoop(const Stmt *Loop) {
    auto Cached = Exports.find(Loop);
    if (Cached != Exports.end())
      return Cached->second;
    std::optional<ExportLoop> Found = findExportLoop(Loop);
    Exports[Loop] = Found;
    return Found;
  }

  std::optional<ExportLoop> findExportLoop(const Stmt *Loop) {
    std::optional<CountedLoop> Counted = exactLoop(Loop);
    if (!Counted || Counted->Start != 0 || Counted->Inclusive)
      return std::nullopt;
    ExportLoop Export;
    Export.For = Counted->For;
    // The bound: the element count of an array, or the length of its axis 0.
    const auto *Measure = dyn_cast<CXXMemberCallExpr>(Counted->Bound);
    if (!Measure)
      return std::nullopt;
    const QueryMethod *Query = F.Model.queryOf(Measure->getMethodDecl());
    if (!Query)
      return std::nullopt;
    if (Query->Fact == QueryMethod::Extent) {
      Expr::EvalResult Axis;
      if (Measure->getNumArgs() != 1 ||
          Measure->getArg(0)->isValueDependent() ||
          !Measure->getArg(0)->EvaluateAsInt(Axis, F.AST) ||
          Axis.Val.getInt() != 0)
        return std::nullopt;
    } else if (Query->Fact != QueryMethod::ElementCount ||
               Measure->getNumArgs() != 0) {
      return std::nullopt;
    }
    Export.Array = varOf(Measure->getImplicitObjectArgument());
    if (!Export.Array || !Export.Array->isLocalVarDeclOrParm() ||
        !F.Model.isArrayType(Export.Array->getType()))
      return std::nullopt;
    // The body: one statement.
    const Stmt *Body = Counted->For->getBody();
    if (const auto *Block = dyn_cast<CompoundStmt>(Body)) {
      if (Block->size() != 1)
        return std::nullopt;
      Body = Block->body_front();
    }
    const auto *Statement = dyn_cast<Expr>(Body);
    if (!Statement)
      return std::nullopt;
    Statement = Statement->IgnoreImplicit();
    const Expr *Element = nullptr;
    if (const auto *Append = dyn_cast<CXXMemberCallExpr>(Statement)) {
      const CXXMethodDecl *Method = Append->getMethodDecl();
      if (!Method || !Method->getIdentifier() ||
          (Method->getName() != "push_back" &&
           Method->getName() != "emplace_back") ||
          Append->getNumArgs() != 1)
        return std::nullopt;
      Export.Vector = varOf(Append->getImplicitObjectArgument());
      Element = Append->getArg(0);
    } else if (const auto *Store = dyn_cast<BinaryOperator>(Statement);
               Store && Store->getOpcode() == BO_Assign) {
      // `v[i] = a(i)`: the built-in assignment to the T& of operator[].
      const auto *Slot = dyn_cast<CXXOperatorCallExpr>(
          Store->getLHS()->IgnoreParenImpCasts());
      if (!Slot || Slot->getOperator() != OO_Subscript ||
          Slot->getNumArgs() != 2 || varOf(Slot->getArg(1)) != Counted->Index)
        return std::nullopt;
      Export.Vector = varOf(Slot->getArg(0));
      Export.Appends = false;
      Element = Store->getRHS();
    } else {
      return std::nullopt;
    }
    QualType ValueType = vectorElementType(Export.Vector);
    if (ValueType.isNull() ||
        ValueType != arrayElementType(Export.Array->getType()))
      return std::nullopt;
    // The element: one element access at the loop's index.
    const Expr *Access = stripConversions(Element);
    for (const ArrayOperation &Op : F.Operations)
      if (Op.Call == Access && Op.Api->Kind == ArrayOpKind::ElementAccess)
        Export.Access = &Op;
    if (!Export.Access || !Export.Access->Source ||
        F.Model.explicitArgumentCount(*Export.Access) != 1 ||
        varOf(Export.Access->Call->getArg(Export.Access->FirstArg)) !=
            Counted->Index)
      return std::nullopt;
    for (const QueryMethod &Q : Export.Access->Library->Queries)
      if (Q.Fact == QueryMethod::ElementsAsVector)
        Export.ToVector = Q.Name;
    if (Export.ToVector.empty())
      return std::nullopt;
    if (varOf(ArrayModel::ignoreHandleCopies(Export.Access->Source)) !=
            Export.Array &&
        !flattensAll(Export.Access->Source, Export.Array, Export.Flattening))
      return std::nullopt;
    // Neither the array nor the vector is touched elsewhere in the loop.
    // The element itself is copied into the vector: a read (the use
    // analysis sees a reference handed to push_back()).
    for (const Expr *Change : changesIn(Export.Array, Loop))
      if (!isInside(Change, Element))
        return std::nullopt;
    bool VectorElsewhere = false;
    for (const Stmt *Part : {static_cast<const Stmt *>(Counted->For->getCond()),
                             static_cast<const Stmt *>(Counted->For->getInc())})
      forEachRef(Part, [&](const DeclRefExpr *Ref) {
        VectorElsewhere = VectorElsewhere || Ref->getDecl() == Export.Vector;
      });
    forEachRef(Element, [&](const DeclRefExpr *Ref) {
      VectorElsewhere = VectorElsewhere || Ref->getDecl() == Export.Vector;
    });
    if (VectorElsewhere)
      return std::nullopt;
    return Export;
  }

  /// The source text of \p E, empty in a macro.
  std::string spelled(const Expr *E) const {
    if (!E || E->getBeginLoc().isMacroID() || E->getEndLoc().isMacroID())
      return "";
    return Lexer::getSourceText(
               CharSourceRange::getTokenRange(E->getSourceRange()), SM,
               F.AST.getLangOpts())
        .str();
  }

  /// An export loop that reads the array itself: `v.push_back(a(i))`.
  std::optional<Finding> elementExport(const Stmt *Loop) {
    std::optional<ExportLoop> Export = exportLoop(Loop);
    if (!Export || Export->Flattening)
      return std::nullopt;
    const std::string Array = "'" + Export->Array->getNameAsString() + "'";
    const std::string Vector = "'" + Export->Vector->getNameAsString() + "'";
    Finding Found;
    Found.Anchor = Export->Access->Call;
    Found.Loc = Export->For->getForLoc();
    Found.Elements = F.Layout.factsOf(Export->Access->Source).elementCount();
    Found.Message =
        "the loop copies every element of " + Array + " into " + Vector +
        " one at a time: its index runs over all of " + Array +
        " in order, and each iteration " +
        (Export->Appends ? "appends one element"
                         : "stores one element at the same index of " +
                               Vector) +
        "; '" + Export->Array->getNameAsString() + "." +
        Export->ToVector.str() + "()' returns the same elements with one bulk copy";
    return Found;
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

  /// The assignment `x = <Call>` of \p Call's result, or null.
  const CXXOperatorCallExpr *assignmentOf(const Expr *Call) const {
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
    return Assign;
  }

  /// The local \p Call's result is assigned to (`x = <Call>`), or null.
  const VarDecl *assignedVar(const Expr *Call) const {
    const CXXOperatorCallExpr *Assign = assignmentOf(Call);
    return Assign ? varOf(Assign->getArg(0)) : nullptr;
  }

  /// The number of bytes the growth loop `x = concatenate({x, y...})` at
  /// \p Op copies in all, when that is exact: the loop's trip count is
  /// known, 'x' is declared with an initial value of known size in the
  /// block of the loop and not used between, the loop changes it only by
  /// this assignment, and the other inputs have known sizes that the loop
  /// does not change. Iteration k (from 0) copies x0 + (k + 1) * y
  /// elements.
  std::optional<int64_t> growthTotal(const ArrayOperation &Op,
                                     const VarDecl *Var, const Stmt *Loop,
                                     llvm::ArrayRef<const Expr *> Inputs,
                                     std::optional<int64_t> Trip) {
    if (!Trip || F.InCallContext || F.InTemplateInstantiation ||
        !Var->getInit())
      return std::nullopt;
    // 'x' declared in the loop's block, unused until the loop.
    const auto *Block = dyn_cast_or_null<CompoundStmt>(Parents.getParent(Loop));
    if (!Block)
      return std::nullopt;
    bool Declared = false;
    for (const Stmt *S : Block->body()) {
      if (S == Loop)
        break;
      if (const auto *Decl = dyn_cast<DeclStmt>(S);
          Decl && llvm::is_contained(Decl->decls(), Var)) {
        Declared = true;
        continue;
      }
      if (!Declared)
        continue;
      bool Uses = false;
      forEachRef(S, [&](const DeclRefExpr *Ref) {
        Uses = Uses || Ref->getDecl() == Var;
      });
      if (Uses)
        return std::nullopt;
    }
    if (!Declared)
      return std::nullopt;
    if (const Stmt *Init = cast<ForStmt>(Loop)->getInit()) {
      bool Uses = false;
      forEachRef(Init, [&](const DeclRefExpr *Ref) {
        Uses = Uses || Ref->getDecl() == Var;
      });
      if (Uses)
        return std::nullopt;
    }
    const CXXOperatorCallExpr *Assign = assignmentOf(Op.Call);
    for (const Expr *Change : changesIn(Var, Loop))
      if (!isInside(Change, Assign))
        return std::nullopt;
    std::optional<int64_t> Initial =
        F.Layout.factsOf(Var->getInit()).elementCount();
    uint64_t ElementSize = F.Model.elementSize(Var->getType(), F.AST);
    if (!Initial || ElementSize == 0)
      return std::nullopt;
    int64_t Added = 0;
    unsigned Selves = 0;
    for (const Expr *Input : Inputs) {
      if (varOf(ArrayModel::ignoreHandleCopies(Input)) == Var) {
        ++Selves;
        continue;
      }
      llvm::SmallVector<const VarDecl *, 2> Roots;
      std::optional<int64_t> Count = F.Layout.factsOf(Input).elementCount();
      Current = Op.Call;
      if (!Count || !isInvariant(Input, Loop, 0, Roots))
        return std::nullopt;
      Added += *Count;
    }
    if (Selves != 1)
      return std::nullopt;
    const int64_t N = *Trip;
    return static_cast<int64_t>(ElementSize) *
           (N * *Initial + Added * (N * (N + 1) / 2));
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
    // An export loop (`v.push_back(a.T().ravel()(i))`) copies the element
    // it reads into the vector: a read, though the use analysis sees a
    // reference handed to push_back().
    std::optional<ExportLoop> Export = exportLoop(Loop);
    if (Export && (!Export->Flattening || Export->Flattening->Call != Op.Call))
      Export.reset();
    if (!Export && !copyIsOnlyRead(Op.Call, Loop))
      return std::nullopt;

    ArrayFacts Result = F.Layout.factsOf(Op.Call);
    std::string Bytes = copySizePhrase(Result, F);
    // A loop known to run at most once repeats nothing.
    std::optional<int64_t> Trip = tripCount(Loop);
    if (Trip && *Trip < 2)
      return std::nullopt;
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
      How += perIterationPhrase(Trip, Result.byteCount());
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
    // `v.push_back(a.T().ravel()(i))` over all of 'a': the export itself
    // needs no flattening at all.
    if (Export) {
      std::string Note = "the loop copies every element of the copy into '" +
                         Export->Vector->getNameAsString() + "' one at a time";
      std::string Inner = spelled(Op.Source);
      if (!Inner.empty() && Op.Order == MemoryOrder::C)
        Note += "; '" + Inner + "." + Export->ToVector.str() +
                "()' returns the same elements, in C order, with one copy";
      Found.Notes.push_back({Export->For->getForLoc(), Note, {}});
    }
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
    std::optional<int64_t> Trip, Total;
    if (!Place.Conditional && !Place.InCondition) {
      Trip = tripCount(Place.Loop);
      if (Trip && *Trip < 2)
        return std::nullopt; // nothing repeats
      Total = growthTotal(Op, Var, Place.Loop, *Inputs, Trip);
    }
    std::string When = " on each of the loop's iterations";
    if (Place.Conditional)
      When = " on the loop's iterations that reach it";
    else if (Trip && Total)
      When = " on each of the loop's " + std::to_string(*Trip) + " iterations";
    Found.Message = Op.spelling() + " copies all of " + Name + When + ": " +
                    Name + " grows each time, so the loop copies " +
                    (Total ? bytesPhrase(*Total) +
                                 " in all, a number quadratic in its iterations"
                           : std::string("a number of bytes quadratic in its "
                                         "iterations")) +
                    "; collect the parts and concatenate them once after the "
                    "loop, or preallocate " +
                    Name + " and fill slices of it";
    return Found;
  }

  const FunctionContext &F;
  const SourceManager &SM;
  const ParentMap &Parents;
  HandleUses &Uses;
  /// The copy being judged.
  const Expr *Current = nullptr;
  using VarInLoop = std::pair<const VarDecl *, const Stmt *>;
  llvm::DenseMap<VarInLoop, llvm::SmallVector<const Expr *, 2>> ArrayChanges;
  llvm::DenseMap<VarInLoop, bool> ScalarReadOnly;
  llvm::DenseMap<const Stmt *, std::optional<ExportLoop>> Exports;
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
