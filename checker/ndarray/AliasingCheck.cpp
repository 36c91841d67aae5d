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
/// Which axes a reverse reverses: all, or one (the order of the rows or of
/// the columns).
enum class ReversedAxes { All, RowOrder, ColumnOrder };

/// A place where the right side reads the destination in another order.
struct ReorderedRead {
  const ReorderingExpression *Reordering = nullptr;
  const Expr *Node = nullptr;
  ReversedAxes Axes = ReversedAxes::All;
};
} // namespace

// The object that \p E, a call of a member of \p Library returning one of
// its proxies (`a.colwise()`), refers to; null otherwise.
static const Expr *proxiedObject(const Expr *E, const LibraryModel &Library,
                                 const ArrayModel &Model) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(strip(E));
  if (!Call || Call->getNumArgs() != 0 || !Call->getMethodDecl() ||
      !Model.isFromLibrary(Call->getMethodDecl(), Library) ||
      !Model.isValueClass(Call->getType(), Library.Values->Proxies, Library))
    return nullptr;
  return Call->getImplicitObjectArgument();
}

// Whether \p E is a reordering of \p Library that reads \p Dest alone.
// \p Axes is set to the axes a reverse reverses: all, or, reached through
// a proxy of \p Dest (`a.colwise().reverse()`), one.
static const ReorderingExpression *
reorderingOf(const Expr *E, const ValueDecl *Dest, const LibraryModel &Library,
             const ArrayModel &Model, ReversedAxes &Axes) {
  llvm::SmallVector<const Expr *, 3> Operands = operandsOf(E);
  if (Operands.size() != 1)
    return nullptr;
  const Expr *Proxied = proxiedObject(Operands[0], Library, Model);
  if (objectOf(Proxied ? Proxied : Operands[0]) != Dest)
    return nullptr;
  Axes = ReversedAxes::All;
  for (const ReorderingExpression &R : Library.Values->Reorderings) {
    if (!R.Class.empty()) {
      if (!Model.isValueClass(E->getType(), R.Class, Library))
        continue;
      if (R.DirectionArgument < 0) {
        if (Proxied)
          continue;
        return &R;
      }
      // The axes, named by the expression's direction argument: all of
      // them directly, one through a proxy.
      const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          E->getType()->getAsCXXRecordDecl());
      if (!Spec ||
          Spec->getTemplateArgs().size() <= unsigned(R.DirectionArgument))
        continue;
      const TemplateArgument &Arg =
          Spec->getTemplateArgs()[R.DirectionArgument];
      if (Arg.getKind() != TemplateArgument::Integral)
        continue;
      const int64_t Direction = Arg.getAsIntegral().getExtValue();
      if (!Proxied && Direction == R.AllDirections)
        Axes = ReversedAxes::All;
      else if (Proxied && R.RowOrderDirection >= 0 &&
               Direction == R.RowOrderDirection)
        Axes = ReversedAxes::RowOrder;
      else if (Proxied && R.ColumnOrderDirection >= 0 &&
               Direction == R.ColumnOrderDirection)
        Axes = ReversedAxes::ColumnOrder;
      else
        continue;
      return &R;
    }
    if (Proxied || R.Function.empty() || isa<CXXMemberCallExpr>(E))
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
  ReversedAxes Axes = ReversedAxes::All;
  if (const ReorderingExpression *R =
          reorderingOf(E, Dest, Library, Model, Axes)) {
    Reads.push_back({R, E, Axes});
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

// " when 'a' has <first> and <second>", or "" when \p Parts is empty.
static std::string hasCondition(llvm::StringRef Name,
                                llvm::ArrayRef<std::string> Parts) {
  if (Parts.empty())
    return std::string();
  std::string Condition = " when '" + Name.str() + "' has " + Parts[0];
  for (const std::string &Part : Parts.drop_front())
    Condition += " and " + Part;
  return Condition;
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
  return hasCondition(Name, Unknown);
}

// The condition under which assigning the reverse of one axis of an object
// of type \p T to itself is wrong ("" when certain, nullopt when never):
// \p Rows when the order of the rows is reversed (each column). The
// assignment runs through the destination in storage order, in operations
// of one element or one SIMD packet of consecutive elements of one outer
// slice; each reads its source before writing. Two entries swapped by the
// reverse that are written by different operations come out wrong: the
// first overwrites what the second reads. Reversed along the outer axis,
// two swapped entries are in different outer slices, so different
// operations: wrong with two or more entries on that axis. Along the inner
// axis, the first and the last entry of a slice are in one operation only
// if it covers the whole slice, which one packet (a power of two) can do
// only for an even length no longer than one packet.
static std::optional<std::string>
oneAxisReverseCondition(QualType T, const TypeTraitNames &Traits, bool Rows,
                        llvm::StringRef Name) {
  std::optional<int64_t> Order = ArrayModel::traitConstant(T, Traits.RowMajor);
  if (!Order || Traits.Rows.empty() || Traits.Cols.empty())
    return std::nullopt;
  const bool Inner = Rows != (*Order != 0);
  auto Fixed = [&](llvm::StringRef Member) -> std::optional<int64_t> {
    std::optional<int64_t> N = ArrayModel::traitConstant(T, Member);
    if (!N || *N == Traits.Dynamic)
      return std::nullopt;
    return N;
  };
  const std::optional<int64_t> Length = Fixed(Rows ? Traits.Rows : Traits.Cols);
  const std::optional<int64_t> Other = Fixed(Rows ? Traits.Cols : Traits.Rows);
  if ((Length && *Length <= 1) || (Other && *Other <= 0))
    return std::nullopt;
  const std::string Axis = Rows ? "row" : "column";
  llvm::SmallVector<std::string, 2> Parts;
  if (!Inner) {
    if (!Length)
      Parts.push_back("more than one " + Axis);
  } else if (!Length || *Length % 2 == 0) {
    Parts.push_back("more " + Axis + "s than one SIMD packet holds");
  }
  // An empty object has nothing to get wrong.
  if (!Other)
    Parts.push_back(std::string("at least one ") + (Rows ? "column" : "row"));
  return hasCondition(Name, Parts);
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

/// The part of a storage object that a region accessor call designates:
/// rows [Row, Row + Rows) and columns [Col, Col + Cols); a vector's part
/// lies along its one axis (Row, Rows).
struct AccessedRegion {
  const ValueDecl *Object = nullptr;
  QualType ObjectType;
  const LibraryModel *Library = nullptr;
  bool Vector = false;
  int64_t Row = 0, Col = 0, Rows = 1, Cols = 1;
};

// \p E as a call of a region accessor of its library on a variable (or a
// field of `this`), with every position spelled as an integer constant.
static std::optional<AccessedRegion>
regionOf(const Expr *E, const ArrayModel &Model, const ASTContext &Context) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(strip(E));
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier())
    return std::nullopt;
  AccessedRegion R;
  R.Object = objectOf(Call->getImplicitObjectArgument());
  if (!R.Object)
    return std::nullopt;
  R.ObjectType = strip(Call->getImplicitObjectArgument())->getType();
  R.Library = Model.storageClassOf(R.ObjectType).first;
  if (!R.Library || !R.Library->Values ||
      !Model.isFromLibrary(Method, *R.Library))
    return std::nullopt;
  const auto *Accessor =
      llvm::find_if(R.Library->Values->Regions, [&](const RegionAccessor &A) {
        return A.Name == Method->getName();
      });
  if (Accessor == R.Library->Values->Regions.end())
    return std::nullopt;
  llvm::SmallVector<int64_t, 4> Args;
  for (const Expr *Arg : Call->arguments()) {
    Expr::EvalResult Value;
    if (isa<CXXDefaultArgExpr>(Arg) || Arg->isValueDependent() ||
        !Arg->getType()->isIntegralOrEnumerationType() ||
        !Arg->EvaluateAsInt(Value, Context) ||
        Value.Val.getInt().isNegative() ||
        !Value.Val.getInt().isSignedIntN(48))
      return std::nullopt;
    Args.push_back(Value.Val.getInt().getExtValue());
  }
  // The fixed-size forms (`segment<3>(i)`, `head<3>()`) spell fewer
  // arguments than the spelling lists.
  switch (Accessor->Spelling) {
  case RegionSpelling::StartLength:
    if (Args.size() != 2)
      return std::nullopt;
    R.Vector = true;
    R.Row = Args[0];
    R.Rows = Args[1];
    break;
  case RegionSpelling::Head:
  case RegionSpelling::Tail:
    if (Args.size() != 1)
      return std::nullopt;
    R.Vector = true;
    R.Rows = Args[0];
    if (Accessor->Spelling == RegionSpelling::Tail) {
      std::optional<int64_t> Size = ArrayModel::traitConstant(
          R.ObjectType, R.Library->Values->Traits.Size);
      if (!Size || *Size == R.Library->Values->Traits.Dynamic ||
          *Size < R.Rows)
        return std::nullopt;
      R.Row = *Size - R.Rows;
    }
    break;
  case RegionSpelling::RowColExtents:
    if (Args.size() != 4)
      return std::nullopt;
    R.Row = Args[0];
    R.Col = Args[1];
    R.Rows = Args[2];
    R.Cols = Args[3];
    break;
  }
  if (R.Rows <= 0 || R.Cols <= 0)
    return std::nullopt;
  return R;
}

void AliasingCheck::checkOverlap(const CXXOperatorCallExpr *Assign,
                                 const AccessedRegion &Dst,
                                 const ASTContext &Context) {
  std::optional<AccessedRegion> Src =
      regionOf(Assign->getArg(1), Model, Context);
  if (!Src || Src->Object != Dst.Object || Src->Vector != Dst.Vector ||
      Src->Rows != Dst.Rows || Src->Cols != Dst.Cols)
    return;
  const int64_t DRow = Dst.Row - Src->Row, DCol = Dst.Col - Src->Col;
  // Disjoint parts, or the same part (each element is read where it is
  // written).
  if (std::abs(DRow) >= Dst.Rows || std::abs(DCol) >= Dst.Cols ||
      (DRow == 0 && DCol == 0))
    return;
  const TypeTraitNames &Traits = Dst.Library->Values->Traits;
  bool RowMajor = false;
  if (!Dst.Vector) {
    std::optional<int64_t> Order =
        ArrayModel::traitConstant(Dst.ObjectType, Traits.RowMajor);
    if (!Order)
      return;
    RowMajor = *Order != 0;
  }
  // The assignment runs through the destination in storage order: outer
  // slices (columns of a column-major matrix) one after the other, each
  // from its start. It reads a source element after writing it when the
  // destination starts later in that order; when it starts earlier, every
  // element is read before it is written (measured right).
  const int64_t Outer = RowMajor ? DRow : DCol, Inner = RowMajor ? DCol : DRow;
  if (Outer < 0 || (Outer == 0 && Inner < 0))
    return;
  // A shift within the same slices: a slice copied as one SIMD packet is
  // read whole before it is written (measured right for slices of exactly
  // one packet); any longer slice is wrong. A shift across slices reads a
  // slice written earlier: wrong whatever the packets.
  std::string Condition;
  if (Outer == 0)
    Condition = Dst.Vector ? " when the blocks have more elements than one "
                             "SIMD packet holds"
                           : std::string(" when the blocks' ") +
                                 (RowMajor ? "rows" : "columns") +
                                 " have more elements than one SIMD packet "
                                 "holds";
  const SourceManager &SM = Context.getSourceManager();
  const Expr *Read = strip(Assign->getArg(1));
  auto Diag = diag(SM.getExpansionLoc(Assign->getBeginLoc()),
                   "assignment to a block of '%0' reads an overlapping block "
                   "of '%0' after overwriting some of its elements: wrong "
                   "result%1, which no assertion catches")
              << name(Dst.Object) << Condition << Read->getSourceRange();
  // Evaluating the source into a temporary first is right for any overlap.
  const auto *Evaluator = llvm::find_if(
      Dst.Library->Values->Evaluators,
      [](const EvaluatorCall &C) { return C.IsMember; });
  if (Evaluator != Dst.Library->Values->Evaluators.end() &&
      utils::isFixable(Assign, Context))
    Diag << FixItHint::CreateInsertion(
        Lexer::getLocForEndOfToken(Read->getEndLoc(), 0, SM,
                                   Context.getLangOpts()),
        "." + Evaluator->Name.str() + "()");
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
  // A part of an object assigned from another part of it:
  // `v.tail(3) = v.head(3)`.
  if (std::optional<AccessedRegion> Dst = regionOf(Target, Model, Context)) {
    checkOverlap(Assign, *Dst, Context);
    return;
  }
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
  } else if (Read.Axes != ReversedAxes::All) {
    const bool Rows = Read.Axes == ReversedAxes::RowOrder;
    Kind = Rows ? "column-wise reverse" : "row-wise reverse";
    Condition = oneAxisReverseCondition(DestType, Types.Traits, Rows, Name);
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
  // `a = a.transpose();` exactly: the in-place member does the same;
  // `a = a.colwise().reverse();`: the proxy's in-place member.
  if (PlainAssign && !R.InPlace.empty() && Read.Node == Value &&
      isa<CXXMemberCallExpr>(Value) && utils::isFixable(Assign, Context) &&
      isStatement(Assign, Context)) {
    const Expr *Object =
        Read.Axes == ReversedAxes::All
            ? DestExpr
            : cast<CXXMemberCallExpr>(Value)->getImplicitObjectArgument();
    llvm::StringRef Text = Lexer::getSourceText(
        CharSourceRange::getTokenRange(Object->getSourceRange()), SM,
        Context.getLangOpts());
    if (!Text.empty() && utils::isFixable(Object, Context))
      Diag << FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Assign->getSourceRange()),
          Text.str() + "." + R.InPlace.str() + "()");
  }
}

} // namespace clang::tidy::ndarray
