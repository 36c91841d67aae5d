//===--- ValueUses.cpp - how a function uses value-semantics arrays -------===//

#include "analysis/ValueUses.h"
#include "utils/ASTUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::ndarray::analysis {

namespace {
struct Collector : RecursiveASTVisitor<Collector> {
  const ArrayModel &Model;
  llvm::SmallVectorImpl<const VarDecl *> &Variables;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const DeclRefExpr *, 8>>
      &Refs;
  llvm::SmallVectorImpl<const Expr *> &Candidates;
  bool &Goto;
  llvm::DenseMap<const VarDecl *, bool> IsStorage;

  Collector(const ArrayModel &Model,
            llvm::SmallVectorImpl<const VarDecl *> &Variables,
            llvm::DenseMap<const VarDecl *,
                           llvm::SmallVector<const DeclRefExpr *, 8>> &Refs,
            llvm::SmallVectorImpl<const Expr *> &Candidates, bool &Goto)
      : Model(Model), Variables(Variables), Refs(Refs),
        Candidates(Candidates), Goto(Goto) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var)
      return true;
    auto [It, Inserted] = IsStorage.try_emplace(Var, false);
    if (Inserted) {
      It->second = Model.storageClassOf(Var->getType()).first != nullptr;
      if (It->second)
        Variables.push_back(Var);
    }
    if (It->second)
      Refs[Var].push_back(Ref);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isAssignmentOp())
      Candidates.push_back(Op);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *Op) {
    if (Op->isIncrementDecrementOp())
      Candidates.push_back(Op);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Model.isLibraryDecl(Callee)) {
      Candidates.push_back(Call);
      LibraryCalls = true;
    }
    return true;
  }
  bool LibraryCalls = false;
  bool VisitGotoStmt(GotoStmt *) {
    Goto = true;
    return true;
  }
  bool VisitIndirectGotoStmt(IndirectGotoStmt *) {
    Goto = true;
    return true;
  }
};

// Depth bound of the walk through expressions (a chain of views).
constexpr unsigned MaxDepth = 16;
} // namespace

ValueUses::ValueUses(const ArrayModel &Values, ASTContext &Context,
                     const FunctionDecl &Function)
    : Model(Values), Context(Context), Function(Function),
      Body(Function.getBody()) {
  if (!Body)
    return;
  Collector C(Model, Variables, Refs, Candidates, Goto);
  C.TraverseStmt(const_cast<Stmt *>(Body));
  // Assignments matter only through the libraries' accessors.
  if (!C.LibraryCalls)
    Candidates.clear();
  if (!Variables.empty() || !Candidates.empty())
    Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
}

ValueUses::~ValueUses() = default;

const Stmt *ValueUses::parentOf(const Stmt *S) const {
  return Parents ? Parents->getParent(S) : nullptr;
}

bool ValueUses::isInLambda(const Stmt *S) const {
  for (const Stmt *P = parentOf(S); P; P = parentOf(P))
    if (isa<LambdaExpr>(P))
      return true;
  return false;
}

bool ValueUses::isOwnedValue(const VarDecl *Var) const {
  if (!Var || Var->getType()->isReferenceType() || !Var->hasLocalStorage())
    return false;
  if (isa<ParmVarDecl>(Var))
    return Var->getDeclContext() == &Function;
  return Var->getDeclContext() == &Function;
}

bool ValueUses::isLibraryExpression(QualType T) const {
  if (Model.expressionLibraryOf(T))
    return true;
  for (const LibraryModel *Library : Model.libraries())
    if (Library->Values &&
        Model.isValueClass(T, Library->Values->Proxies, *Library))
      return true;
  return false;
}

