//===--- HandleUses.cpp - how a function uses its array handles -----------===//

#include "analysis/HandleUses.h"
#include "analysis/FunctionCFG.h"
#include "analysis/Transfer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "utils/LLVMCompat.h"

namespace clang::tidy::ndarray::analysis {

namespace {


bool isPassThrough(const Stmt *S) {
  if (isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
          ExprWithCleanups>(S))
    return true;
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(S))
    return Cast->getCastKind() == CK_NoOp ||
           Cast->getCastKind() == CK_DerivedToBase ||
           Cast->getCastKind() == CK_UncheckedDerivedToBase;
  return false;
}

bool isHandleCopy(const Stmt *S) {
  const auto *Construct = dyn_cast<CXXConstructExpr>(S);
  return Construct && Construct->getNumArgs() == 1 &&
         Construct->getConstructor()->isCopyOrMoveConstructor();
}

bool isAssignmentOperator(OverloadedOperatorKind Op) {
  switch (Op) {
  case OO_Equal:
  case OO_PlusEqual:
  case OO_MinusEqual:
  case OO_StarEqual:
  case OO_SlashEqual:
  case OO_PercentEqual:
  case OO_AmpEqual:
  case OO_PipeEqual:
  case OO_CaretEqual:
  case OO_LessLessEqual:
  case OO_GreaterGreaterEqual:
    return true;
  default:
    return false;
  }
}

bool derivesWithLayoutDependence(ArrayOpKind Kind) {
  return Kind == ArrayOpKind::Ravel || Kind == ArrayOpKind::Reshape ||
         Kind == ArrayOpKind::MakeContiguous;
}

// A derived handle that may be the source's buffer or a copy of it.
bool derivesMaybeCopy(ArrayOpKind Kind) {
  return derivesWithLayoutDependence(Kind) || Kind == ArrayOpKind::Convert;
}

bool derivesView(ArrayOpKind Kind) {
  return Kind == ArrayOpKind::View || Kind == ArrayOpKind::Permute ||
         Kind == ArrayOpKind::Slice || derivesWithLayoutDependence(Kind);
}

// The object a built-in assignment or increment writes, if \p S is one.
const Expr *assignedObject(const Stmt *S) {
  if (const auto *Binary = dyn_cast<BinaryOperator>(S);
      Binary && Binary->isAssignmentOp())
    return Binary->getLHS();
  if (const auto *Unary = dyn_cast<UnaryOperator>(S);
      Unary && Unary->isIncrementDecrementOp())
    return Unary->getSubExpr();
  return nullptr;
}

} // namespace

bool HandleUses::Summary::has(HandleUseKind Kind) const {
  return llvm::any_of(Uses, [&](const HandleUse &U) { return U.Kind == Kind; });
}

bool HandleUses::Summary::hasMaybeCopyUse() const {
  return llvm::any_of(
      Uses, [](const HandleUse &U) { return U.ThroughMaybeCopy; });
}

// S->getBeginLoc(), remembering the answers for the nested expressions it
// recurses through (member calls, operator() calls, implicit wrappers).
static SourceLocation
memoBeginLoc(const Stmt *S,
             llvm::DenseMap<const Stmt *, SourceLocation> &Memo) {
  if (auto It = Memo.find(S); It != Memo.end())
    return It->second;
  const Stmt *Inner = nullptr;
  if (const auto *Member = dyn_cast<MemberExpr>(S)) {
    if (!Member->isImplicitAccess())
      Inner = Member->getBase();
  } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    Inner = Call->getCallee();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if ((Op->getOperator() == OO_Call || Op->getOperator() == OO_Subscript) &&
        Op->getNumArgs() > 0)
      Inner = Op->getArg(0);
  } else if (isa<ImplicitCastExpr, MaterializeTemporaryExpr,
                 CXXBindTemporaryExpr, ExprWithCleanups>(S)) {
    Inner = *S->child_begin();
  }
  SourceLocation Loc;
  if (Inner)
    Loc = memoBeginLoc(Inner, Memo);
  if (Loc.isInvalid() || !Inner)
    Loc = S->getBeginLoc();
  Memo[S] = Loc;
  return Loc;
}

