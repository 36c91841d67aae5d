//===--- RedundantCopyChainCheck.cpp - ndtidy -----------------------------===//

#include "ndarray/RedundantCopyChainCheck.h"
#include "analysis/Describe.h"
#include "analysis/ValueUses.h"
#include "utils/ASTUtils.h"
#include "utils/FixItUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <functional>

namespace clang::tidy::ndarray {

using namespace analysis;

RedundantCopyChainCheck::RedundantCopyChainCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : NdarrayCheck(Name, Context, FindingKind::RedundantCopyChain),
      SuggestFlatten(Options.get("SuggestFlattenForCopyRavel", false)) {}

void RedundantCopyChainCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  NdarrayCheck::storeOptions(Opts);
  Options.store(Opts, "SuggestFlattenForCopyRavel", SuggestFlatten);
}

static bool isCopy(const ArrayOperation &Op) {
  return Op.Api->Kind == ArrayOpKind::Copy;
}

// A copy that keeps shape and element type: only the layout may change.
static bool isPlainCopy(const ArrayOperation &Op) {
  return isCopy(Op) && Op.Api->Shape == ResultShape::Same &&
         !Op.Api->ConvertsType;
}

// Whether the copy's result is the same whatever the layout of its input:
// C and F read elements in logical index order; take and concatenate too.
static bool readsInLogicalOrder(const ArrayOperation &Op) {
  if (Op.Api->Shape == ResultShape::Other)
    return true;
  return Op.Order &&
         (*Op.Order == MemoryOrder::C || *Op.Order == MemoryOrder::F);
}

// Whether copying a fresh buffer of layout \p Input with \p Op gives a result
// identical to its input, shape and layout included.
static bool copyKeepsLayout(const ArrayOperation &Op, FreshLayout Input) {
  if (Op.Api->ConvertsType || !Op.Order)
    return false;
  if (Op.Api->Shape == ResultShape::Flat)
    return Input == FreshLayout::Flat;
  if (Op.Api->Shape != ResultShape::Same)
    return false;
  switch (*Op.Order) {
  case MemoryOrder::K: // a fresh buffer is dense: K keeps its layout
    return true;
  case MemoryOrder::A: // A picks whichever of C and F the input has
    return Input != FreshLayout::Unknown;
  case MemoryOrder::C:
    return Input == FreshLayout::C || Input == FreshLayout::Flat;
  case MemoryOrder::F:
    return Input == FreshLayout::F || Input == FreshLayout::Flat;
  }
  return false;
}

std::optional<FixItHint>
RedundantCopyChainCheck::fixFor(const ArrayOperation &Outer,
                                const ArrayOperation &Inner,
                                const ASTContext &Context) const {
  // The inner copy can go when the outer one does not care how its input is
  // laid out: `a.copy().flatten()` -> `a.flatten()`.
  if (isPlainCopy(Inner) && readsInLogicalOrder(Outer))
    return utils::replaceCallBySource(Inner.Call, Inner.Source, Context);
  // The outer copy can go when it would reproduce its input exactly:
  // `a.flatten().copy()` -> `a.flatten()`.
  if (copyKeepsLayout(Outer, Model.copyResultLayout(Inner)))
    return utils::replaceCallBySource(Outer.Call, Outer.Source, Context);
  return std::nullopt;
}

// `<source>.flatten()` replacing \p Call: exact for a C-order ravel of any
// plain copy of source (a fresh C-ordered 1-D buffer either way).
static std::optional<FixItHint> replaceByFlatten(const CallExpr *Call,
                                                 const Expr *Source,
                                                 const ASTContext &Context) {
  if (!utils::isFixable(Call, Context) || !utils::isFixable(Source, Context))
    return std::nullopt;
  llvm::StringRef Text = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Source->getSourceRange()),
      Context.getSourceManager(), Context.getLangOpts());
  if (Text.empty())
    return std::nullopt;
  const Expr *Bare = Source->IgnoreImplicit();
  bool Postfix = isa<DeclRefExpr, ParenExpr, MemberExpr, CallExpr>(Bare);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Bare))
    Postfix = Op->getOperator() == OO_Call || Op->getOperator() == OO_Subscript;
  std::string Replacement =
      (Postfix ? Text.str() : "(" + Text.str() + ")") + ".flatten()";
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Call->getSourceRange()), Replacement);
}