// Whether \p Read, a read of a variable, lies inside \p Write, a write of
// the same variable, and reaches it through the libraries' own calls only:
// `v /= v.norm()` computes v's new value from v, `v = keep(v)` hands v to
// a function that may keep it.
static bool feedsWrite(const ValueUse &Read, const ValueUse &Write,
                       const ValueUses &Uses) {
  const Stmt *Cur = Read.Ref;
  for (unsigned Depth = 0; Cur && Cur != Write.Site && Depth < 64; ++Depth) {
    Cur = Uses.parentOf(Cur);
    if (const auto *Call = dyn_cast_or_null<CallExpr>(Cur)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || !Uses.model().isLibraryDecl(Callee))
        return false;
    } else if (isa_and_nonnull<LambdaExpr, StmtExpr>(Cur)) {
      return false;
    }
  }
  return Cur == Write.Site;
}

const ValueUse *ValueUses::firstOfOnlyWrites(const VarDecl *Var,
                                             bool *SelfReads) {
  if (SelfReads)
    *SelfReads = false;
  llvm::ArrayRef<ValueUse> All = usesOf(Var);
  const ValueUse *FirstWrite = nullptr;
  for (const ValueUse &Use : All) {
    if (Use.Kind == ValueUseKind::Write && isFullStatement(Use.Site)) {
      if (!FirstWrite)
        FirstWrite = &Use;
      continue;
    }
    if (Use.Kind != ValueUseKind::Read ||
        llvm::none_of(All, [&](const ValueUse &Write) {
          return Write.Kind == ValueUseKind::Write &&
                 isFullStatement(Write.Site) && feedsWrite(Use, Write, *this);
        }))
      return nullptr;
    if (SelfReads)
      *SelfReads = true;
  }
  return FirstWrite;
}

const ValueUse *ValueUses::onlyWrittenParameter(const ParmVarDecl *Param,
                                                bool *SelfReads) {
  if (!Param->getIdentifier() || Param->getType().isConstQualified())
    return nullptr;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Function))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (utils::mentions(Init->getInit(), Param))
        return nullptr;
  return firstOfOnlyWrites(Param, SelfReads);
}

bool ValueUses::isFullStatement(const Expr *E) const {
  const Stmt *P = parentOf(E);
  while (P && isa<ExprWithCleanups>(P))
    P = parentOf(P);
  return P && !isa<Expr>(P) && !isa<ReturnStmt>(P) && !isa<DeclStmt>(P) &&
         !isa<IfStmt, WhileStmt, DoStmt, SwitchStmt>(P);
}

// A value the library hands out that refers to its object: a reference to
// an element (`Scalar&`), or a lazy expression or view.
static bool isElementReference(QualType T) {
  return T->isLValueReferenceType() &&
         !T.getNonReferenceType()->isRecordType() &&
         !T.getNonReferenceType()->isPointerType();
}

ValueUseKind ValueUses::classifyMemberCall(const CallExpr *Call,
                                           const CXXMethodDecl *Method,
                                           const Expr *&Site,
                                           unsigned Depth) const {
  Site = Call;
  QualType Result = Method->getReturnType();
  // `b.data()[i]`: the pointer is only subscripted, an element's use.
  if (Result->isPointerType()) {
    const Stmt *P = parentOf(Call);
    while (P && isa<ImplicitCastExpr, ParenExpr>(P))
      P = parentOf(P);
    const auto *Subscript = dyn_cast_or_null<ArraySubscriptExpr>(P);
    if (Subscript && Subscript->getBase()->IgnoreParenImpCasts() == Call)
      return classifyAt(Subscript, Site, Depth + 1);
    return ValueUseKind::Escape;
  }
  if (Method->isConst())
    return resultRefersTo(Call) ? classifyAt(Call, Site, Depth + 1)
                                : ValueUseKind::Read;
  if (!Model.isLibraryDecl(Method))
    return ValueUseKind::Escape;
  if (Method->isCopyAssignmentOperator() || Method->isMoveAssignmentOperator())
    return ValueUseKind::Write;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    if (Op->isAssignmentOp())
      return ValueUseKind::Write;
  if (Result->isVoidType())
    return ValueUseKind::Write;
  // An element accessor (`operator()`, `coeffRef`): the element's use.
  if (isElementReference(Result))
    return classifyAt(Call, Site, Depth + 1);
  if (isLibraryExpression(Result) && !Result->isReferenceType())
    return classifyAt(Call, Site, Depth + 1);
  // `setZero()`, `resize()` return the object itself.
  if (Result->isLValueReferenceType() &&
      !Result.getNonReferenceType().isConstQualified() &&
      Result.getNonReferenceType()->isRecordType() &&
      !isLibraryExpression(Result))
    return ValueUseKind::Write;
  return ValueUseKind::Escape;
}

