//===--- ArrayModel.cpp - classify calls into an array library ------------===//

#include "model/ArrayModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

using namespace clang::ast_matchers;

namespace clang::tidy::ndarray {

std::string ArrayOperation::spelling() const {
  if (!Api)
    return "<unknown>";
  std::string Text;
  if (!Api->IsMember)
    Text = "nd::";
  Text += Api->Name.str();
  if (!Api->Name.starts_with("operator"))
    Text += "()";
  return Text;
}

bool ArrayModel::isNamed(const NamedDecl *D, llvm::StringRef Qualified) {
  if (!D || !Qualified.consume_front("::"))
    return false;
  auto Slow = [&] { return D->getQualifiedNameAsString() == Qualified; };
  // Match components from the right while the contexts are plain named
  // namespaces and non-template classes; anything the printer spells
  // differently (inline or anonymous namespaces, template arguments,
  // linkage specifications, local classes) takes the slow path.
  llvm::StringRef Rest = Qualified;
  const NamedDecl *Cur = D;
  while (true) {
    if (!Cur->getIdentifier())
      return Slow();
    size_t Sep = Rest.rfind("::");
    llvm::StringRef Last =
        Sep == llvm::StringRef::npos ? Rest : Rest.substr(Sep + 2);
    if (Cur->getName() != Last)
      return false; // the printed name ends with this identifier
    const DeclContext *DC = Cur->getDeclContext();
    if (isa<TranslationUnitDecl>(DC))
      return Sep == llvm::StringRef::npos;
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    const auto *RD = dyn_cast<CXXRecordDecl>(DC);
    if ((NS && NS->isInline()) || (!NS && !RD) ||
        isa_and_nonnull<ClassTemplateSpecializationDecl>(RD))
      return Slow();
    if (Sep == llvm::StringRef::npos)
      return false;
    Rest = Rest.substr(0, Sep);
    Cur = cast<NamedDecl>(DC);
  }
}

// Whether the path \p Name has a directory component spelled \p Dir.
static bool underDirectory(llvm::StringRef Name, llvm::StringRef Dir) {
  std::string Path = "/" + Name.str();
  std::replace(Path.begin(), Path.end(), '\\', '/');
  return Path.find("/" + Dir.str() + "/") != std::string::npos;
}

bool ArrayModel::isFromLibrary(const Decl *D) const {
  if (!D)
    return false;
  if (Library.HeaderDirectories.empty())
    return true;
  const SourceManager &SM = D->getASTContext().getSourceManager();
  if (LibraryFilesOf != &SM) { // a new translation unit
    LibraryDecls.clear();
    LibraryFiles.clear();
    LibraryFilesOf = &SM;
  }
  auto [Known, IsNewDecl] = LibraryDecls.try_emplace(D, false);
  if (!IsNewDecl)
    return Known->second;
  // An instantiation is declared where its pattern is.
  const Decl *Pattern = D;
  if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
    if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
      Pattern = P;
  } else if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
    if (const CXXRecordDecl *P = RD->getTemplateInstantiationPattern())
      Pattern = P;
  }
  bool FromLibrary = false;
  FileID File = SM.getFileID(SM.getFileLoc(Pattern->getLocation()));
  if (File.isValid()) {
    auto [It, IsNewFile] = LibraryFiles.try_emplace(File, false);
    if (IsNewFile) {
      if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File))
        It->second =
            llvm::any_of(Library.HeaderDirectories, [&](llvm::StringRef Dir) {
              return underDirectory(Entry->getName(), Dir);
            });
    }
    FromLibrary = It->second;
  }
  // LibraryFiles may have grown, LibraryDecls did not: Known is valid.
  Known->second = FromLibrary;
  return FromLibrary;
}

