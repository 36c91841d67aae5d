//===--- AliasingCheck.cpp - ndtidy ---------------------------------------===//
//
// Eigen and xtensor evaluate a lazy right side element by element straight
// into the destination. When the right side reads the destination in
// another order (its transpose, its reverse) or a product reads it under a
// no-alias promise, elements are read after the assignment has overwritten
// them: a wrong result, and in Eigen's debug builds an assertion for the
// transpose only. What an expression does is in its type (Eigen::Transpose,
// Eigen::Product) or, where the type does not tell, in the library function
// that built it (xt::transpose); the model lists both, the check knows no
// names. Which sizes make the result wrong was measured (see
// docs/checks/ndarray-aliasing.md); the message states the condition when
// the sizes are not fixed at compile time.
//
//===----------------------------------------------------------------------===//

#include "ndarray/AliasingCheck.h"
#include "utils/FixItUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::ndarray {

AliasingCheck::AliasingCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Model(valueLibraryModels()) {}

void AliasingCheck::registerMatchers(MatchFinder *Finder) {
  // Assignments in the source, not in a template's instantiations (as in
  // ndarray-hidden-temporary): a dependent one has no types to read yet.
  Finder->addMatcher(
      traverse(TK_IgnoreUnlessSpelledInSource,
               cxxOperatorCallExpr(hasAnyOverloadedOperatorName("=", "+=",
                                                                "-="))
                   .bind("assign")),
      this);
}

// Strips what does not change which object an expression denotes.
static const Expr *strip(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Next);
        Construct && !isa<CXXTemporaryObjectExpr>(Construct) &&
        Construct->getNumArgs() == 1 && Construct->getConstructor() &&
        (Construct->getConstructor()->isCopyOrMoveConstructor() ||
         Construct->isElidable()))
      Next = Construct->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

// The variable or field of `this` that \p E names, or null.
static const ValueDecl *objectOf(const Expr *E) {
  E = strip(E);
  if (!E)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return isa<VarDecl>(Ref->getDecl()) ? Ref->getDecl() : nullptr;
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    if (isa<FieldDecl>(Member->getMemberDecl()) &&
        isa<CXXThisExpr>(strip(Member->getBase())))
      return Member->getMemberDecl();
  return nullptr;
}

// The expressions \p E reads: the object of a member call and the
// arguments.
static llvm::SmallVector<const Expr *, 3> operandsOf(const Expr *E) {
  llvm::SmallVector<const Expr *, 3> Operands;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    Operands.push_back(Member->getImplicitObjectArgument());
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    for (const Expr *Arg : Call->arguments())
      if (!isa<CXXDefaultArgExpr>(Arg))
        Operands.push_back(Arg);
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    for (const Expr *Arg : Construct->arguments())
      if (!isa<CXXDefaultArgExpr>(Arg))
        Operands.push_back(Arg);
  }
  return Operands;
}

namespace {
/// A place where the right side reads the destination in another order.
struct ReorderedRead {
  const ReorderingExpression *Reordering = nullptr;
  const Expr *Node = nullptr;
};
} // namespace

// Whether \p E is a reordering of \p Library that reads \p Dest alone.
static const ReorderingExpression *
reorderingOf(const Expr *E, const ValueDecl *Dest, const LibraryModel &Library,
             const ArrayModel &Model) {
  llvm::SmallVector<const Expr *, 3> Operands = operandsOf(E);
  if (Operands.size() != 1 || objectOf(Operands[0]) != Dest)
    return nullptr;
  for (const ReorderingExpression &R : Library.Values->Reorderings) {
    if (!R.Class.empty()) {
      if (!Model.isValueClass(E->getType(), R.Class, Library))
        continue;
      if (R.DirectionArgument >= 0) {
        const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            E->getType()->getAsCXXRecordDecl());
        if (!Spec ||
            Spec->getTemplateArgs().size() <= unsigned(R.DirectionArgument))
          continue;
        const TemplateArgument &Arg =
            Spec->getTemplateArgs()[R.DirectionArgument];
        if (Arg.getKind() != TemplateArgument::Integral ||
            Arg.getAsIntegral() != R.AllDirections)
          continue;
      }
      return &R;
    }
    if (R.Function.empty() || isa<CXXMemberCallExpr>(E))
      continue;
    const auto *Call = dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (Callee && ArrayModel::isNamed(Callee, R.Function) &&
        Model.isFromLibrary(Callee, Library))
      return &R;
  }
  return nullptr;
}