bool ValueUses::resultRefersTo(const CallExpr *Call) const {
  QualType Result = Call->getCallReturnType(Context);
  return Result->isReferenceType() || Result->isPointerType() ||
         isLibraryExpression(Result);
}

ValueUseKind ValueUses::classifyAt(const Expr *E, const Expr *&Site,
                                   unsigned Depth) const {
  Site = E;
  if (Depth > MaxDepth)
    return ValueUseKind::Escape;
  while (true) {
    const Stmt *P = parentOf(E);
    if (!P)
      return ValueUseKind::Escape;
    if (isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
            ExprWithCleanups>(P)) {
      E = cast<Expr>(P);
      continue;
    }
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(P)) {
      switch (Cast->getCastKind()) {
      case CK_LValueToRValue:
      case CK_ToVoid:
        Site = Cast;
        return ValueUseKind::Read;
      case CK_NoOp:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
        E = Cast;
        continue;
      default:
        return ValueUseKind::Escape;
      }
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(P)) {
      if (Cast->getType()->isVoidType() || Cast->getCastKind() == CK_ToVoid) {
        Site = Cast;
        return ValueUseKind::Read;
      }
      return ValueUseKind::Escape;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(P)) {
      const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
      const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parentOf(Member));
      if (!Method || !Call || Call->getCallee()->IgnoreParens() != Member)
        return ValueUseKind::Escape;
      return classifyMemberCall(Call, Method, Site, Depth);
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee)
        return ValueUseKind::Escape;
      unsigned FirstArg = 0;
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
          Op && isa<CXXMethodDecl>(Callee)) {
        if (Call->getNumArgs() > 0 && Call->getArg(0) == E)
          return classifyMemberCall(Call, cast<CXXMethodDecl>(Callee), Site,
                                    Depth);
        FirstArg = 1;
      }
      if (Call->getCallee() == E)
        return ValueUseKind::Escape;
      unsigned Index = 0;
      for (; Index < Call->getNumArgs(); ++Index)
        if (Call->getArg(Index) == E)
          break;
      if (Index == Call->getNumArgs() || Index < FirstArg ||
          Index - FirstArg >= Callee->getNumParams())
        return ValueUseKind::Escape;
      QualType Param = Callee->getParamDecl(Index - FirstArg)->getType();
      Site = Call;
      if (!Param->isReferenceType() && !Param->isPointerType())
        return ValueUseKind::Read; // a copy of it: read
      if (Param->isLValueReferenceType() &&
          Param.getNonReferenceType().isConstQualified())
        return resultRefersTo(Call) ? classifyAt(Call, Site, Depth + 1)
                                    : ValueUseKind::Read;
      // A library function taking it by forwarding reference and returning
      // a lazy expression or view of it (`xt::view(b, 0)`, `b + c`).
      if (Param->isReferenceType() && Model.isLibraryDecl(Callee) &&
          isLibraryExpression(Call->getType()) &&
          !Call->getType()->isReferenceType())
        return classifyAt(Call, Site, Depth + 1);
      return ValueUseKind::Escape;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      unsigned Index = 0;
      for (; Index < Construct->getNumArgs(); ++Index)
        if (Construct->getArg(Index) == E)
          break;
      if (!Ctor || Index >= Ctor->getNumParams())
        return ValueUseKind::Escape;
      QualType Param = Ctor->getParamDecl(Index)->getType();
      Site = Construct;
      if (Param->isLValueReferenceType() &&
          Param.getNonReferenceType().isConstQualified())
        return ValueUseKind::Read;
      return ValueUseKind::Escape;
    }
    if (const auto *Op = dyn_cast<BinaryOperator>(P)) {
      Site = Op;
      if (Op->isAssignmentOp() && Op->getLHS() == E)
        return ValueUseKind::Write;
      return ValueUseKind::Escape;
    }
    if (const auto *Op = dyn_cast<UnaryOperator>(P)) {
      Site = Op;
      if (Op->isIncrementDecrementOp())
        return ValueUseKind::Write;
      return ValueUseKind::Escape;
    }
    if (isa<CompoundStmt>(P)) // a statement of its own: nothing uses it
      return ValueUseKind::Read;
    return ValueUseKind::Escape;
  }
}