namespace {
struct UseCounter : RecursiveASTVisitor<UseCounter> {
  llvm::DenseMap<const VarDecl *, unsigned> Count;
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      ++Count[V];
    return true;
  }
};
} // namespace

// Whether \p Use runs more often than the declaration of its variable: a
// loop lies between them.
static bool inLoopBelowDeclaration(const Stmt *Use, const VarDecl *V,
                                   const ParentMap &Parents, const Stmt *Body) {
  // The statement that declares V.
  llvm::SmallPtrSet<const Stmt *, 16> DeclAncestors;
  std::function<const Stmt *(const Stmt *)> FindDecl =
      [&](const Stmt *S) -> const Stmt * {
    if (!S)
      return nullptr;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (D == V)
          return DS;
    for (const Stmt *Child : S->children())
      if (const Stmt *Found = FindDecl(Child))
        return Found;
    return nullptr;
  };
  const Stmt *Decl = FindDecl(Body);
  if (!Decl)
    return true;
  for (const Stmt *S = Decl; S; S = Parents.getParent(S))
    DeclAncestors.insert(S);
  for (const Stmt *S = Parents.getParent(Use); S; S = Parents.getParent(S)) {
    if (DeclAncestors.contains(S))
      return false;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
      return true;
  }
  return true;
}

// Why a layout-dependent outer operation copies: "'ravel()' copies because
// its input is not C-contiguous", with the origins of that loss.
static void addLayoutCopyNotes(Finding &Found, const ArrayOperation &Outer,
                               const CopyVerdict &Verdict) {
  if (!Verdict.RequiredOrder)
    return;
  MemoryOrder O = *Verdict.RequiredOrder;
  Found.Notes.push_back(
      {Outer.NameLoc,
       "'" + Outer.spelling() + "' copies because " +
           notContiguousPhrase("its input", Verdict.Source, O),
       {}});
  addOriginNotes(Found, Verdict.Source, O);
}

namespace {
struct ReferencesTo : RecursiveASTVisitor<ReferencesTo> {
  const VarDecl *Var = nullptr;
  llvm::SmallVector<const DeclRefExpr *, 4> Found;
  bool Jumps = false;
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl() == Var)
      Found.push_back(Ref);
    return true;
  }
  bool VisitGotoStmt(GotoStmt *) { return Jumps = true; }
  bool VisitIndirectGotoStmt(IndirectGotoStmt *) { return Jumps = true; }
};
} // namespace

// The local that \p Dst names, when it is still the empty array its default
// constructor made at \p Use (`cv::Mat dst;` with no mention of dst before,
// no loop between the declaration and the use, no goto); null otherwise.
static const VarDecl *emptyLocalAt(const Expr *Dst, const Stmt *Use,
                                   const LibraryModel &Library,
                                   const ASTContext &AST, const Stmt *Body,
                                   const ParentMap &Parents) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Dst->IgnoreParenImpCasts());
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Library.DefaultIsEmpty || !V || isa<ParmVarDecl>(V) ||
      !V->hasLocalStorage() || V->getType()->isReferenceType() ||
      !V->getInit())
    return nullptr;
  const auto *Init = dyn_cast<CXXConstructExpr>(V->getInit()->IgnoreImplicit());
  if (!Init || Init->getNumArgs() != 0 ||
      !Init->getConstructor()->isDefaultConstructor())
    return nullptr;
  ReferencesTo Refs;
  Refs.Var = V;
  Refs.TraverseStmt(const_cast<Stmt *>(Body));
  if (Refs.Jumps)
    return nullptr;
  const SourceManager &SM = AST.getSourceManager();
  for (const DeclRefExpr *Other : Refs.Found)
    if (Other != Ref &&
        !SM.isBeforeInTranslationUnit(Use->getEndLoc(), Other->getBeginLoc()))
      return nullptr;
  if (inLoopBelowDeclaration(Use, V, Parents, Body))
    return nullptr;
  return V;
}