HandleUses::HandleUses(const ArrayModel &Model, ASTContext &Context,
                       const Decl *Function, const Stmt *Body,
                       unsigned CallDepth, const CFG *Graph,
                       const ParentMap *SharedParents)
    : Model(Model), Context(Context), Function(Function), Body(Body),
      OwnParents(SharedParents ? nullptr
                               : std::make_unique<ParentMap>(
                                     const_cast<Stmt *>(Body))),
      Parents(SharedParents ? SharedParents : OwnParents.get()),
      CallDepth(CallDepth), Graph(Graph) {
  llvm::SmallVector<const Stmt *, 64> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        Refs[Var].push_back(Ref);
    } else if (isa<CallExpr, CXXConstructExpr>(S)) {
      Calls.push_back(cast<Expr>(S));
    } else if (const Expr *Target = assignedObject(S)) {
      const auto *Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
      const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      if (!Var || Var->getType()->isReferenceType())
        IndirectWrites.push_back(cast<Expr>(S));
    } else if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Var->hasLocalStorage() && !Var->isStaticLocal() &&
            Var->getDeclContext() == dyn_cast<DeclContext>(Function) &&
            Var->getInit() && isArrayExpr(Var->getInit()))
          Locals.push_back(Var);
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  // Source order makes diagnostics and notes deterministic. Begin
  // locations are memoised: getBeginLoc() of a call chain `a.T().T()...`
  // walks down to `a`, which made sorting quadratic in the chain's length.
  const SourceManager &SM = Context.getSourceManager();
  llvm::DenseMap<const Stmt *, SourceLocation> Begins;
  auto Before = [&](const Expr *A, const Expr *B) {
    return SM.isBeforeInTranslationUnit(memoBeginLoc(A, Begins),
                                        memoBeginLoc(B, Begins));
  };
  llvm::sort(Calls, Before);
  llvm::sort(Locals, [&](const VarDecl *A, const VarDecl *B) {
    return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
  });
  for (auto &Entry : Refs)
    llvm::sort(Entry.second, Before);
}

HandleUses::~HandleUses() = default;

const Stmt *HandleUses::parentOf(const Stmt *S) const {
  return Parents->getParent(const_cast<Stmt *>(S));
}

bool HandleUses::isArrayExpr(const Expr *E) const {
  return Model.isArrayType(E->getType());
}

bool HandleUses::isInNestedLambda(const Stmt *S) const {
  for (const Stmt *P = parentOf(S); P; P = parentOf(P))
    if (isa<LambdaExpr>(P))
      return true;
  return false;
}

bool HandleUses::isQueryOnly(const CXXMethodDecl *Method) const {
  return queryKind(Method).has_value();
}

// What a call of \p Method reads, when the model lists it as a query.
std::optional<HandleUseKind>
HandleUses::queryKind(const CXXMethodDecl *Method) const {
  const QueryMethod *Q = Model.queryOf(Method);
  if (!Q)
    return std::nullopt;
  return Q->ReadsElements ? HandleUseKind::DataRead : HandleUseKind::MetaRead;
}

// Whether the value of \p E is thrown away (an expression statement).
static bool isDiscarded(const Stmt *E, const ParentMap &PM) {
  const Stmt *P = PM.getParent(const_cast<Stmt *>(E));
  while (P && isa<ExprWithCleanups, ParenExpr>(P)) {
    E = P;
    P = PM.getParent(const_cast<Stmt *>(P));
  }
  if (!P)
    return true;
  if (isa<CompoundStmt>(P))
    return true;
  if (const auto *For = dyn_cast<ForStmt>(P))
    return For->getInc() == E || For->getBody() == E;
  if (const auto *If = dyn_cast<IfStmt>(P))
    return If->getThen() == E || If->getElse() == E;
  if (const auto *While = dyn_cast<WhileStmt>(P))
    return While->getBody() == E;
  if (const auto *Do = dyn_cast<DoStmt>(P))
    return Do->getBody() == E;
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(P))
    return Range->getBody() == E;
  return false;
}

HandleUseKind HandleUses::classifyLValue(const Expr *E,
                                         const Expr *&Site) const {
  const Stmt *Cur = E;
  const Stmt *P = parentOf(Cur);
  while (P && (isa<ParenExpr>(P) ||
               (isa<ImplicitCastExpr>(P) &&
                (cast<ImplicitCastExpr>(P)->getCastKind() == CK_NoOp ||
                 cast<ImplicitCastExpr>(P)->getCastKind() ==
                     CK_UserDefinedConversion)))) {
    Cur = P;
    P = parentOf(P);
  }
  if (!P)
    return HandleUseKind::Escape;
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(P);
      Cast && Cast->getCastKind() == CK_LValueToRValue)
    return HandleUseKind::DataRead;
  if (const auto *Binary = dyn_cast<BinaryOperator>(P);
      Binary && Binary->isAssignmentOp() && Binary->getLHS() == Cur) {
    Site = Binary;
    // `x(i) = v` writes; `x(i) += v` reads and writes, and what it reads is
    // the element just written: for a lost write the read does not matter,
    // but the result of the expression must not be used.
    return isDiscarded(Binary, *Parents) ? HandleUseKind::Write
                                         : HandleUseKind::Escape;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(P);
      Unary && Unary->isIncrementDecrementOp()) {
    Site = Unary;
    return isDiscarded(Unary, *Parents) ? HandleUseKind::Write
                                        : HandleUseKind::Escape;
  }
  return HandleUseKind::Escape;
}