ValueUseKind ValueUses::classify(const Expr *E, const Expr *&Site) const {
  return classifyAt(E, Site, 0);
}

llvm::ArrayRef<ValueUse> ValueUses::usesOf(const VarDecl *Var) {
  auto [It, Inserted] = Uses.try_emplace(Var);
  if (!Inserted)
    return It->second;
  auto RefIt = Refs.find(Var);
  if (RefIt == Refs.end())
    return It->second;
  llvm::SmallVector<ValueUse, 8> Found;
  for (const DeclRefExpr *Ref : RefIt->second) {
    const Expr *Site = Ref;
    ValueUseKind Kind = isInLambda(Ref) ? ValueUseKind::Escape
                                        : classify(Ref, Site);
    Found.push_back({Kind, Ref, Site});
  }
  // The map may have grown meanwhile: look the entry up again.
  Uses[Var] = Found;
  return Uses[Var];
}

const Expr *ValueUses::withoutParensAndBaseCasts(const Expr *E) {
  while (true) {
    if (const auto *Paren = dyn_cast<ParenExpr>(E))
      E = Paren->getSubExpr();
    else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E);
             Cast && (Cast->getCastKind() == CK_NoOp ||
                      Cast->getCastKind() == CK_DerivedToBase ||
                      Cast->getCastKind() == CK_UncheckedDerivedToBase))
      E = Cast->getSubExpr();
    else
      return E;
  }
}

const Expr *ValueUses::writtenObject(const Expr *E) const {
  for (unsigned Depth = 0; E && Depth < MaxDepth; ++Depth) {
    // Parentheses and casts to a base, not the temporary itself.
    E = withoutParensAndBaseCasts(E);
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E);
        Cast && Cast->getCastKind() == CK_LValueToRValue)
      E = withoutParensAndBaseCasts(Cast->getSubExpr());
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      QualType Result = Call->getType();
      if (Method && Model.isLibraryDecl(Method) &&
          (isLibraryExpression(Call->getCallReturnType(Context)) ||
           isElementReference(Call->getCallReturnType(Context)))) {
        (void)Result;
        E = Call->getImplicitObjectArgument();
        continue;
      }
      return E;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      const auto *Method =
          dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
      if (Method && Op->getNumArgs() > 0 && Model.isLibraryDecl(Method) &&
          (isLibraryExpression(Op->getCallReturnType(Context)) ||
           isElementReference(Op->getCallReturnType(Context))) &&
          !Op->isAssignmentOp()) {
        E = Op->getArg(0);
        continue;
      }
      return E;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && !isa<CXXMethodDecl>(Callee) && Call->getNumArgs() > 0 &&
          Model.isLibraryDecl(Callee) && isLibraryExpression(Call->getType()) &&
          Callee->getNumParams() > 0 &&
          Callee->getParamDecl(0)->getType()->isReferenceType()) {
        E = Call->getArg(0);
        continue;
      }
      return E;
    }
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
      return Temp;
    return E;
  }
  return E;
}