bool ArrayModel::isLibraryDecl(const Decl *D) const {
  if (!D)
    return false;
  bool InNamespace = false;
  for (const DeclContext *DC = D->getDeclContext(); DC && !InNamespace;
       DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      InNamespace = isNamed(NS, Library.Namespace);
  return InNamespace && isFromLibrary(D);
}

bool ArrayModel::isArrayRecord(const CXXRecordDecl *RD) const {
  return RD && isNamed(RD, Library.ArrayClass) && isFromLibrary(RD);
}

StatementMatcher ArrayModel::callMatcher(llvm::StringRef CallId) const {
  std::vector<std::string> QualifiedFree;
  std::vector<llvm::StringRef> MemberNames, FreeNames;
  for (const ArrayApiEntry &Api : Library.Api)
    if (Api.IsMember)
      MemberNames.push_back(Api.Name);
    else
      QualifiedFree.push_back((Library.Namespace + "::" + Api.Name).str());
  // hasAnyName copies the names, so these may be temporaries.
  FreeNames.assign(QualifiedFree.begin(), QualifiedFree.end());
  auto ArrayRecord = cxxRecordDecl(hasName(Library.ArrayClass));
  auto ArrayExpr = expr(hasType(
      hasUnqualifiedDesugaredType(recordType(hasDeclaration(ArrayRecord)))));
  auto MemberCall = cxxMemberCallExpr(
      on(ArrayExpr), callee(cxxMethodDecl(hasAnyName(MemberNames))));
  auto OperatorCall =
      cxxOperatorCallExpr(hasArgument(0, ArrayExpr),
                          callee(cxxMethodDecl(hasAnyName(MemberNames))));
  auto FreeCall = callExpr(callee(functionDecl(hasAnyName(FreeNames))),
                           unless(cxxMemberCallExpr()));
  return callExpr(anyOf(MemberCall, OperatorCall, FreeCall)).bind(CallId);
}

const Expr *ArrayModel::ignoreHandleCopies(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Next)) {
      // A copy or move of the handle still denotes the same array.
      if (Construct->getNumArgs() == 1 &&
          Construct->getConstructor()->isCopyOrMoveConstructor())
        Next = Construct->getArg(0);
    }
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

std::optional<MemoryOrder> ArrayModel::resolveOrder(const CallExpr *Call,
                                                    const ArrayApiEntry &Api,
                                                    unsigned FirstArg) const {
  if (Api.OrderParam < 0)
    return Api.FixedOrder;
  unsigned Index = FirstArg + static_cast<unsigned>(Api.OrderParam);
  if (Index >= Call->getNumArgs())
    return Api.FixedOrder;
  const Expr *Arg = Call->getArg(Index);
  // A defaulted argument: the header's default is the truth.
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(Arg->IgnoreImplicit()))
    Arg = Default->getExpr();
  const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
  if (!Ref)
    return std::nullopt;
  const auto *Enumerator = dyn_cast<EnumConstantDecl>(Ref->getDecl());
  if (!Enumerator)
    return std::nullopt;
  const auto *Enum = dyn_cast<EnumDecl>(Enumerator->getDeclContext());
  if (!Enum || !isNamed(Enum, Library.OrderEnum))
    return std::nullopt;
  for (unsigned I = 0; I < 4; ++I)
    if (Enumerator->getName() == Library.OrderEnumerators[I])
      return static_cast<MemoryOrder>(I);
  return std::nullopt;
}