// `src.clone().copyTo(dst)`, `src.clone().convertTo(dst, t)` into an empty
// local: the write into dst allocates its buffer, so the clone's is a second
// one, made only to be read once. Without clone() the result is the same:
// dst, fresh and empty, cannot share src's elements.
void RedundantCopyChainCheck::findCopyIntoChain(
    const FunctionContext &F, const ArrayOperation &Outer,
    std::vector<Finding> &Out) const {
  std::optional<ArrayOperation> Inner = Model.classify(Outer.Source);
  const Expr *Dst = Model.outputArgument(Outer);
  if (!Inner || !isPlainCopy(*Inner) || !Inner->Source || !Dst)
    return;
  const Stmt *Body = F.Function.getBody();
  const VarDecl *Empty =
      emptyLocalAt(Dst, Outer.Call, *Outer.Library, F.AST, Body,
                   F.Layout.parents());
  if (!Empty)
    return;
  // Neither allocates for an empty source.
  std::optional<int64_t> Elements =
      F.Layout.factsOf(Inner->Source).elementCount();
  if (Elements && *Elements == 0)
    return;
  Finding Found;
  Found.Anchor = Outer.Call;
  Found.Related.push_back(Inner->Call);
  Found.Loc = Outer.NameLoc;
  Found.Elements = Elements;
  Found.Message = "'" + Outer.spelling() +
                  "' copies the fresh array returned by '" +
                  Inner->spelling() + "' into the empty '" +
                  Empty->getName().str() + "'" +
                  (Elements ? "" : " (unless the source is empty)") +
                  ": two buffers are allocated where one suffices";
  if (!F.InTemplateInstantiation && !F.InCallContext)
    if (std::optional<FixItHint> Fix =
            utils::replaceCallBySource(Inner->Call, Inner->Source, F.AST))
      Found.Fixes.push_back(*Fix);
  Out.push_back(std::move(Found));
}