HandleUseKind HandleUses::classifyElementRef(const Expr *Ref,
                                             const Expr *&Site) const {
  Site = Ref;
  // A reference to a scalar element (OpenCV's `m.at<float>(r, c)`): read
  // or written by the builtin operators.
  if (Ref->isGLValue() && !Ref->getType()->isRecordType())
    return classifyLValue(Ref, Site);
  const Stmt *Cur = Ref;
  const Stmt *P = parentOf(Cur);
  while (P && isPassThrough(P) && !isa<ExprWithCleanups>(P)) {
    Cur = P;
    P = parentOf(P);
  }
  if (!P)
    return HandleUseKind::Escape;
  if (const auto *Member = dyn_cast<MemberExpr>(P)) {
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parentOf(Member));
    if (!Call || Call->getCallee()->IgnoreParens() != Member)
      return HandleUseKind::Escape;
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method)
      return HandleUseKind::Escape;
    QualType Ret = Method->getReturnType();
    if (Ret->isReferenceType()) {
      // get(), operator const T&: a const reference read at once is a read;
      // ref() hands out T&, read or written where it is used.
      const HandleUseKind Kind = classifyLValue(Call, Site);
      if (Ret->getPointeeType().isConstQualified() &&
          Kind == HandleUseKind::Write)
        return HandleUseKind::Escape;
      return Kind;
    }
    if (Ret->isArithmeticType() && Method->isConst())
      return HandleUseKind::DataRead;
    return HandleUseKind::Escape;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
    if (Op->getNumArgs() == 2 && isAssignmentOperator(Op->getOperator())) {
      if (Op->getArg(0) == Cur) {
        Site = Op;
        return isDiscarded(Op, *Parents) ? HandleUseKind::Write
                                         : HandleUseKind::Escape;
      }
      // `y(j) = x(i)`: the right-hand element is read.
      if (Op->getArg(1) == Cur)
        return HandleUseKind::DataRead;
    }
  }
  return HandleUseKind::Escape;
}