std::optional<ArrayOperation> ArrayModel::classify(const Expr *E) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(ignoreHandleCopies(E));
  if (!Call)
    return std::nullopt;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return std::nullopt;

  ArrayOperation Op;
  Op.Call = Call;
  unsigned FirstArg = 0;
  bool IsMember = false;
  if (const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(Call)) {
    IsMember = true;
    Op.Source = MemberCall->getImplicitObjectArgument();
    if (const auto *Member =
            dyn_cast<MemberExpr>(MemberCall->getCallee()->IgnoreParens()))
      Op.NameLoc = Member->getMemberLoc();
  } else if (const auto *OpCall = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (!isa<CXXMethodDecl>(Callee) || OpCall->getNumArgs() == 0)
      return std::nullopt;
    IsMember = true;
    Op.Source = OpCall->getArg(0);
    FirstArg = 1;
    Op.NameLoc = OpCall->getOperatorLoc();
  } else {
    const auto *NS = dyn_cast<NamespaceDecl>(Callee->getDeclContext());
    if (!NS || !isNamed(NS, Library.Namespace) || !isFromLibrary(Callee))
      return std::nullopt;
    Op.NameLoc = Call->getCallee()->IgnoreImplicit()->getExprLoc();
  }
  if (IsMember) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    if (!Method || !isArrayType(Op.Source->getType()))
      return std::nullopt;
  }

  std::string Name = Callee->getNameAsString();
  bool ReturnsArray = isArrayType(Call->getType());
  for (const ArrayApiEntry &Api : Library.Api) {
    if (Api.IsMember != IsMember || Api.Name != Name)
      continue;
    // Element access and fill() return no array; every other entry does.
    const bool ReturnsNoArray =
        Api.Kind == ArrayOpKind::ElementAccess || Api.Kind == ArrayOpKind::Fill;
    if (ReturnsNoArray == ReturnsArray)
      continue;
    if (!IsMember && Api.Kind != ArrayOpKind::Create) {
      // concatenate() takes a list of arrays: it has no single source.
      if (Call->getNumArgs() > 0 && isArrayType(Call->getArg(0)->getType()))
        Op.Source = Call->getArg(0);
      else if (Api.Shape != ResultShape::Other)
        continue;
    }
    Op.Api = &Api;
    Op.FirstArg = FirstArg;
    Op.Order = resolveOrder(Call, Api, FirstArg);
    return Op;
  }
  return std::nullopt;
}

FreshLayout ArrayModel::copyResultLayout(const ArrayOperation &Op) const {
  if (!Op.Api || Op.Api->Kind != ArrayOpKind::Copy)
    return FreshLayout::Unknown;
  if (Op.Api->Shape == ResultShape::Flat)
    return FreshLayout::Flat;
  // Follows the inputs' layouts, which this function does not track.
  if (Op.Api->Layout == ResultLayout::FollowsInputs)
    return FreshLayout::Unknown;
  if (!Op.Order)
    return FreshLayout::Unknown;
  switch (*Op.Order) {
  case MemoryOrder::C:
    return FreshLayout::C;
  case MemoryOrder::F:
    return FreshLayout::F;
  case MemoryOrder::A:
  case MemoryOrder::K:
    // Follows the source's layout, which this function does not track.
    return FreshLayout::Unknown;
  }
  return FreshLayout::Unknown;
}

bool ArrayModel::isArrayType(QualType T) const {
  return isArrayRecord(T.getNonReferenceType()->getAsCXXRecordDecl());
}

uint64_t ArrayModel::elementSize(QualType T, const ASTContext &Context) const {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() < 1)
    return 0;
  const TemplateArgument &Arg = Spec->getTemplateArgs()[0];
  if (Arg.getKind() != TemplateArgument::Type ||
      Arg.getAsType()->isDependentType() || Arg.getAsType()->isIncompleteType())
    return 0;
  return Context.getTypeSizeInChars(Arg.getAsType()).getQuantity();
}

// The argument for parameter \p Param, null when absent or defaulted.
const Expr *ArrayModel::argument(const ArrayOperation &Op, int Param) const {
  if (Param < 0)
    return nullptr;
  unsigned Index = Op.FirstArg + static_cast<unsigned>(Param);
  if (Index >= Op.Call->getNumArgs())
    return nullptr;
  const Expr *Arg = Op.Call->getArg(Index);
  if (isa<CXXDefaultArgExpr>(Arg->IgnoreImplicit()))
    return nullptr;
  return Arg;
}

unsigned ArrayModel::explicitArgumentCount(const ArrayOperation &Op) const {
  unsigned Count = 0;
  for (unsigned I = Op.FirstArg; I < Op.Call->getNumArgs(); ++I)
    if (!isa<CXXDefaultArgExpr>(Op.Call->getArg(I)->IgnoreImplicit()))
      ++Count;
  return Count;
}

static std::optional<int64_t> constantInteger(const Expr *E,
                                              const ASTContext &Context) {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  E = E->IgnoreImplicit();
  // dims(I value), slice_bound(I value): a converting constructor.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() == 1)
      E = Construct->getArg(0)->IgnoreImplicit();
  if (!E->getType()->isIntegralOrEnumerationType())
    return std::nullopt;
  Expr::EvalResult Result;
  if (!E->EvaluateAsInt(Result, Context))
    return std::nullopt;
  return Result.Val.getInt().getExtValue();
}