void RedundantCopyChainCheck::find(const FunctionContext &F,
                                   std::vector<Finding> &Out) const {
  const Stmt *Body = F.Function.getBody();
  UseCounter Uses;
  Uses.TraverseStmt(const_cast<Stmt *>(Body));

  for (const ArrayOperation &Outer : F.Operations) {
    if (!Outer.Source)
      continue;
    if (Outer.Api->Kind == ArrayOpKind::CopyInto) {
      findCopyIntoChain(F, Outer, Out);
      continue;
    }
    // Does the outer operation allocate?
    bool OuterExplicit = isCopy(Outer);
    CopyVerdict OuterVerdict;
    if (!OuterExplicit) {
      ArrayOpKind K = Outer.Api->Kind;
      if (K != ArrayOpKind::Ravel && K != ArrayOpKind::Reshape &&
          K != ArrayOpKind::MakeContiguous)
        continue;
      OuterVerdict = F.Layout.copyVerdict(Outer);
      if (OuterVerdict.Kind == CopyVerdict::View && SuggestFlatten &&
          K == ArrayOpKind::Ravel && Model.explicitArgumentCount(Outer) == 0) {
        // `a.copy().ravel()`: one buffer, but flatten() says it directly.
        std::optional<ArrayOperation> Inner = Model.classify(Outer.Source);
        if (Inner && isPlainCopy(*Inner) && Inner->Api->IsMember &&
            Inner->Order == MemoryOrder::C) {
          Finding Found;
          Found.Anchor = Outer.Call;
          Found.Related.push_back(Inner->Call);
          Found.Loc = Outer.NameLoc;
          Found.Message = "'" + Outer.spelling() +
                          "' of the fresh array "
                          "returned by '" +
                          Inner->spelling() +
                          "' is a view of it: 'flatten()' makes the same "
                          "single copy";
          Found.Elements = OuterVerdict.Source.elementCount();
          if (auto Fix = replaceByFlatten(Outer.Call, Inner->Source, F.AST))
            Found.Fixes.push_back(*Fix);
          Out.push_back(std::move(Found));
        }
        continue;
      }
      if (OuterVerdict.Kind != CopyVerdict::Copy &&
          OuterVerdict.Kind != CopyVerdict::CopyUnlessDegenerate)
        continue;
      OuterExplicit = OuterVerdict.Explicit;
    }
    bool OuterConditional =
        !OuterExplicit &&
        OuterVerdict.Kind == CopyVerdict::CopyUnlessDegenerate;

    // The inner allocation: chained in the expression, or a single-use local.
    std::optional<ArrayOperation> Inner = Model.classify(Outer.Source);
    const VarDecl *Local = nullptr;
    // Or a user function returning an array it allocated: `snapshot(a)`.
    const auto *Helper = dyn_cast<CallExpr>(
        ArrayModel::ignoreHandleCopies(Outer.Source)->IgnoreParenImpCasts());
    if (!Inner && Helper && Helper->getDirectCallee() &&
        F.Layout.factsOf(Helper).Fresh) {
      Finding Found;
      Found.Anchor = Outer.Call;
      Found.Loc = Outer.NameLoc;
      Found.Elements = F.Layout.factsOf(Outer.Source).elementCount();
      Found.Message =
          "'" + Outer.spelling() + "' copies the new array returned by '" +
          Helper->getDirectCallee()->getNameAsString() + "()'" +
          (OuterConditional
               ? " " + degenerateCondition(OuterVerdict.Source.Rank)
               : std::string()) +
          ": two buffers are allocated where one suffices";
      if (!OuterExplicit)
        addLayoutCopyNotes(Found, Outer, OuterVerdict);
      Out.push_back(std::move(Found));
      continue;
    }
    if (!Inner) {
      const VarDecl *V = F.Layout.trackedVar(Outer.Source);
      const auto *Ref =
          dyn_cast<DeclRefExpr>(ArrayModel::ignoreHandleCopies(Outer.Source));
      if (!V || isa<ParmVarDecl>(V) || !V->getInit() || !Ref ||
          Uses.Count.lookup(V) != 1 || !F.Layout.isFreshAt(Ref))
        continue;
      Inner = Model.classify(V->getInit());
      if (!Inner)
        continue;
      if (inLoopBelowDeclaration(Ref, V, F.Layout.parents(), Body))
        continue;
      Local = V;
    }
    // The inner result must be a buffer nobody else holds.
    bool InnerCopies = isCopy(*Inner);
    if (!InnerCopies) {
      ArrayOpKind K = Inner->Api->Kind;
      if (K != ArrayOpKind::Ravel && K != ArrayOpKind::Reshape &&
          K != ArrayOpKind::MakeContiguous)
        continue;
      CopyVerdict IV = F.Layout.copyVerdict(*Inner);
      InnerCopies = IV.Kind == CopyVerdict::Copy;
    }
    if (!InnerCopies)
      continue;

    Finding Found;
    Found.Anchor = Outer.Call;
    // The same defect as a finding about the inner copy (unnecessary-copy).
    Found.Related.push_back(Inner->Call);
    Found.Loc = Outer.NameLoc;
    std::optional<int64_t> Elements =
        F.Layout.factsOf(Outer.Source).elementCount();
    Found.Elements = Elements;
    std::string Condition =
        OuterConditional ? " " + degenerateCondition(OuterVerdict.Source.Rank)
                         : "";
    if (Local) {
      Found.Message = "'" + Outer.spelling() + "' copies '" +
                      Local->getNameAsString() + "', a fresh copy made by '" +
                      Inner->spelling() + "' and used only here" + Condition +
                      ": two buffers are allocated where one suffices";
      Found.Notes.push_back(
          {Inner->NameLoc,
           "'" + Local->getNameAsString() + "' is allocated here",
           {}});
    } else {
      Found.Message = "'" + Outer.spelling() +
                      "' copies the fresh array returned by '" +
                      Inner->spelling() + "'" + Condition +
                      ": two buffers are allocated where one suffices";
    }
    if (!OuterExplicit)
      addLayoutCopyNotes(Found, Outer, OuterVerdict);
    if (!Local) {
      std::optional<FixItHint> Fix;
      if (OuterExplicit && isCopy(*Inner))
        Fix = fixFor(Outer, *Inner, F.AST);
      else if (!OuterExplicit && Outer.Api->Kind == ArrayOpKind::Ravel &&
               Model.explicitArgumentCount(Outer) == 0 &&
               OuterVerdict.RequiredOrder == MemoryOrder::C &&
               isPlainCopy(*Inner))
        Fix = replaceByFlatten(Outer.Call, Inner->Source, F.AST);
      if (Fix)
        Found.Fixes.push_back(*Fix);
    }
    Out.push_back(std::move(Found));
  }
}