void HandleUses::classifyHandleValue(const Expr *E, bool MaybeCopy,
                                     llvm::SmallVectorImpl<HandleUse> &Out,
                                     const Expr *Occurrence, unsigned Depth) {
  auto Emit = [&](HandleUseKind Kind, const Expr *Site) {
    Out.push_back({Kind, Occurrence, Site, MaybeCopy});
  };
  if (Depth > 16)
    return Emit(HandleUseKind::Escape, E);

  const Stmt *Cur = E;
  const Stmt *P = parentOf(Cur);
  while (P && (isPassThrough(P) || isHandleCopy(P))) {
    Cur = P;
    P = parentOf(P);
  }
  if (!P || isa<CompoundStmt>(P))
    return; // the value is discarded
  const Expr *CurExpr = dyn_cast<Expr>(Cur);

  // What a classified array operation does with the handle it is applied to.
  auto OnOperation = [&](const ArrayOperation &Op) {
    // A derived handle that may share the buffer: follow its uses.
    if (mayShareResult(Op.Api->Kind))
      return classifyHandleValue(Op.Call,
                                 MaybeCopy || derivesMaybeCopy(Op.Api->Kind),
                                 Out, Occurrence, Depth + 1);
    switch (Op.Api->Kind) {
    case ArrayOpKind::Copy:
    case ArrayOpKind::Compute:
    case ArrayOpKind::CopyInto: // reads its object, writes its argument
      return Emit(HandleUseKind::DataRead, Op.Call);
    case ArrayOpKind::ElementAccess: {
      const Expr *Site = Op.Call;
      HandleUseKind Kind = classifyElementRef(Op.Call, Site);
      return Emit(Kind, Site);
    }
    case ArrayOpKind::Fill:
      return Emit(isDiscarded(Op.Call, *Parents) ? HandleUseKind::Write
                                                 : HandleUseKind::Escape,
                  Op.Call);
    default: // Create, Wrap; the buffer-sharing kinds are followed above
      break;
    }
    return Emit(HandleUseKind::Escape, Op.Call);
  };
  auto IsSourceOf = [&](const ArrayOperation &Op) {
    return Op.Source && ArrayModel::ignoreHandleCopies(Op.Source) ==
                            ArrayModel::ignoreHandleCopies(CurExpr);
  };

  if (const auto *Member = dyn_cast<MemberExpr>(P)) {
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parentOf(Member));
    if (!Call || Call->getCallee()->IgnoreParens() != Member)
      return Emit(HandleUseKind::Escape, Member);
    if (std::optional<ArrayOperation> Op = Model.classify(Call);
        Op && IsSourceOf(*Op))
      return OnOperation(*Op);
    if (std::optional<HandleUseKind> Kind = queryKind(Call->getMethodDecl()))
      return Emit(*Kind, Call);
    return Emit(HandleUseKind::Escape, Call);
  }
  if (const auto *OpCall = dyn_cast<CXXOperatorCallExpr>(P)) {
    if (OpCall->getNumArgs() > 0 && OpCall->getArg(0) == Cur) {
      if (std::optional<ArrayOperation> Op = Model.classify(OpCall);
          Op && IsSourceOf(*Op))
        return OnOperation(*Op);
      if (OpCall->getOperator() == OO_Equal && isArrayExpr(OpCall))
        return Emit(HandleUseKind::Rebind, OpCall);
    }
    return Emit(HandleUseKind::Escape, OpCall);
  }
  // A read-only proxy passed to the library's own function (`cv::sum(m)`
  // builds an InputArray). A user's function could write through
  // InputArray::getMat(); the library's do not. An in-place proxy
  // (InputOutputArray) given to a write the model lists (randu) is that
  // write.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
    std::optional<ArrayOperation> Write;
    switch (proxyAccess(Construct, Model, *Parents, &Write)) {
    case ProxyAccess::ReadsOnly:
      return Emit(HandleUseKind::DataRead, Construct);
    case ProxyAccess::WritesInPlace:
      if (IsSourceOf(*Write))
        return OnOperation(*Write);
      break;
    case ProxyAccess::Unknown:
      break;
    }
  }
  if (const auto *Call = dyn_cast<CallExpr>(P)) {
    if (std::optional<ArrayOperation> Op = Model.classify(Call)) {
      if (IsSourceOf(*Op))
        return OnOperation(*Op);
    }
    if (std::optional<HandleUseKind> Kind = useInCallee(Call, CurExpr))
      return Emit(*Kind, Call);
    return Emit(HandleUseKind::Escape, Call);
  }
  if (const auto *Decls = dyn_cast<DeclStmt>(P)) {
    for (const Decl *D : Decls->decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (!Var || Var->getInit() != Cur)
        continue;
      // A local handle initialised from this one aliases it: its uses are
      // this handle's uses.
      if (Var->hasLocalStorage() && !Var->isStaticLocal() &&
          Var->getDeclContext() == dyn_cast<DeclContext>(Function) &&
          isArrayExpr(Var->getInit())) {
        {
          for (const DeclRefExpr *Ref : Refs.lookup(Var)) {
            if (isInNestedLambda(Ref)) {
              Out.push_back({HandleUseKind::Escape, Ref, Ref, MaybeCopy});
              continue;
            }
            classifyHandleValue(Ref, MaybeCopy, Out, Ref, Depth + 1);
          }
          AliasScratch.push_back(Var);
          return;
        }
      }
    }
    return Emit(HandleUseKind::Escape, CurExpr);
  }
  return Emit(HandleUseKind::Escape, CurExpr);
}

// A handle passed to a function whose body is visible, as a by-value or
// const-reference parameter: what the function does with it. Nothing when
// the function cannot be followed (no body, virtual, variadic, too deep).
std::optional<HandleUseKind> HandleUses::useInCallee(const CallExpr *Call,
                                                     const Expr *Arg) {
  constexpr unsigned MaxCallDepth = 2;
  if (CallDepth >= MaxCallDepth || isa<CXXOperatorCallExpr>(Call))
    return std::nullopt;
  const FunctionDecl *Callee = Call->getDirectCallee();
  const FunctionDecl *Definition = nullptr;
  if (!Callee || !Callee->hasBody(Definition) || !Definition->getBody())
    return std::nullopt;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
      Method && Method->isVirtual())
    return std::nullopt;
  if (Context.getSourceManager().isInSystemHeader(Definition->getLocation()) ||
      isInLibraryNamespace(Definition))
    return std::nullopt;
  unsigned Index = 0;
  while (Index < Call->getNumArgs() && Call->getArg(Index) != Arg)
    ++Index;
  if (Index >= Call->getNumArgs() || Index >= Definition->getNumParams())
    return std::nullopt;
  const ParmVarDecl *Param = Definition->getParamDecl(Index);
  const QualType T = Param->getType();
  if (T->isReferenceType() && !T->getPointeeType().isConstQualified())
    return std::nullopt; // the callee may rebind the caller's handle
  auto Key = std::make_pair(Definition, Index);
  if (auto It = CalleeCache.find(Key); It != CalleeCache.end())
    return It->second;
  CalleeCache[Key] = std::nullopt; // recursion: not understood
  HandleUses Inner(Model, Context, Definition, Definition->getBody(),
                   CallDepth + 1);
  Summary S = Inner.usesOfVar(Param);
  std::optional<HandleUseKind> Result;
  if (!S.has(HandleUseKind::Write) && !S.has(HandleUseKind::Escape) &&
      !(S.has(HandleUseKind::Rebind) && T->isReferenceType()))
    Result = S.has(HandleUseKind::DataRead) ? HandleUseKind::DataRead
                                            : HandleUseKind::MetaRead;
  CalleeCache[Key] = Result;
  return Result;
}