std::optional<int64_t>
ArrayModel::integerArgument(const ArrayOperation &Op, unsigned Param,
                            const ASTContext &Context) const {
  return constantInteger(argument(Op, static_cast<int>(Param)), Context);
}

// The elements of a braced list argument: `{1, 2}` converted to a class
// through std::initializer_list, or a bare InitListExpr.
static const InitListExpr *bracedList(const Expr *E) {
  E = E->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() != 1)
      return nullptr;
    E = Construct->getArg(0)->IgnoreImplicit();
  }
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(E))
    E = List->getSubExpr()->IgnoreImplicit();
  return dyn_cast<InitListExpr>(E);
}

std::optional<llvm::SmallVector<std::optional<int64_t>, 4>>
ArrayModel::literalShape(const ArrayOperation &Op,
                         const ASTContext &Context) const {
  const Expr *Arg = argument(Op, Op.Api->ShapeParam);
  if (!Arg)
    return std::nullopt;
  llvm::SmallVector<std::optional<int64_t>, 4> Extents;
  if (const InitListExpr *List = bracedList(Arg)) {
    for (const Expr *Init : List->inits())
      Extents.push_back(constantInteger(Init, Context));
    return Extents;
  }
  // One integer: a 1-D shape (`reshape(-1)`, `arange(10)`).
  const Expr *Inner = Arg->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Inner))
    if (Construct->getNumArgs() == 1)
      Inner = Construct->getArg(0)->IgnoreImplicit();
  if (Inner->getType()->isIntegralOrEnumerationType()) {
    Extents.push_back(constantInteger(Inner, Context));
    return Extents;
  }
  return std::nullopt;
}

std::optional<llvm::SmallVector<const Expr *, 4>>
ArrayModel::inputArrays(const ArrayOperation &Op) const {
  const Expr *Arg = Op.Api ? argument(Op, Op.Api->InputsParam) : nullptr;
  if (!Arg)
    return std::nullopt;
  const InitListExpr *List = bracedList(Arg);
  if (!List)
    return std::nullopt;
  llvm::SmallVector<const Expr *, 4> Inputs;
  for (const Expr *Init : List->inits()) {
    if (!isArrayType(Init->getType()))
      return std::nullopt;
    Inputs.push_back(Init);
  }
  return Inputs;
}

std::optional<int64_t>
ArrayModel::axisArgument(const ArrayOperation &Op,
                         const ASTContext &Context) const {
  if (!Op.Api || Op.Api->AxisParam < 0)
    return std::nullopt;
  unsigned Index = Op.FirstArg + static_cast<unsigned>(Op.Api->AxisParam);
  if (Index >= Op.Call->getNumArgs())
    return std::nullopt;
  const Expr *Arg = Op.Call->getArg(Index);
  // A defaulted argument: the header's default is the truth.
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(Arg->IgnoreImplicit()))
    Arg = Default->getExpr();
  return constantInteger(Arg, Context);
}

std::optional<llvm::SmallVector<int64_t, 4>>
ArrayModel::literalAxes(const ArrayOperation &Op,
                        const ASTContext &Context) const {
  if (explicitArgumentCount(Op) != 1)
    return std::nullopt;
  const InitListExpr *List = bracedList(Op.Call->getArg(Op.FirstArg));
  if (!List)
    return std::nullopt;
  llvm::SmallVector<int64_t, 4> Axes;
  for (const Expr *Init : List->inits()) {
    std::optional<int64_t> V = constantInteger(Init, Context);
    if (!V)
      return std::nullopt;
    Axes.push_back(*V);
  }
  return Axes;
}

static const NamedDecl *referencedDecl(const Expr *E) {
  E = E->IgnoreImplicit();
  // slice_bound(none_t(nd::none)): converting and copy constructors.
  for (int Depth = 0; Depth < 4; ++Depth)
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1)
      E = Construct->getArg(0)->IgnoreImplicit();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return Ref->getDecl();
  return nullptr;
}