//===----------------------------------------------------------------------===//
// Eigen and xtensor: `Eigen::MatrixXd t = a.transpose().eval();`
//
// An evaluator (Eigen's eval(), xt::eval) builds a fresh object of the
// expression's own plain type; when the declared variable has another
// storage type (a transpose's plain type is RowMajor, a MatrixXd is
// ColMajor), that object is converted into the variable: a second buffer.
// Without the evaluator the expression is evaluated into the variable
// directly. Only declarations are reported: a new variable cannot alias
// the expression's operands, while in an assignment (`a =
// a.transpose().eval()`) the evaluator is what keeps the result right.
//===----------------------------------------------------------------------===//

namespace {
struct ValueDeclarations : RecursiveASTVisitor<ValueDeclarations> {
  llvm::SmallVector<const VarDecl *, 8> Found;
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitVarDecl(VarDecl *Var) {
    if (Var->hasInit() && !isa<ParmVarDecl>(Var))
      Found.push_back(Var);
    return true;
  }
};

} // namespace

void RedundantCopyChainCheck::findValues(const ValueFunctionContext &F,
                                         std::vector<Finding> &Out) const {
  ValueDeclarations Declarations;
  Declarations.TraverseStmt(const_cast<Stmt *>(F.Function.getBody()));
  const ASTContext &AST = F.AST;
  for (const VarDecl *Var : Declarations.Found) {
    if (Var->getType()->isReferenceType() ||
        !F.Model.storageAllocates(Var->getType()))
      continue;
    const auto *Construct =
        dyn_cast<CXXConstructExpr>(Var->getInit()->IgnoreImplicit());
    if (!Construct || Construct->getNumArgs() < 1 ||
        Construct->getConstructor()->isCopyOrMoveConstructor())
      continue;
    const auto *Call =
        dyn_cast<CallExpr>(Construct->getArg(0)->IgnoreImplicit());
    const Expr *Operand = F.Model.evaluatorOperand(Call);
    if (!Operand || Call->getCallReturnType(AST)->isReferenceType())
      continue;
    // The evaluator made a fresh object of another storage type, and the
    // conversion into the variable copies it.
    QualType Made = Call->getType();
    if (!F.Model.storageAllocates(Made) ||
        AST.hasSameUnqualifiedType(Made, Var->getType()))
      continue;
    // Of an expression that references its operands (not a product, whose
    // evaluation the library may route through a temporary of its own).
    bool Evaluating = false;
    if (!F.Model.expressionLibraryOf(Operand->getType(), &Evaluating) ||
        Evaluating || utils::mentions(Operand, Var))
      continue;
    const FunctionDecl *Callee = Call->getDirectCallee();
    std::string Spelling = Callee->getQualifiedNameAsString() + "()";
    if (isa<CXXMethodDecl>(Callee))
      Spelling = Callee->getNameAsString() + "()";
    const std::string Name = "'" + Var->getName().str() + "'";
    Finding Found;
    Found.Kind = FindingKind::RedundantCopyChain;
    Found.Anchor = Call;
    Found.Loc = Call->getExprLoc();
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      Found.Loc = Member->getExprLoc();
    Found.Message = Name + " is built from a temporary copy: " + Spelling +
                    " evaluates its operand into an object of another type "
                    "than " +
                    Name + " ('" + writtenTypeOf(Var, AST) +
                    "'), which is then copied into " + Name +
                    ": two buffers where one suffices; without " + Spelling +
                    " the expression is evaluated into " + Name + " directly";
    if (!F.InTemplateInstantiation)
      if (std::optional<FixItHint> Fix =
              utils::replaceCallBySource(Call, Operand, AST))
        Found.Fixes.push_back(*Fix);
    Out.push_back(std::move(Found));
  }
}

} // namespace clang::tidy::ndarray