llvm::SmallVector<HandleUse, 4> HandleUses::usesOfExpr(const Expr *E) {
  llvm::SmallVector<HandleUse, 4> Out;
  AliasScratch.clear();
  classifyHandleValue(E, false, Out, E, 0);
  return Out;
}

HandleUses::Summary HandleUses::usesOfVar(const VarDecl *Var) {
  Summary S;
  AliasScratch.clear();
  for (const DeclRefExpr *Ref : Refs.lookup(Var)) {
    if (isInNestedLambda(Ref)) {
      S.Uses.push_back({HandleUseKind::Escape, Ref, Ref, false});
      continue;
    }
    llvm::SmallVector<HandleUse, 4> Out;
    classifyHandleValue(Ref, false, Out, Ref, 0);
    S.Uses.append(Out.begin(), Out.end());
  }
  S.Aliases.assign(AliasScratch.begin(), AliasScratch.end());
  return S;
}

HandleChain HandleUses::chainOf(const Expr *E) const {
  HandleChain Chain;
  const Expr *Cur = ArrayModel::ignoreHandleCopies(E);
  for (unsigned Steps = 0; Steps < 32; ++Steps) {
    std::optional<ArrayOperation> Op = Model.classify(Cur);
    if (!Op || !Op->Source ||
        !(derivesView(Op->Api->Kind) || Op->Api->Kind == ArrayOpKind::Copy))
      break;
    Chain.Ops.push_back(*Op);
    Cur = ArrayModel::ignoreHandleCopies(Op->Source);
  }
  Chain.Base = Cur;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Cur->IgnoreParenImpCasts())) {
    Chain.RootRef = Ref;
    Chain.Root = dyn_cast<VarDecl>(Ref->getDecl());
  }
  return Chain;
}

llvm::ArrayRef<WriteSite> HandleUses::writeSites() {
  if (Writes)
    return *Writes;
  Writes.emplace();
  for (const Expr *Call : Calls) {
    if (isInNestedLambda(Call))
      continue;
    std::optional<ArrayOperation> Op = Model.classify(Call);
    if (!Op || !Op->Source)
      continue;
    if (Op->Api->Kind == ArrayOpKind::ElementAccess) {
      const Expr *Site = Op->Call;
      if (classifyElementRef(Op->Call, Site) == HandleUseKind::Write)
        Writes->push_back({Op->Source, Site});
    } else if (Op->Api->Kind == ArrayOpKind::Fill &&
               isDiscarded(Op->Call, *Parents)) {
      // An in-place write whose result (torch's `mul_()` returns its
      // object) is used hands the array on: not a lost write.
      Writes->push_back({Op->Source, Op->Call});
    }
  }
  return *Writes;
}

const VarDecl *HandleUses::varInitialisedBy(const Expr *Init) const {
  const Stmt *Cur = Init;
  const Stmt *P = parentOf(Cur);
  while (P && (isPassThrough(P) || isHandleCopy(P))) {
    Cur = P;
    P = parentOf(P);
  }
  const auto *Decls = dyn_cast_or_null<DeclStmt>(P);
  if (!Decls)
    return nullptr;
  for (const Decl *D : Decls->decls())
    if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->getInit() == Cur)
      return Var;
  return nullptr;
}

bool HandleUses::isFreshUnescaped(const VarDecl *Var) {
  if (auto It = FreshCache.find(Var); It != FreshCache.end())
    return It->second;
  FreshCache[Var] = false; // guards against cycles through aliases
  bool Fresh = false;
  if (Var->hasLocalStorage() && !Var->getType()->isReferenceType() &&
      Var->getInit()) {
    // Allocated by the initialiser: a creation or a copy, possibly followed
    // by views of that temporary (`nd::arange<double>(n).reshape({r, c})`).
    HandleChain Chain = chainOf(Var->getInit());
    std::optional<ArrayOperation> Base =
        Chain.Root ? std::nullopt : Model.classify(Chain.Base);
    const bool Allocated =
        (Base && Base->Api->Kind == ArrayOpKind::Create) ||
        llvm::any_of(Chain.Ops, [](const ArrayOperation &Op) {
          return Op.Api->Kind == ArrayOpKind::Copy;
        });
    if (Allocated) {
      Summary S = usesOfVar(Var);
      Fresh = !S.has(HandleUseKind::Escape) && !S.has(HandleUseKind::Rebind);
    }
  }
  FreshCache[Var] = Fresh;
  return Fresh;
}