static bool hasQualifiedName(const NamedDecl *D, llvm::StringRef Qualified) {
  return D && !Qualified.empty() && ArrayModel::isNamed(D, Qualified);
}

// A slice bound: nd::none, an integer constant, or unknown.
static void sliceBound(const Expr *E, const IndexVocabulary &Vocabulary,
                       const ASTContext &Context, std::optional<int64_t> &Value,
                       bool &IsNone) {
  if (isa<CXXDefaultArgExpr>(E->IgnoreImplicit())) {
    IsNone = true;
    return;
  }
  if (hasQualifiedName(referencedDecl(E), Vocabulary.None)) {
    IsNone = true;
    return;
  }
  Value = constantInteger(E, Context);
}

std::optional<llvm::SmallVector<IndexArgument, 4>>
ArrayModel::indexArguments(const ArrayOperation &Op,
                           const ASTContext &Context) const {
  if (!Op.Api || Op.Api->Kind != ArrayOpKind::Slice ||
      !isa<CXXOperatorCallExpr>(Op.Call))
    return std::nullopt;
  const IndexVocabulary &Vocabulary = Library.Index;
  llvm::SmallVector<IndexArgument, 4> Args;
  for (unsigned I = Op.FirstArg; I < Op.Call->getNumArgs(); ++I) {
    const Expr *Arg = Op.Call->getArg(I);
    IndexArgument Index;
    const NamedDecl *D = referencedDecl(Arg);
    QualType T = Arg->getType().getNonReferenceType().getUnqualifiedType();
    const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
    if (hasQualifiedName(D, Vocabulary.All)) {
      Index.Kind = IndexArgument::All;
    } else if (hasQualifiedName(D, Vocabulary.NewAxis)) {
      Index.Kind = IndexArgument::NewAxis;
    } else if (hasQualifiedName(D, Vocabulary.Ellipsis)) {
      Index.Kind = IndexArgument::Ellipsis;
    } else if (T->isIntegralOrEnumerationType()) {
      Index.Kind = IndexArgument::Integer;
      Index.Value = constantInteger(Arg, Context);
    } else if (Record && hasQualifiedName(Record, Vocabulary.SliceClass)) {
      Index.Kind = IndexArgument::Slice;
      const auto *Construct =
          dyn_cast<CXXConstructExpr>(ArrayModel::ignoreHandleCopies(Arg));
      if (Construct && Construct->getNumArgs() >= 2) {
        sliceBound(Construct->getArg(0), Vocabulary, Context, Index.Start,
                   Index.StartIsNone);
        sliceBound(Construct->getArg(1), Vocabulary, Context, Index.Stop,
                   Index.StopIsNone);
        if (Construct->getNumArgs() >= 3 &&
            !isa<CXXDefaultArgExpr>(Construct->getArg(2)->IgnoreImplicit()))
          Index.Step = constantInteger(Construct->getArg(2), Context);
        else
          Index.Step = 1;
      } else if (Construct && Construct->getNumArgs() == 0) {
        Index.StartIsNone = Index.StopIsNone = true;
        Index.Step = 1;
      }
    }
    Args.push_back(Index);
  }
  return Args;
}

std::optional<CopyMode> ArrayModel::copyMode(const ArrayOperation &Op) const {
  if (!Op.Api || Op.Api->CopyModeParam < 0)
    return CopyMode::IfNeeded;
  const Expr *Arg = argument(Op, Op.Api->CopyModeParam);
  if (!Arg)
    return CopyMode::IfNeeded;
  const auto *Enumerator =
      dyn_cast_or_null<EnumConstantDecl>(referencedDecl(Arg));
  if (!Enumerator)
    return std::nullopt;
  const auto *Enum = dyn_cast<EnumDecl>(Enumerator->getDeclContext());
  if (!hasQualifiedName(Enum, Library.CopyModeEnum))
    return std::nullopt;
  for (unsigned I = 0; I < 3; ++I)
    if (Enumerator->getName() == Library.CopyModeEnumerators[I])
      return static_cast<CopyMode>(I);
  return std::nullopt;
}

} // namespace clang::tidy::ndarray