llvm::ArrayRef<ValueUses::WriteSite> ValueUses::writes() {
  if (Writes)
    return *Writes;
  Writes.emplace();
  for (const Expr *Candidate : Candidates) {
    if (isInLambda(Candidate))
      continue;
    const Expr *Target = nullptr;
    if (const auto *Op = dyn_cast<BinaryOperator>(Candidate))
      Target = Op->getLHS();
    else if (const auto *Op = dyn_cast<UnaryOperator>(Candidate))
      Target = Op->getSubExpr();
    else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Candidate)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (!Method || Method->isConst() || !Model.isLibraryDecl(Method))
        continue;
      QualType Result = Method->getReturnType();
      bool Writes = Result->isVoidType() ||
                    (Result->isLValueReferenceType() &&
                     Result.getNonReferenceType()->isRecordType() &&
                     !Result.getNonReferenceType().isConstQualified() &&
                     !isLibraryExpression(Result));
      if (!Writes)
        continue;
      Target = Call->getImplicitObjectArgument();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Candidate)) {
      const auto *Method =
          dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
      if (!Method || !Op->isAssignmentOp() || Op->getNumArgs() == 0 ||
          !Model.isLibraryDecl(Method))
        continue;
      Target = Op->getArg(0);
    }
    if (Target)
      Writes->push_back({Target, Candidate});
  }
  return *Writes;
}

bool ValueUses::contains(const Stmt *Outer, const Stmt *S) const {
  for (; S; S = parentOf(S))
    if (S == Outer)
      return true;
  return false;
}

bool ValueUses::changedWhileLive(const VarDecl *Copy, const VarDecl *Source) {
  const SourceManager &SM = Context.getSourceManager();
  auto IsAfter = [&](SourceLocation A, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(B),
                                        SM.getExpansionLoc(A));
  };
  const Stmt *Declaration = Copy->getInit();
  while (Declaration && !isa<DeclStmt>(Declaration))
    Declaration = parentOf(Declaration);
  if (!Declaration || Goto)
    return true;
  llvm::ArrayRef<ValueUse> CopyUses = usesOf(Copy);
  for (const ValueUse &Use : usesOf(Source)) {
    if (Use.Kind == ValueUseKind::Escape)
      return true;
    if (Use.Kind != ValueUseKind::Write ||
        !IsAfter(Use.Ref->getBeginLoc(), Declaration->getEndLoc()))
      continue;
    // A use of the copy after the write, in the source or on a later
    // iteration of a loop around both (the copy declared outside it).
    for (const ValueUse &Read : CopyUses)
      if (IsAfter(Read.Ref->getBeginLoc(), Use.Site->getBeginLoc()))
        return true;
    for (const Stmt *Loop = parentOf(Use.Ref); Loop; Loop = parentOf(Loop)) {
      if (!isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Loop))
        continue;
      if (contains(Loop, Declaration))
        break;
      for (const ValueUse &Read : CopyUses)
        if (contains(Loop, Read.Ref))
          return true;
    }
  }
  return false;
}

std::string writtenTypeOf(const VarDecl *Var, const ASTContext &Context) {
  if (const TypeSourceInfo *TSI = Var->getTypeSourceInfo()) {
    SourceRange Range = TSI->getTypeLoc().getSourceRange();
    if (Range.isValid() && Range.getBegin().isFileID() &&
        Range.getEnd().isFileID()) {
      llvm::StringRef Text = Lexer::getSourceText(
          CharSourceRange::getTokenRange(Range), Context.getSourceManager(),
          Context.getLangOpts());
      if (!Text.empty())
        return Text.str();
    }
  }
  PrintingPolicy Policy = Context.getPrintingPolicy();
  Policy.SuppressUnwrittenScope = true;
  return Var->getType().getAsString(Policy);
}

} // namespace clang::tidy::ndarray::analysis