// ---- Live regions over the CFG --------------------------------------------

void HandleUses::ensureCFG() {
  if (CFGBuilt)
    return;
  CFGBuilt = true;
  if (!Graph) {
    OwnGraph = buildRuntimeCFG(Function, Body, Context);
    Graph = OwnGraph.get();
  }
  if (!Graph)
    return;
  for (const CFGBlock *Block : *Graph) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      if (std::optional<CFGStmt> S = Element.getAs<CFGStmt>())
        Position.try_emplace(S->getStmt(),
                             std::make_pair(Block->getBlockID(), Index));
      ++Index;
    }
  }
}

std::optional<std::pair<unsigned, unsigned>>
HandleUses::positionOf(const Stmt *S) const {
  for (const Stmt *Cur = S; Cur; Cur = parentOf(Cur)) {
    if (isa<LambdaExpr>(Cur) && Cur != S)
      return std::nullopt; // runs whenever the closure is called
    if (auto It = Position.find(Cur); It != Position.end())
      return It->second;
  }
  return std::nullopt;
}

// Both ends of every edge, pruned ones included: a region is an
// over-approximation.
template <typename Range>
static void pushAdjacent(Range Edges,
                         llvm::SmallVectorImpl<const CFGBlock *> &Work) {
  for (const CFGBlock::AdjacentBlock &Edge : Edges) {
    if (const CFGBlock *B = Edge.getReachableBlock())
      Work.push_back(B);
    if (const CFGBlock *B = Edge.getPossiblyUnreachableBlock())
      Work.push_back(B);
  }
}

HandleUses::LiveRegion
HandleUses::liveRegion(const Stmt *Def, llvm::ArrayRef<const Stmt *> Uses) {
  LiveRegion Region;
  Region.Owner = this;
  ensureCFG();
  if (!Graph)
    return Region;
  std::optional<std::pair<unsigned, unsigned>> DefPos = positionOf(Def);
  if (!DefPos)
    return Region;
  llvm::SmallVector<const CFGBlock *, 8> Work;
  auto BlockById = [&](unsigned Id) -> const CFGBlock * {
    for (const CFGBlock *B : *Graph)
      if (B->getBlockID() == Id)
        return B;
    return nullptr;
  };
  for (const Stmt *Use : Uses) {
    std::optional<std::pair<unsigned, unsigned>> Pos = positionOf(Use);
    if (!Pos)
      return Region;
    unsigned &Last = Region.LastUseIndex[Pos->first];
    Last = std::max(Last, Pos->second);
    if (const CFGBlock *B = BlockById(Pos->first))
      pushAdjacent(B->preds(), Work);
  }
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    if (!Region.BeforeUse.insert(B->getBlockID()).second)
      continue;
    pushAdjacent(B->preds(), Work);
  }
  if (const CFGBlock *B = BlockById(DefPos->first))
    pushAdjacent(B->succs(), Work);
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    if (!Region.AfterDef.insert(B->getBlockID()).second)
      continue;
    pushAdjacent(B->succs(), Work);
  }
  Region.DefBlock = DefPos->first;
  Region.DefIndex = DefPos->second;
  Region.Everything = false;
  return Region;
}

bool HandleUses::LiveRegion::contains(const Stmt *S) const {
  if (Everything || !Owner)
    return true;
  std::optional<std::pair<unsigned, unsigned>> Pos = Owner->positionOf(S);
  if (!Pos)
    return true;
  auto [Block, Index] = *Pos;
  const bool AfterDefinition =
      (Block == DefBlock && Index > DefIndex) || AfterDef.count(Block);
  auto Last = LastUseIndex.find(Block);
  const bool BeforeAUse =
      (Last != LastUseIndex.end() && Index < Last->second) ||
      BeforeUse.count(Block);
  return AfterDefinition && BeforeAUse;
}

// ---- Writes the analysis cannot see --------------------------------------