// The reorderings of \p Dest that \p E reads element-wise. \p Computed is
// set when an operand is a computed expression other than a generator
// (a product, an inverse): the library may then evaluate into a temporary
// first.
static void findReorderedReads(const Expr *E, const ValueDecl *Dest,
                               const LibraryModel &Library,
                               const ArrayModel &Model,
                               llvm::SmallVectorImpl<ReorderedRead> &Reads,
                               bool &Computed, unsigned Depth = 0) {
  E = strip(E);
  if (!E || Depth > 32 || E->isInstantiationDependent())
    return;
  if (const ReorderingExpression *R = reorderingOf(E, Dest, Library, Model)) {
    Reads.push_back({R, E});
    return;
  }
  bool Evaluating = false;
  if (Model.expressionLibraryOf(E->getType(), &Evaluating) == &Library &&
      Evaluating &&
      !Model.isValueClass(E->getType(), Library.Values->Generators, Library))
    Computed = true;
  if (!Model.isValueClass(E->getType(), Library.Values->ElementWise, Library))
    return;
  for (const Expr *Operand : operandsOf(E))
    findReorderedReads(Operand, Dest, Library, Model, Reads, Computed,
                       Depth + 1);
}

// "" when \p T's compile-time extents make the claim certain, nullopt when
// they rule it out, otherwise the condition the claim needs.
static std::optional<std::string>
extentCondition(QualType T, const TypeTraitNames &Traits, bool NeedRows,
                bool NeedCols, llvm::StringRef Name) {
  auto Extent = [&](llvm::StringRef Member) {
    return ArrayModel::traitConstant(T, Member);
  };
  llvm::SmallVector<std::string, 2> Unknown;
  auto Need = [&](llvm::StringRef Member, const char *What) {
    std::optional<int64_t> N = Extent(Member);
    if (N && *N != Traits.Dynamic && *N <= 1)
      return false;
    if (!N || *N == Traits.Dynamic)
      Unknown.push_back(std::string("more than one ") + What);
    return true;
  };
  if (NeedRows && !Need(Traits.Rows, "row"))
    return std::nullopt;
  if (NeedCols && !Need(Traits.Cols, "column"))
    return std::nullopt;
  if (Unknown.empty())
    return std::string();
  std::string Condition = " when '" + Name.str() + "' has " + Unknown[0];
  if (Unknown.size() > 1)
    Condition += " and " + Unknown[1];
  return Condition;
}

// Whether \p Assign stands alone as a statement: `a = a.transpose();`.
static bool isStatement(const Expr *Assign, const ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  std::optional<Token> Next =
      Lexer::findNextToken(Assign->getEndLoc(), SM, LO);
  if (!Next || !Next->is(tok::semi))
    return false;
  // What precedes, after white space, must end a statement or open a
  // block; anything else (`b = a = ...`, `(void)(a = ...)`, a comment) and
  // no fix-it is offered.
  std::pair<FileID, unsigned> Begin =
      SM.getDecomposedLoc(Assign->getBeginLoc());
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(Begin.first, &Invalid);
  if (Invalid || Begin.second > Buffer.size())
    return false;
  llvm::StringRef Before = Buffer.take_front(Begin.second).rtrim();
  // Line comments above the statement.
  for (unsigned Lines = 0; Lines < 32; ++Lines) {
    size_t LineStart = Before.rfind('\n') + 1; // 0 when there is none
    size_t Comment = Before.find("//", LineStart);
    if (Comment == llvm::StringRef::npos)
      break;
    Before = Before.take_front(Comment).rtrim();
  }
  return !Before.empty() &&
         llvm::is_contained(llvm::StringRef(";{}"), Before.back());
}

// Whether the library's debug-build aliasing assertion sees \p Read in the
// right side \p Value: Eigen's inspects the right side and the operands of
// a binary expression at its top (measured: `a = a.transpose()`,
// `a = a + a.transpose()`, `a -= 0.5 * a.transpose()` abort), not a
// transpose under a unary expression (`a = a.transpose().cwiseAbs()` is
// wrong without an abort).
static bool assertionSees(const Expr *Value, const Expr *Read) {
  if (Value == Read)
    return true;
  llvm::SmallVector<const Expr *, 3> Operands = operandsOf(Value);
  return Operands.size() == 2 &&
         llvm::any_of(Operands, [&](const Expr *Operand) {
           return strip(Operand) == Read;
         });
}

static std::string name(const ValueDecl *D) {
  return D->getName().str();
}

void AliasingCheck::check(const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  const ASTContext &Context = *Result.Context;
  const auto *Assign = Result.Nodes.getNodeAs<CXXOperatorCallExpr>("assign");
  if (!Assign || Assign->getNumArgs() != 2 ||
      Assign->isInstantiationDependent() || Assign->containsErrors() ||
      Model.isInLibraryHeaders(Assign->getBeginLoc(), SM))
    return;
  const bool PlainAssign = Assign->getOperator() == OO_Equal;

  // The destination, through a no-alias wrapper (`a.noalias()`,
  // `xt::noalias(a)`) if any.
  const Expr *Target = strip(Assign->getArg(0));
  const CallExpr *Wrapper = nullptr;
  const Expr *DestExpr = Target;
  const LibraryModel *Library = nullptr;
  for (const LibraryModel *L : Model.libraries())
    if (L->Values &&
        Model.isValueClass(Target->getType(), L->Values->NoAliasWrappers, *L)) {
      Wrapper = dyn_cast<CallExpr>(Target);
      llvm::SmallVector<const Expr *, 3> Operands =
          Wrapper ? operandsOf(Wrapper) : llvm::SmallVector<const Expr *, 3>();
      if (Operands.size() != 1)
        return;
      DestExpr = Operands[0];
      Library = L;
    }
  if (Wrapper && !PlainAssign)
    return;
  const ValueDecl *Dest = objectOf(DestExpr);
  if (!Dest)
    return;
  const LibraryModel *StorageLibrary =
      Model.storageClassOf(strip(DestExpr)->getType()).first;
  if (!StorageLibrary || (Library && Library != StorageLibrary))
    return;
  Library = StorageLibrary;
  const ValueTypeTable &Types = *Library->Values;
  if (!Wrapper && Types.AssignmentEvaluatesFirst)
    return;
  const QualType DestType = strip(DestExpr)->getType();
  const std::string Name = name(Dest);
  const Expr *Value = strip(Assign->getArg(1));
  // Where the user spelled it: a macro's use, not its definition.
  SourceLocation Loc = SM.getExpansionLoc(Assign->getBeginLoc());

  // A product writing straight into an operand of its own.
  if (Wrapper && Model.isValueClass(Value->getType(), Types.Products,
                                    *Library)) {
    llvm::SmallVector<const Expr *, 3> Operands = operandsOf(Value);
    if (Operands.size() != 2)
      return;
    bool Left = objectOf(Operands[0]) == Dest;
    bool Right = objectOf(Operands[1]) == Dest;
    if (!Left && !Right)
      return;
    // Each output element reads a row of the left factor and a column of
    // the right one: the first element written is read again for another
    // output element once the destination, as the left factor, has more
    // than one column (as the right factor, more than one row).
    std::optional<std::string> Condition = extentCondition(
        DestType, Types.Traits, /*NeedRows=*/!Left, /*NeedCols=*/Left, Name);
    if (!Condition)
      return;
    auto Diag = diag(Loc, "the product writes into '%0' while it still reads "
                          "'%0' as its %1 factor, although the no-alias "
                          "assignment promises it does not: wrong "
                          "result%2, which no assertion catches")
                << Name << (Left ? "left" : "right") << *Condition
                << Assign->getSourceRange();
    // A plain assignment evaluates the product into a temporary first.
    if (std::optional<FixItHint> Fix =
            utils::replaceCallBySource(Wrapper, DestExpr, Context))
      Diag << *Fix;
    return;
  }

  llvm::SmallVector<ReorderedRead, 2> Reads;
  bool Computed = false;
  findReorderedReads(Value, Dest, *Library, Model, Reads, Computed);
  if (Reads.empty() || Computed)
    return;
  const ReorderedRead &Read = Reads.front();
  const ReorderingExpression &R = *Read.Reordering;
  std::optional<std::string> Condition;
  const char *Kind = "";
  if (R.Kind == ReorderKind::Transpose) {
    Kind = "transpose";
    if (Types.Traits.Rows.empty())
      // No compile-time extents: a transpose is the identity on elements
      // unless two axes are longer than 1.
      Condition = " when '" + Name + "' has two or more axes longer than 1";
    else {
      // One extent fixed, the other not: only the square shape fits, any
      // other stops on a resize assertion rather than the aliasing one.
      auto Fixed = [&](llvm::StringRef Member) {
        std::optional<int64_t> N = ArrayModel::traitConstant(DestType, Member);
        return N && *N != Types.Traits.Dynamic;
      };
      if (Fixed(Types.Traits.Rows) != Fixed(Types.Traits.Cols))
        return;
      Condition = extentCondition(DestType, Types.Traits, true, true, Name);
    }
  } else {
    Kind = "reverse";
    std::optional<int64_t> Size =
        ArrayModel::traitConstant(DestType, Types.Traits.Size);
    if (Size && *Size != Types.Traits.Dynamic && *Size <= 1)
      return;
    // Reversed packets are read whole: a vector that fits in one SIMD
    // packet comes out right.
    Condition = " when '" + Name + "' has more elements than one SIMD "
                "packet holds";
  }
  if (!Condition)
    return;
  std::string Message = "assignment to '%0' reads the %1 of '%0' after "
                        "overwriting some of its elements: wrong result%2";
  if (!R.DebugAssertion)
    Message += ", which no assertion catches";
  else if (assertionSees(Value, Read.Node))
    Message += "; debug builds abort on the library's aliasing assertion";
  auto Diag = diag(Loc, Message) << Name << Kind << *Condition
                                 << Read.Node->getSourceRange();
  if (Wrapper) {
    // Without the promise the library evaluates into a temporary first.
    if (Types.AssignmentEvaluatesFirst)
      if (std::optional<FixItHint> Fix =
              utils::replaceCallBySource(Wrapper, DestExpr, Context))
        Diag << *Fix;
    return;
  }
  // `a = a.transpose();` exactly: the in-place member does the same.
  if (PlainAssign && !R.InPlace.empty() && Read.Node == Value &&
      isa<CXXMemberCallExpr>(Value) && utils::isFixable(Assign, Context) &&
      isStatement(Assign, Context)) {
    llvm::StringRef Text = Lexer::getSourceText(
        CharSourceRange::getTokenRange(DestExpr->getSourceRange()), SM,
        Context.getLangOpts());
    if (!Text.empty() && utils::isFixable(DestExpr, Context))
      Diag << FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Assign->getSourceRange()),
          Text.str() + "." + R.InPlace.str() + "()");
  }
}

} // namespace clang::tidy::ndarray