bool HandleUses::typeMayReachArray(QualType T, unsigned Depth) const {
  if (Depth > 4)
    return true;
  // A pointer or reference to mutable scalars may point into a buffer
  // (data(), ref()); to const ones, or a scalar by value, may not.
  auto MutableScalar = [](QualType P) {
    P = P.getCanonicalType();
    return !P.isConstQualified() && (P->isBuiltinType() || P->isEnumeralType());
  };
  if (T->isReferenceType()) {
    if (MutableScalar(T->getPointeeType()))
      return true;
    T = T->getPointeeType();
  }
  while (T->isPointerType() || T->isArrayType()) {
    QualType Pointee = T->isPointerType()
                           ? T->getPointeeType()
                           : QualType(T->getPointeeOrArrayElementType(), 0);
    if (T->isPointerType() && MutableScalar(Pointee))
      return true;
    T = Pointee;
  }
  T = T.getCanonicalType();
  if (T->isBuiltinType() || T->isEnumeralType())
    return false;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return true;
  if (RD->isLambda() || Model.isArrayType(compat::recordType(RD->getASTContext(), RD)))
    return true;
  // The library's vocabulary types (slices, shapes): by their fields.
  if (isInLibraryNamespace(RD) && RD->hasDefinition()) {
    for (const FieldDecl *Field : RD->fields())
      if (typeMayReachArray(Field->getType(), Depth + 1))
        return true;
    for (const CXXBaseSpecifier &Base : RD->bases())
      if (typeMayReachArray(Base.getType(), Depth + 1))
        return true;
    return false;
  }
  const SourceManager &SM = Context.getSourceManager();
  if (!SM.isInSystemHeader(RD->getLocation()))
    return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type &&
          typeMayReachArray(Arg.getAsType(), Depth + 1))
        return true;
  return false;
}

bool HandleUses::isInLibraryNamespace(const Decl *D) const {
  return Model.isLibraryDecl(D);
}

bool HandleUses::callMayWriteHidden(const Expr *Call) const {
  if (std::optional<ArrayOperation> Op = Model.classify(Call))
    return false; // views and copies write nothing; element writes and fill
                  // are write sites, checked separately
  const SourceManager &SM = Context.getSourceManager();
  llvm::SmallVector<const Expr *, 4> Args;
  const FunctionDecl *Callee = nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call)) {
    if (isArrayExpr(Construct))
      return false; // a new handle: writes through it are write sites
    Callee = Construct->getConstructor();
    Args.append(Construct->arg_begin(), Construct->arg_end());
  } else {
    const auto *C = cast<CallExpr>(Call);
    Callee = C->getDirectCallee();
    Args.append(C->arg_begin(), C->arg_end());
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(C)) {
      const Expr *Object = Member->getImplicitObjectArgument();
      if (isArrayExpr(Object))
        return !isQueryOnly(Member->getMethodDecl());
      // Reading or writing an element reference: a write site, if anything.
      if (std::optional<ArrayOperation> Op =
              Model.classify(Object->IgnoreImplicit()))
        if (Op->Api->Kind == ArrayOpKind::ElementAccess)
          return false;
      Args.push_back(Object);
    }
    if (const auto *OpCall = dyn_cast<CXXOperatorCallExpr>(C);
        OpCall && OpCall->getNumArgs() > 0 &&
        isa_and_nonnull<CXXMethodDecl>(OpCall->getDirectCallee())) {
      // Rebinding a handle (`a = b`) writes no element.
      if (OpCall->getOperator() == OO_Equal && isArrayExpr(OpCall->getArg(0)))
        return false;
      if (std::optional<ArrayOperation> Op =
              Model.classify(OpCall->getArg(0)->IgnoreImplicit()))
        if (Op->Api->Kind == ArrayOpKind::ElementAccess)
          return false;
    }
  }
  if (!Callee)
    return true;
  if (Callee->getBuiltinID())
    return false;
  // The standard library and the array library's own vocabulary (slices,
  // shapes) cannot reach an array the call is not given.
  const bool UserFunction = !SM.isInSystemHeader(Callee->getLocation()) &&
                            !isInLibraryNamespace(Callee);
  for (const Expr *Arg : Args)
    if (typeMayReachArray(Arg->getType()))
      return true;
  // Expressions have no reference types: `std::swap(x, y)` shows in the
  // parameters, `double &`.
  for (const ParmVarDecl *Param : Callee->parameters())
    if (typeMayReachArray(Param->getType()))
      return true;
  // A user function given no way to an array may still reach one through a
  // global: follow its body when visible.
  return UserFunction && !userFunctionWritesNoArray(Callee);
}

bool HandleUses::userFunctionWritesNoArray(const FunctionDecl *Callee) const {
  constexpr unsigned MaxCallDepth = 2;
  const FunctionDecl *Definition = nullptr;
  if (CallDepth >= MaxCallDepth || !Callee->hasBody(Definition) ||
      !Definition->getBody())
    return false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
      Method && (Method->isVirtual() || !Method->isStatic()))
    return false; // `this` may hold arrays
  if (auto It = HarmlessCache.find(Definition); It != HarmlessCache.end())
    return It->second;
  HarmlessCache[Definition] = false; // recursion: not understood
  HandleUses Inner(Model, Context, Definition, Definition->getBody(),
                   CallDepth + 1);
  const bool Harmless = Inner.bodyWritesNoArray();
  HarmlessCache[Definition] = Harmless;
  return Harmless;
}

bool HandleUses::bodyWritesNoArray() {
  if (!IndirectWrites.empty() || !writeSites().empty())
    return false;
  for (const auto &Entry : Refs)
    if (!Entry.first->hasLocalStorage() &&
        typeMayReachArray(Entry.first->getType()))
      return false; // a global or static that may hold an array
  for (const Expr *Call : Calls)
    if (callMayWriteHidden(Call))
      return false;
  return true;
}

bool HandleUses::mayWriteHiddenHandles(const LiveRegion &Region,
                                       llvm::ArrayRef<const VarDecl *> Known) {
  return mayWriteHiddenHandles(
      [&Region](const Stmt *S) { return Region.contains(S); }, Known);
}

bool HandleUses::mayWriteHiddenHandles(
    llvm::function_ref<bool(const Stmt *)> InRegion,
    llvm::ArrayRef<const VarDecl *> Known) {
  for (const Expr *Call : Calls) {
    if (isInNestedLambda(Call) || !InRegion(Call))
      continue;
    if (callMayWriteHidden(Call))
      return true;
  }
  // `*p = v`, `p[i] = v`, `r = v` with a reference: p may point into the
  // buffer (data(), ref()).
  for (const Expr *Write : IndirectWrites)
    if (!isInNestedLambda(Write) && InRegion(Write))
      return true;
  for (const WriteSite &W : writeSites()) {
    if (!InRegion(W.Site))
      continue;
    HandleChain Chain = chainOf(W.Handle);
    if (llvm::any_of(Chain.Ops, [](const ArrayOperation &Op) {
          return Op.Api->Kind == ArrayOpKind::Copy;
        }))
      continue; // writes into a fresh temporary
    if (Chain.Root && llvm::is_contained(Known, Chain.Root))
      continue;
    // A fresh local's buffer is shared only with its own aliases: fine
    // unless one of those is a handle the caller tracks.
    if (Chain.Root && isFreshUnescaped(Chain.Root)) {
      Summary Fresh = usesOfVar(Chain.Root);
      if (llvm::none_of(Fresh.Aliases, [&](const VarDecl *Alias) {
            return llvm::is_contained(Known, Alias);
          }))
        continue;
    }
    return true;
  }
  return false;
}

} // namespace clang::tidy::ndarray::analysis

namespace clang::tidy::ndarray::analysis {

WriteReach reachOfWrite(const HandleChain &Chain,
                        const LayoutAnalysis &Layout) {
  WriteReach Reach;
  const ArrayModel &Model = Layout.model();
  for (const ArrayOperation &Op : Chain.Ops) {
    if (Op.Api->Kind == ArrayOpKind::Copy) {
      CopyVerdict V;
      V.Kind = CopyVerdict::Copy;
      V.Explicit = true;
      return {WriteReach::Lost, &Op, V};
    }
    if (!derivesWithLayoutDependence(Op.Api->Kind))
      continue;
    CopyVerdict V = Layout.copyVerdict(Op);
    if (Op.Api->Kind == ArrayOpKind::Reshape) {
      std::optional<CopyMode> Mode = Model.copyMode(Op);
      if (!Mode) {
        V.Kind = CopyVerdict::Unknown;
      } else if (*Mode == CopyMode::Never) {
        continue; // a view, or an exception: never a silent copy
      } else if (*Mode == CopyMode::Always) {
        V.Kind = CopyVerdict::Copy;
        V.Explicit = true;
      }
    }
    if (Layout.gaveUp())
      V.Kind = CopyVerdict::Unknown;
    switch (V.Kind) {
    case CopyVerdict::View:
      break;
    case CopyVerdict::Copy:
    case CopyVerdict::CopyUnlessDegenerate:
      return {WriteReach::Lost, &Op, V};
    case CopyVerdict::Unknown:
      // Keep looking: a definite copy further in loses the write anyway.
      Reach = {WriteReach::Ambiguous, &Op, V};
      break;
    }
  }
  return Reach;
}

std::string viewCondition(const ArrayOperation &Op) {
  const bool Contiguous = Op.Api->Kind == ArrayOpKind::MakeContiguous;
  std::optional<MemoryOrder> Order = Op.Order;
  if (!Order)
    return "contiguous in the requested order";
  switch (*Order) {
  case MemoryOrder::C:
    return "C-contiguous";
  case MemoryOrder::F:
    return "F-contiguous";
  case MemoryOrder::A:
    return Contiguous ? "C-contiguous" : "C- or F-contiguous";
  case MemoryOrder::K:
    return "dense in memory (in some axis order)";
  }
  return "contiguous";
}

std::string rootName(const HandleChain &Chain) {
  if (Chain.Root && Chain.Root->getIdentifier())
    return "'" + Chain.Root->getName().str() + "'";
  return "its source";
}

} // namespace clang::tidy::ndarray::analysis
