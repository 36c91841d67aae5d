//===--- ArrayModel.cpp - classify calls into an array library ------------===//

#include "model/ArrayModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "utils/LLVMCompat.h"
#include <algorithm>

using namespace clang::ast_matchers;

namespace clang::tidy::ndarray {

const ArrayApiEntry *LibraryModel::find(ArrayOpKind Kind, ResultShape Shape,
                                        bool IsMember) const {
  for (const ArrayApiEntry &E : Api)
    if (E.Kind == Kind && E.Shape == Shape && E.IsMember == IsMember &&
        !E.ConvertsType && E.When == CallCondition::Always)
      return &E;
  return nullptr;
}

llvm::ArrayRef<const LibraryModel *> allLibraryModels() {
  static const LibraryModel *const All[] = {
      &ndLibraryModel(), &torchLibraryModel(), &opencvLibraryModel()};
  return All;
}

LibraryModel valueLibraryModel(llvm::StringRef Name, llvm::StringRef Namespace,
                               llvm::ArrayRef<llvm::StringRef> Directories,
                               const ValueTypeTable &Types) {
  LibraryModel Model{};
  Model.Name = Name;
  Model.Namespace = Namespace;
  Model.HeaderDirectories = Directories;
  Model.Values = &Types;
  return Model;
}

llvm::ArrayRef<const LibraryModel *> valueLibraryModels() {
  static const LibraryModel *const All[] = {&eigenLibraryModel(),
                                            &xtensorLibraryModel()};
  return All;
}

ArrayModel::ArrayModel(llvm::ArrayRef<const LibraryModel *> Libraries)
    : Libraries(Libraries.begin(), Libraries.end()) {
  assert(this->Libraries.size() <= 32 && "headerLibraries() is a bit set");
}

std::string ArrayOperation::spelling() const {
  if (!Api)
    return "<unknown>";
  std::string Text;
  if (!Api->IsMember && Library)
    Text = Library->Name.str() + "::";
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

void ArrayModel::forgetTranslationUnit() const {
  LibraryDecls.clear();
  LibraryFiles.clear();
  ArrayClasses.clear();
  Classified.clear();
  LibraryFilesOf = nullptr;
}

unsigned ArrayModel::headerLibraries(const Decl *D) const {
  if (!D)
    return 0;
  const SourceManager &SM = D->getASTContext().getSourceManager();
  if (LibraryFilesOf != &SM) { // a new translation unit
    forgetTranslationUnit();
    LibraryFilesOf = &SM;
  }
  auto [Known, IsNewDecl] = LibraryDecls.try_emplace(D, 0);
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
  FileID File = SM.getFileID(SM.getFileLoc(Pattern->getLocation()));
  unsigned Bits = fileLibraries(File, SM);
  // LibraryFiles may have grown, LibraryDecls did not: Known is valid.
  Known->second = Bits;
  return Bits;
}

unsigned ArrayModel::fileLibraries(FileID File,
                                   const SourceManager &SM) const {
  if (!File.isValid())
    return 0;
  auto [It, IsNewFile] = LibraryFiles.try_emplace(File, 0);
  if (IsNewFile) {
    if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File))
      for (unsigned I = 0; I < Libraries.size(); ++I)
        if (llvm::any_of(Libraries[I]->HeaderDirectories,
                         [&](llvm::StringRef Dir) {
                           return underDirectory(Entry->getName(), Dir);
                         }))
          It->second |= 1u << I;
  }
  return It->second;
}

bool ArrayModel::isInLibraryHeaders(SourceLocation Loc,
                                    const SourceManager &SM) const {
  if (LibraryFilesOf != &SM) { // a new translation unit
    forgetTranslationUnit();
    LibraryFilesOf = &SM;
  }
  // The file being checked is the user's, wherever it lies (a corpus in a
  // directory named after the library).
  FileID File = SM.getFileID(SM.getExpansionLoc(Loc));
  return File != SM.getMainFileID() && fileLibraries(File, SM) != 0;
}

bool ArrayModel::isFromLibrary(const Decl *D,
                               const LibraryModel &Library) const {
  if (!D)
    return false;
  if (Library.HeaderDirectories.empty())
    return true;
  unsigned Bits = headerLibraries(D);
  for (unsigned I = 0; I < Libraries.size(); ++I)
    if (Libraries[I] == &Library)
      return Bits & (1u << I);
  return false;
}

// Whether \p D's qualified name is one of \p Names.
static bool isNamedAnyOf(const NamedDecl *D,
                         llvm::ArrayRef<llvm::StringRef> Names) {
  return llvm::any_of(Names, [&](llvm::StringRef Name) {
    return ArrayModel::isNamed(D, Name);
  });
}

// Whether \p NS is one of \p Library's namespaces.
static bool isLibraryNamespace(const NamespaceDecl *NS,
                               const LibraryModel &Library) {
  return ArrayModel::isNamed(NS, Library.Namespace) ||
         isNamedAnyOf(NS, Library.OtherNamespaces);
}

bool ArrayModel::isAnyLibraryIn(const TranslationUnitDecl &TU) const {
  // The outermost namespace of "::cv" or "::a::b" ("cv", "a").
  auto Outermost = [](llvm::StringRef Qualified) {
    Qualified.consume_front("::");
    return Qualified.split("::").first;
  };
  auto IsLibrary = [&](const NamespaceDecl &NS) {
    return llvm::any_of(Libraries, [&](const LibraryModel *Library) {
      return NS.getName() == Outermost(Library->Namespace) ||
             llvm::any_of(Library->OtherNamespaces, [&](llvm::StringRef Other) {
               return NS.getName() == Outermost(Other);
             });
    });
  };
  // Top-level namespaces, also inside `extern "C++" { }` and `export { }`.
  llvm::SmallVector<const DeclContext *, 4> Work{&TU};
  while (!Work.empty())
    for (const Decl *D : Work.pop_back_val()->decls()) {
      if (const auto *NS = dyn_cast<NamespaceDecl>(D); NS && IsLibrary(*NS))
        return true;
      if (isa<LinkageSpecDecl, ExportDecl>(D))
        Work.push_back(cast<DeclContext>(D));
    }
  return false;
}

const LibraryModel *ArrayModel::libraryDeclaring(const Decl *D) const {
  if (!D)
    return nullptr;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      for (const LibraryModel *Library : Libraries)
        if (isLibraryNamespace(NS, *Library) && isFromLibrary(D, *Library))
          return Library;
  return nullptr;
}

bool ArrayModel::mutatesLayout(const CXXMethodDecl *Method) const {
  const LibraryModel *Library = libraryOfMember(Method);
  return Library && Method->getIdentifier() &&
         llvm::is_contained(Library->LayoutMutators, Method->getName());
}

const QueryMethod *ArrayModel::queryOf(const CXXMethodDecl *Method) const {
  if (!Method || !Method->getIdentifier())
    return nullptr;
  const LibraryModel *Library = libraryOfMember(Method);
  if (!Library)
    return nullptr;
  for (const QueryMethod &Q : Library->Queries)
    if (Q.Name == Method->getName())
      return &Q;
  return nullptr;
}

bool ArrayModel::isClassListed(
    QualType T, llvm::ArrayRef<llvm::StringRef> LibraryModel::*Classes) const {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  for (const LibraryModel *Library : Libraries)
    if (isNamedAnyOf(RD, Library->*Classes) && isFromLibrary(RD, *Library))
      return true;
  return false;
}

bool ArrayModel::isReadOnlyProxy(QualType T) const {
  return isClassListed(T, &LibraryModel::ReadOnlyProxies);
}

bool ArrayModel::isInPlaceProxy(QualType T) const {
  return isClassListed(T, &LibraryModel::InPlaceProxies);
}

const LibraryModel *
ArrayModel::libraryOfMember(const CXXMethodDecl *Method) const {
  const CXXRecordDecl *RD = Method ? Method->getParent() : nullptr;
  if (!RD)
    return nullptr;
  for (const LibraryModel *Library : Libraries)
    if ((isNamed(RD, Library->ArrayClass) ||
         isNamedAnyOf(RD, Library->BaseClasses)) &&
        isFromLibrary(RD, *Library))
      return Library;
  return nullptr;
}

const LibraryModel *ArrayModel::libraryOf(QualType T) const {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return nullptr;
  auto [Known, IsNew] = ArrayClasses.try_emplace(RD, nullptr);
  if (!IsNew)
    return Known->second;
  const LibraryModel *Found = nullptr;
  for (const LibraryModel *Library : Libraries)
    if (isNamed(RD, Library->ArrayClass) && isFromLibrary(RD, *Library)) {
      Found = Library;
      break;
    }
  // isFromLibrary() may have started a new translation unit's caches.
  ArrayClasses[RD] = Found;
  return Found;
}

// The class of \p T after references and qualifiers, if any.
static const CXXRecordDecl *classOf(QualType T) {
  return T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
}

std::pair<const LibraryModel *, const StorageClass *>
ArrayModel::storageClassOf(QualType T) const {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD)
    return {nullptr, nullptr};
  for (const LibraryModel *Library : Libraries)
    if (Library->Values)
      for (const StorageClass &Class : Library->Values->Storage)
        if (isNamed(RD, Class.Name) && isFromLibrary(RD, *Library))
          return {Library, &Class};
  return {nullptr, nullptr};
}

bool ArrayModel::isValueClass(QualType T,
                              llvm::ArrayRef<llvm::StringRef> Names,
                              const LibraryModel &Library) const {
  const CXXRecordDecl *RD = classOf(T);
  return RD && !Names.empty() && isNamedAnyOf(RD, Names) &&
         isFromLibrary(RD, Library);
}

const LibraryModel *ArrayModel::expressionLibraryOf(QualType T,
                                                    bool *Evaluating) const {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD)
    return nullptr;
  for (const LibraryModel *Library : Libraries) {
    if (!Library->Values)
      continue;
    bool IsExpression = isNamedAnyOf(RD, Library->Values->Expressions);
    bool IsEvaluating = isNamedAnyOf(RD, Library->Values->Evaluating);
    if ((IsExpression || IsEvaluating) && isFromLibrary(RD, *Library)) {
      if (Evaluating)
        *Evaluating = IsEvaluating;
      return Library;
    }
  }
  return nullptr;
}

const LibraryModel *ArrayModel::constRefLibraryOf(QualType T) const {
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(classOf(T));
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
      !Spec->getTemplateArgs()[0].getAsType().isConstQualified())
    return nullptr;
  for (const LibraryModel *Library : Libraries)
    if (Library->Values && isNamed(Spec, Library->Values->ConstRef) &&
        isFromLibrary(Spec, *Library))
      return Library;
  return nullptr;
}

bool ArrayModel::storageAllocates(QualType T) const {
  auto [Library, Class] = storageClassOf(T);
  if (!Library || !Class)
    return false;
  switch (Class->Buffer) {
  case StorageClass::Heap:
    return true;
  case StorageClass::Inline:
    return false;
  case StorageClass::HeapUnlessFixed: {
    const TypeTraitNames &Traits = Library->Values->Traits;
    if (Traits.MaxSize.empty())
      return false;
    std::optional<int64_t> Max =
        traitConstant(T.getNonReferenceType(), Traits.MaxSize);
    return Max && *Max == Traits.Dynamic;
  }
  }
  return false;
}

const Expr *ArrayModel::evaluatorOperand(const CallExpr *Call) const {
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return nullptr;
  const LibraryModel *Library = libraryDeclaring(Callee);
  if (!Library || !Library->Values)
    return nullptr;
  for (const EvaluatorCall &Evaluator : Library->Values->Evaluators) {
    if (Evaluator.IsMember) {
      const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
      if (Member && Callee->getIdentifier() &&
          Callee->getName() == Evaluator.Name && Call->getNumArgs() == 0)
        return Member->getImplicitObjectArgument()->IgnoreParenImpCasts();
    } else if (!isa<CXXMemberCallExpr>(Call) && Call->getNumArgs() == 1 &&
               isNamed(Callee, Evaluator.Name)) {
      return Call->getArg(0)->IgnoreParenImpCasts();
    }
  }
  return nullptr;
}

bool ArrayModel::refConstructorCopies(const CXXConstructorDecl *Ctor,
                                      const LibraryModel &Library) const {
  if (!Ctor || !Library.Values || Library.Values->RefBinder.empty())
    return false;
  const Stmt *Body = Ctor->getBody();
  if (!Body)
    return false;
  // The binder is called directly in the constructor's body (Ref.h:
  // `construct(expr.derived(), typename match<Derived>::type())`).
  llvm::SmallVector<const Stmt *, 16> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const auto *Callee =
          dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
      if (Callee && Callee->getIdentifier() &&
          Callee->getName() == Library.Values->RefBinder &&
          Callee->getParent() == Ctor->getParent() &&
          Callee->getNumParams() > 0) {
        const CXXRecordDecl *Tag =
            classOf(Callee->getParamDecl(Callee->getNumParams() - 1)
                        ->getType());
        if (Tag && isNamed(Tag, Library.Values->RefCopyTag))
          return true;
      }
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

// The first member of \p RD or its bases named \p Name that \p Pick
// accepts, searched breadth-first.
template <typename Result, typename PickFn>
static Result findInClassAndBases(const CXXRecordDecl *RD,
                                  llvm::StringRef Name, PickFn Pick) {
  llvm::SmallVector<const CXXRecordDecl *, 8> Work;
  if (RD)
    Work.push_back(RD);
  for (unsigned I = 0; I < Work.size() && I < 64; ++I) {
    const CXXRecordDecl *Cur = Work[I]->getDefinition();
    if (!Cur)
      continue;
    for (const Decl *D : Cur->decls())
      if (Result R = Pick(D, Name))
        return R;
    for (const CXXBaseSpecifier &Base : Cur->bases())
      if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl())
        Work.push_back(B);
  }
  return Result();
}

// The value of the member enumerator \p Member of \p RD or of one of its
// bases.
static std::optional<int64_t> enumeratorValue(const CXXRecordDecl *RD,
                                              llvm::StringRef Member) {
  if (Member.empty())
    return std::nullopt;
  auto Pick = [](const Decl *D,
                 llvm::StringRef Name) -> const EnumConstantDecl * {
    const auto *Enum = dyn_cast<EnumDecl>(D);
    if (!Enum || !Enum->isComplete())
      return nullptr;
    for (const EnumConstantDecl *C : Enum->enumerators())
      if (C->getIdentifier() && C->getName() == Name)
        return C;
    return nullptr;
  };
  const EnumConstantDecl *C =
      findInClassAndBases<const EnumConstantDecl *>(RD, Member, Pick);
  if (!C)
    return std::nullopt;
  return C->getInitVal().getExtValue();
}

std::optional<int64_t> ArrayModel::traitConstant(QualType T,
                                                 llvm::StringRef Member) {
  return enumeratorValue(classOf(T), Member);
}

QualType ArrayModel::traitType(QualType T, llvm::StringRef Member) {
  if (Member.empty())
    return {};
  auto Pick = [](const Decl *D,
                 llvm::StringRef Name) -> const TypedefNameDecl * {
    const auto *TD = dyn_cast<TypedefNameDecl>(D);
    return TD && TD->getIdentifier() && TD->getName() == Name ? TD : nullptr;
  };
  const TypedefNameDecl *TD =
      findInClassAndBases<const TypedefNameDecl *>(classOf(T), Member, Pick);
  return TD ? TD->getUnderlyingType() : QualType();
}

StatementMatcher ArrayModel::callMatcher(llvm::StringRef CallId) const {
  std::vector<std::string> QualifiedFree;
  std::vector<llvm::StringRef> MemberNames, FreeNames, Classes, LazyClasses;
  for (const LibraryModel *Library : Libraries) {
    Classes.push_back(Library->ArrayClass);
    if (!Library->LazyResultClass.empty())
      LazyClasses.push_back(Library->LazyResultClass);
    llvm::SmallVector<llvm::StringRef, 2> Namespaces{Library->Namespace};
    Namespaces.append(Library->OtherNamespaces.begin(),
                      Library->OtherNamespaces.end());
    for (const ArrayApiEntry &Api : Library->Api)
      if (Api.IsMember)
        MemberNames.push_back(Api.Name);
      else
        for (llvm::StringRef NS : Namespaces)
          QualifiedFree.push_back((NS + "::" + Api.Name).str());
  }
  // hasAnyName copies the names, so these may be temporaries.
  FreeNames.assign(QualifiedFree.begin(), QualifiedFree.end());
  auto ArrayRecord = cxxRecordDecl(hasAnyName(Classes));
  auto ArrayExpr = expr(hasType(
      hasUnqualifiedDesugaredType(recordType(hasDeclaration(ArrayRecord)))));
  auto MemberCall = cxxMemberCallExpr(
      on(ArrayExpr), callee(cxxMethodDecl(hasAnyName(MemberNames))));
  auto OperatorCall =
      cxxOperatorCallExpr(hasArgument(0, ArrayExpr),
                          callee(cxxMethodDecl(hasAnyName(MemberNames))));
  auto FreeCall = callExpr(callee(functionDecl(hasAnyName(FreeNames))),
                           unless(cxxMemberCallExpr()));
  // `cv::Mat b = a.t();`: the conversion of the lazy result.
  auto LazyConversion = cxxMemberCallExpr(
      on(expr(hasType(hasUnqualifiedDesugaredType(recordType(
          hasDeclaration(cxxRecordDecl(hasAnyName(LazyClasses)))))))),
      callee(cxxConversionDecl()));
  return callExpr(anyOf(MemberCall, OperatorCall, FreeCall, LazyConversion))
      .bind(CallId);
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
    // `cv::Mat(m)` of a Mat: a cast that changes nothing.
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Next);
        Cast && Cast->getCastKind() == CK_NoOp)
      Next = Cast->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

std::optional<MemoryOrder>
ArrayModel::resolveOrder(const CallExpr *Call, const ArrayApiEntry &Api,
                         const LibraryModel &Library, unsigned FirstArg) const {
  if (Api.OrderParam < 0)
    return Api.FixedOrder;
  unsigned Index = FirstArg + static_cast<unsigned>(Api.OrderParam);
  if (Index >= Call->getNumArgs())
    return Api.FixedOrder;
  const Expr *Arg = Call->getArg(Index);
  // A defaulted argument: the header's default is the truth.
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(Arg->IgnoreImplicit()))
    Arg = Default->getExpr();
  // Through the implicit conversion to the parameter's type (torch's
  // c10::optional<MemoryFormat>).
  const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreUnlessSpelledInSource());
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

const Expr *ArrayModel::proxiedArray(const Expr *Arg) const {
  if (isArrayType(Arg->getType()))
    return Arg;
  const auto *Proxy = dyn_cast<CXXConstructExpr>(Arg->IgnoreImplicit());
  if (!Proxy || Proxy->getNumArgs() != 1 ||
      !(isReadOnlyProxy(Proxy->getType()) ||
        isInPlaceProxy(Proxy->getType())) ||
      !isArrayType(Proxy->getArg(0)->getType()))
    return nullptr;
  return Proxy->getArg(0);
}

const CXXMemberCallExpr *
ArrayModel::lazyConversionSource(const CallExpr *Call) const {
  const auto *Conversion = dyn_cast<CXXMemberCallExpr>(Call);
  if (!Conversion ||
      !isa_and_nonnull<CXXConversionDecl>(Conversion->getMethodDecl()))
    return nullptr;
  const LibraryModel *Library = libraryOf(Call->getType());
  if (!Library || Library->LazyResultClass.empty())
    return nullptr;
  const Expr *Object = Conversion->getImplicitObjectArgument();
  const CXXRecordDecl *RD = Object ? classOf(Object->getType()) : nullptr;
  if (!RD || !isNamed(RD, Library->LazyResultClass) ||
      !isFromLibrary(RD, *Library))
    return nullptr;
  const auto *Made = dyn_cast<CXXMemberCallExpr>(
      Object->IgnoreImplicit()->IgnoreParens());
  // Only members without arguments: the operation's arguments would be
  // looked for on the conversion call.
  if (!Made || Made->getNumArgs() != 0)
    return nullptr;
  return Made;
}

std::optional<ArrayOperation> ArrayModel::classify(const Expr *E) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(ignoreHandleCopies(E));
  if (!Call)
    return std::nullopt;
  if (auto Known = Classified.find(Call); Known != Classified.end())
    return Known->second;
  std::optional<ArrayOperation> Op;
  if (const CXXMemberCallExpr *Made = lazyConversionSource(Call)) {
    Op = classifyCall(Made, true);
    if (Op && Op->Library == libraryOf(Call->getType()))
      Op->Call = Call; // the conversion evaluates the expression
    else
      Op.reset();
  } else {
    Op = classifyCall(Call, isArrayType(Call->getType()));
  }
  Classified[Call] = Op;
  return Op;
}

std::optional<ArrayOperation>
ArrayModel::classifyCall(const CallExpr *Call, bool ReturnsArray) const {
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
  } else if (const auto *OpCall = dyn_cast<CXXOperatorCallExpr>(Call);
             OpCall && isa<CXXMethodDecl>(Callee)) {
    if (OpCall->getNumArgs() == 0)
      return std::nullopt;
    IsMember = true;
    Op.Source = OpCall->getArg(0);
    FirstArg = 1;
    Op.NameLoc = OpCall->getOperatorLoc();
  } else {
    const auto *NS = dyn_cast<NamespaceDecl>(Callee->getDeclContext());
    for (const LibraryModel *Candidate : Libraries)
      if (NS && isLibraryNamespace(NS, *Candidate) &&
          isFromLibrary(Callee, *Candidate))
        Op.Library = Candidate;
    if (!Op.Library)
      return std::nullopt;
    // A free operator (`a / 255`) is named by its operator token.
    Op.NameLoc = OpCall ? OpCall->getOperatorLoc()
                        : Call->getCallee()->IgnoreImplicit()->getExprLoc();
  }
  if (IsMember) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    Op.Library = libraryOf(Op.Source->getType());
    if (!Method || !Op.Library)
      return std::nullopt;
  }

  Op.FirstArg = FirstArg;
  std::string Name = Callee->getNameAsString();
  for (const ArrayApiEntry &Api : Op.Library->Api) {
    if (Api.IsMember != IsMember || Api.Name != Name)
      continue;
    // Element access returns no array; every other entry but an in-place
    // write (which may return its object) and a copy into an output
    // argument does.
    if (Api.Kind == ArrayOpKind::ElementAccess ? ReturnsArray
        : Api.Kind != ArrayOpKind::Fill && Api.Kind != ArrayOpKind::CopyInto
            ? !ReturnsArray
            : false)
      continue;
    if (!applies(Api, Op))
      continue;
    if (!IsMember && !hasNoSource(Api.Kind)) {
      // concatenate() takes a list of arrays: it has no single source.
      if (const Expr *First = Call->getNumArgs() > 0
                                  ? proxiedArray(Call->getArg(0))
                                  : nullptr)
        Op.Source = First;
      else if (Api.Shape != ResultShape::Other)
        continue;
    }
    Op.Api = &Api;
    Op.Order = resolveOrder(Call, Api, *Op.Library, FirstArg);
    return Op;
  }
  return std::nullopt;
}

bool ElementTypeCodes::known(int64_t Code) const {
  if (Code < 0 || DepthBytes.empty() || channelsOf(Code) > (1u << ChannelBits))
    return false;
  return depthOf(Code) < DepthBytes.size() && DepthBytes[depthOf(Code)] != 0;
}

uint64_t ElementTypeCodes::elementSize(int64_t Code) const {
  return known(Code) ? DepthBytes[depthOf(Code)] * channelsOf(Code) : 0;
}

int ElementTypeCodes::withDepthOf(int Type, int64_t Depth) const {
  return static_cast<int>(((channelsOf(Type) - 1) << ChannelShift) |
                          depthOf(Depth));
}

std::string ElementTypeCodes::name(int64_t Code) const {
  if (!known(Code) || depthOf(Code) >= DepthNames.size())
    return "";
  std::string Name = DepthNames[depthOf(Code)].str();
  uint64_t Channels = channelsOf(Code);
  return Channels == 1 ? Name : Name + "C" + std::to_string(Channels);
}

// OpenCV wraps an output in a proxy: `_OutputArray(Mat&)`.
const Expr *ArrayModel::outputArgument(const ArrayOperation &Op) const {
  unsigned Index = Op.FirstArg + static_cast<unsigned>(Op.Api->OutputParam);
  if (Op.Api->OutputParam < 0 || Index >= Op.Call->getNumArgs())
    return nullptr;
  const Expr *Arg = Op.Call->getArg(Index)->IgnoreImplicit();
  if (const auto *Proxy = dyn_cast<CXXConstructExpr>(Arg);
      Proxy && Proxy->getNumArgs() >= 1 && !isArrayType(Proxy->getType())) {
    // Only a destination bound to a non-const reference can be
    // reallocated: OpenCV's `_OutputArray(const Mat&)` (a temporary view)
    // has a fixed size and type, and create() asserts instead.
    const CXXConstructorDecl *Ctor = Proxy->getConstructor();
    QualType Param = Ctor->getNumParams() ? Ctor->getParamDecl(0)->getType()
                                          : QualType();
    if (Param.isNull() || !Param->isLValueReferenceType() ||
        Param->getPointeeType().isConstQualified())
      return nullptr;
    Arg = Proxy->getArg(0);
  }
  return isArrayType(Arg->getType()) ? Arg : nullptr;
}

int ArrayModel::copyIntoResultType(const ArrayOperation &Op, int SourceType,
                                   const ASTContext &Context) const {
  const ElementTypeCodes &Codes = Op.Library->TypeCodes;
  if (Op.Api->Kind != ArrayOpKind::CopyInto || !Codes.known(SourceType))
    return -1;
  if (Op.Api->ResultTypeParam < 0)
    return Op.Api->ConvertsType ? -1 : SourceType;
  std::optional<int64_t> Requested =
      integerArgument(Op, unsigned(Op.Api->ResultTypeParam), Context);
  if (!Requested)
    return -1;
  if (*Requested < 0)
    return SourceType;
  int Result = Codes.withDepthOf(SourceType, *Requested);
  return Codes.known(Result) ? Result : -1;
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

// The argument for parameter \p Param as the call holds it (a defaulted one
// is a CXXDefaultArgExpr); null when absent.
static const Expr *callArgument(const ArrayOperation &Op, int Param) {
  if (Param < 0)
    return nullptr;
  unsigned Index = Op.FirstArg + static_cast<unsigned>(Param);
  return Index < Op.Call->getNumArgs() ? Op.Call->getArg(Index) : nullptr;
}

// The argument for parameter \p Param, the header's default when defaulted;
// null when absent.
static const Expr *argumentOrDefault(const ArrayOperation &Op, int Param) {
  const Expr *Arg = callArgument(Op, Param);
  if (const auto *Default =
          dyn_cast_or_null<CXXDefaultArgExpr>(Arg ? Arg->IgnoreImplicit() : nullptr))
    return Default->getExpr();
  return Arg;
}

// The argument for parameter \p Param, null when absent or defaulted.
const Expr *ArrayModel::argument(const ArrayOperation &Op, int Param) const {
  const Expr *Arg = callArgument(Op, Param);
  if (!Arg || isa<CXXDefaultArgExpr>(Arg->IgnoreImplicit()))
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

unsigned ArrayModel::layoutArgumentCount(const ArrayOperation &Op) const {
  const FunctionDecl *Callee = Op.Call->getDirectCallee();
  if (!Callee || !Op.Library)
    return 0;
  auto ChoosesLayout = [&](QualType T) {
    const TagDecl *Tag = T->getAsTagDecl();
    return Tag && isNamedAnyOf(Tag, Op.Library->LayoutParameterTypes);
  };
  unsigned Count = 0;
  for (unsigned I = 0; I < Callee->getNumParams(); ++I)
    if (argument(Op, static_cast<int>(I)) &&
        mentionsType(Callee->getParamDecl(I)->getType(), ChoosesLayout))
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
  llvm::SmallVector<std::optional<int64_t>, 4> Extents;
  // A reshape to 1-D without a shape parameter (torch's flatten()).
  if (Op.Api->Kind == ArrayOpKind::Reshape && Op.Api->ShapeParam < 0 &&
      Op.Api->Shape == ResultShape::Flat) {
    Extents.push_back(-1);
    return Extents;
  }
  const Expr *Arg = argument(Op, Op.Api->ShapeParam);
  if (!Arg)
    return std::nullopt;
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
  if (Inner->getType()->isIntegerType()) { // not view(at::kFloat)
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
  if (!Op.Api)
    return std::nullopt;
  // A defaulted argument: the header's default is the truth.
  const Expr *Arg = argumentOrDefault(Op, Op.Api->AxisParam);
  return Arg ? constantInteger(Arg, Context) : std::nullopt;
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

// One per-axis index spelled by \p Arg: an integer, `:`, a new axis, `...`,
// a slice object or a range object; Unknown otherwise.
static IndexArgument indexOf(const Expr *Arg, const IndexVocabulary &Vocabulary,
                             const ASTContext &Context) {
  IndexArgument Index;
  Index.Where = Arg;
  const NamedDecl *D = referencedDecl(Arg);
  QualType T = Arg->getType().getNonReferenceType().getUnqualifiedType();
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  const Expr *Inner = ArrayModel::ignoreHandleCopies(Arg);
  const auto *Construct = dyn_cast<CXXConstructExpr>(Inner);
  if (hasQualifiedName(D, Vocabulary.All)) {
    Index.Kind = IndexArgument::All;
  } else if (hasQualifiedName(D, Vocabulary.NewAxis)) {
    Index.Kind = IndexArgument::NewAxis;
  } else if (hasQualifiedName(D, Vocabulary.Ellipsis)) {
    Index.Kind = IndexArgument::Ellipsis;
  } else if (const auto *String =
                 dyn_cast<StringLiteral>(Arg->IgnoreParenImpCasts())) {
    if (!Vocabulary.EllipsisString.empty() &&
        String->getBytes() == Vocabulary.EllipsisString)
      Index.Kind = IndexArgument::Ellipsis;
  } else if (T->isIntegralOrEnumerationType() && !T->isBooleanType()) {
    Index.Kind = IndexArgument::Integer;
    Index.Value = constantInteger(Arg, Context);
  } else if (Record && hasQualifiedName(Record, Vocabulary.SliceClass)) {
    Index.Kind = IndexArgument::Slice;
    if (Construct && Construct->getNumArgs() >= 2) {
      sliceBound(Construct->getArg(0), Vocabulary, Context, Index.Start,
                 Index.StartIsNone);
      sliceBound(Construct->getArg(1), Vocabulary, Context, Index.Stop,
                 Index.StopIsNone);
      if (Construct->getNumArgs() >= 3 &&
          !isa<CXXDefaultArgExpr>(Construct->getArg(2)->IgnoreImplicit()) &&
          !hasQualifiedName(referencedDecl(Construct->getArg(2)),
                            Vocabulary.None))
        Index.Step = constantInteger(Construct->getArg(2), Context);
      else
        Index.Step = 1;
    } else if (Construct && Construct->getNumArgs() == 0) {
      Index.StartIsNone = Index.StopIsNone = true;
      Index.Step = 1;
    }
  } else if (Record && hasQualifiedName(Record, Vocabulary.RangeClass)) {
    const auto *AllCall = dyn_cast<CallExpr>(Inner);
    if (AllCall && hasQualifiedName(AllCall->getDirectCallee(),
                                    Vocabulary.RangeAll)) {
      Index.Kind = IndexArgument::All;
    } else if (Construct && Construct->getNumArgs() == 2) {
      Index.Kind = IndexArgument::Slice;
      Index.Start = constantInteger(Construct->getArg(0), Context);
      Index.Stop = constantInteger(Construct->getArg(1), Context);
      Index.Step = 1;
    }
  }
  return Index;
}

// A slice of \p Length elements from \p Start (its value unknown when not a
// constant): OpenCV's row(i), torch's narrow(dim, start, length).
static IndexArgument sliceFrom(const Expr *Start, const Expr *Length,
                               const Expr *Where, const ASTContext &Context) {
  IndexArgument Index;
  Index.Kind = IndexArgument::Slice;
  Index.Where = Where;
  Index.Step = 1;
  std::optional<int64_t> From = constantInteger(Start, Context);
  std::optional<int64_t> Count =
      Length ? constantInteger(Length, Context) : std::optional<int64_t>(1);
  // A negative start counts from the end (narrow); its stop is then not
  // start + length in Python's terms: leave the bounds unknown.
  if (From && Count && *From >= 0) {
    Index.Start = *From;
    Index.Stop = *From + *Count;
  }
  if (Count && *Count >= 0)
    Index.Length = Count;
  return Index;
}


std::optional<llvm::SmallVector<IndexArgument, 4>>
ArrayModel::indexArguments(const ArrayOperation &Op,
                           const ASTContext &Context) const {
  if (!Op.Api || Op.Api->Kind != ArrayOpKind::Slice)
    return std::nullopt;
  const IndexVocabulary &Vocabulary = Op.Library->Index;
  llvm::SmallVector<IndexArgument, 4> Args;
  auto Whole = [&](const Expr *Where) {
    IndexArgument All;
    All.Kind = IndexArgument::All;
    All.Where = Where;
    return All;
  };
  const Expr *First = argumentOrDefault(Op, 0);
  switch (Op.Api->Index) {
  case IndexSpelling::None:
  case IndexSpelling::BroadcastSizes: // sizes, not indices
    return std::nullopt;
  case IndexSpelling::PerAxis:
    for (unsigned I = Op.FirstArg; I < Op.Call->getNumArgs(); ++I) {
      const Expr *Arg = Op.Call->getArg(I);
      const CXXRecordDecl *Record =
          Arg->getType().getNonReferenceType()->getAsCXXRecordDecl();
      if (!Record || !hasQualifiedName(Record, Vocabulary.RegionClass)) {
        Args.push_back(indexOf(Arg, Vocabulary, Context));
        continue;
      }
      // Rect(x, y, width, height): rows y.., columns x..
      const auto *Region =
          dyn_cast<CXXConstructExpr>(ArrayModel::ignoreHandleCopies(Arg));
      if (!Region || Region->getNumArgs() != 4)
        return std::nullopt;
      Args.push_back(sliceFrom(Region->getArg(1), Region->getArg(3), Arg, Context));
      Args.push_back(sliceFrom(Region->getArg(0), Region->getArg(2), Arg, Context));
    }
    return Args;
  case IndexSpelling::BracedList: {
    const InitListExpr *List = First ? bracedList(First) : nullptr;
    if (!List)
      return std::nullopt;
    for (const Expr *Init : List->inits()) {
      const Expr *Entry = Init->IgnoreImplicit();
      // TensorIndex(int), TensorIndex(Slice): a converting constructor.
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(Entry);
          Construct && Construct->getNumArgs() == 1 &&
          !Construct->getConstructor()->isCopyOrMoveConstructor())
        Entry = Construct->getArg(0);
      Args.push_back(indexOf(Entry, Vocabulary, Context));
    }
    return Args;
  }
  case IndexSpelling::AxisInteger:
  case IndexSpelling::AxisStartLength:
  case IndexSpelling::AxisStartStopStep: {
    std::optional<int64_t> Dim =
        First ? constantInteger(First, Context) : std::nullopt;
    if (!Dim)
      return std::nullopt;
    IndexArgument Along;
    if (Op.Api->Index == IndexSpelling::AxisInteger) {
      const Expr *At = argumentOrDefault(Op, 1);
      if (!At)
        return std::nullopt;
      Along.Kind = IndexArgument::Integer;
      Along.Where = At;
      Along.Value = constantInteger(At, Context);
    } else if (Op.Api->Index == IndexSpelling::AxisStartLength) {
      const Expr *Start = argumentOrDefault(Op, 1);
      const Expr *Length = argumentOrDefault(Op, 2);
      if (!Start || !Length)
        return std::nullopt;
      Along = sliceFrom(Start, Length, Start, Context);
    } else {
      Along.Kind = IndexArgument::Slice;
      Along.Where = Op.Call;
      // Bounds as spelled: a defaulted one is omitted (None).
      const Expr *Start = callArgument(Op, 1);
      const Expr *Stop = callArgument(Op, 2);
      const Expr *Step = argumentOrDefault(Op, 3);
      if (!Start || !Stop || !Step)
        return std::nullopt;
      sliceBound(Start, Vocabulary, Context, Along.Start, Along.StartIsNone);
      sliceBound(Stop, Vocabulary, Context, Along.Stop, Along.StopIsNone);
      Along.Step = constantInteger(Step, Context);
    }
    // dim >= 0: that many whole axes first; dim < 0 counts from the end.
    if (*Dim >= 0) {
      for (int64_t I = 0; I < *Dim; ++I)
        Args.push_back(Whole(Op.Call));
      Args.push_back(Along);
    } else {
      IndexArgument Rest;
      Rest.Kind = IndexArgument::Ellipsis;
      Rest.Where = Op.Call;
      Args.push_back(Rest);
      Args.push_back(Along);
      for (int64_t I = -1; I > *Dim; --I)
        Args.push_back(Whole(Op.Call));
    }
    return Args;
  }
  case IndexSpelling::RowIndex:
  case IndexSpelling::ColIndex:
  case IndexSpelling::RowRange:
  case IndexSpelling::ColRange: {
    if (!First)
      return std::nullopt;
    bool Cols = Op.Api->Index == IndexSpelling::ColIndex ||
                Op.Api->Index == IndexSpelling::ColRange;
    IndexArgument Along;
    if (Op.Api->Index == IndexSpelling::RowIndex ||
        Op.Api->Index == IndexSpelling::ColIndex) {
      Along = sliceFrom(First, nullptr, First, Context);
    } else if (const Expr *Stop = argumentOrDefault(Op, 1)) {
      Along.Kind = IndexArgument::Slice;
      Along.Where = First;
      Along.Start = constantInteger(First, Context);
      Along.Stop = constantInteger(Stop, Context);
      Along.Step = 1;
    } else {
      Along = indexOf(First, Vocabulary, Context); // a range object
    }
    if (Cols)
      Args.push_back(Whole(Op.Call));
    Args.push_back(Along);
    return Args;
  }
  }
  return std::nullopt;
}

// The declaration \p Qualified ("::cv::traits::Type") names, looked up from
// the translation unit through each namespace or class; null if absent.
static const NamedDecl *lookupQualified(const ASTContext &Context,
                                        llvm::StringRef Qualified) {
  const DeclContext *DC = Context.getTranslationUnitDecl();
  const NamedDecl *Found = nullptr;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Qualified.split(Parts, "::", -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    if (!DC)
      return nullptr;
    auto *Id = &const_cast<ASTContext &>(Context).Idents.get(Part);
    DeclContext::lookup_result R = DC->lookup(DeclarationName(Id));
    if (R.empty())
      return nullptr;
    Found = R.front();
    DC = dyn_cast<DeclContext>(Found);
  }
  return Found;
}

const LibraryModel *
ArrayModel::typedConversionLibrary(const CXXConstructExpr *E) const {
  if (!E || E->getNumArgs() != 1 ||
      E->getConstructor()->isCopyOrMoveConstructor())
    return nullptr;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      E->getType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() != 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return nullptr;
  // The argument is an array of the class the typed one derives from, not
  // a typed array itself (Mat_<uchar> into Mat_<float>: not followed).
  const LibraryModel *Library = libraryOf(E->getArg(0)->getType());
  if (!Library || Library->TypedArray.Name.empty() ||
      !isNamed(Spec, Library->TypedArray.Name) ||
      !isFromLibrary(Spec, *Library))
    return nullptr;
  return Library;
}

std::optional<TypedConversion>
ArrayModel::typedConversion(const CXXConstructExpr *E,
                            const ASTContext &Context) const {
  const LibraryModel *Library = typedConversionLibrary(E);
  if (!Library)
    return std::nullopt;
  const auto *Spec =
      cast<ClassTemplateSpecializationDecl>(E->getType()->getAsCXXRecordDecl());
  const Expr *Source = E->getArg(0);
  TypedConversion Conversion;
  Conversion.Where = E;
  Conversion.Source = Source;
  Conversion.Library = Library;
  Conversion.Target = E->getType();
  // The code the constructor itself uses: the trait's specialization for
  // the element type, instantiated with the constructor.
  const auto *Trait = dyn_cast_or_null<ClassTemplateDecl>(
      lookupQualified(Context, Library->TypedArray.TypeTrait));
  if (!Trait)
    return Conversion;
  void *InsertPos = nullptr;
  TemplateArgument Element(
      Spec->getTemplateArgs()[0].getAsType().getCanonicalType());
  ClassTemplateSpecializationDecl *Of =
      const_cast<ClassTemplateDecl *>(Trait)->findSpecialization(
          llvm::ArrayRef<TemplateArgument>(Element), InsertPos);
  std::optional<int64_t> Code =
      enumeratorValue(Of, Library->TypedArray.TypeMember);
  if (Code && Library->TypeCodes.known(*Code))
    Conversion.TargetType = static_cast<int>(*Code);
  return Conversion;
}

std::optional<ConstructedArray>
ArrayModel::construction(const Expr *E, const ASTContext &Context) const {
  if (!E)
    return std::nullopt;
  E = E->IgnoreImplicit()->IgnoreParens();
  // Called on every expression the layout analysis evaluates: look at the
  // expression's form before its type.
  if (!isa<CXXConstructExpr, CXXMemberCallExpr>(E))
    return std::nullopt;
  const LibraryModel *Library = libraryOf(E->getType());
  if (!Library || Library->Constructions.empty())
    return std::nullopt;
  const FunctionDecl *Callee = nullptr;
  llvm::SmallVector<const Expr *, 4> Args;
  SourceLocation NameLoc = E->getBeginLoc();
  // What a conversion to the array starts from: Mat(const MatExpr&), or
  // MatExpr::operator Mat().
  const Expr *Converted = nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getConstructor()->isCopyOrMoveConstructor())
      return std::nullopt;
    if (Construct->getNumArgs() == 1 &&
        Construct->getArg(0)->getType()->isRecordType()) {
      Converted = Construct->getArg(0);
    } else {
      Callee = Construct->getConstructor();
      Args.assign(Construct->arg_begin(), Construct->arg_end());
    }
  } else if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(E)) {
    if (!isa_and_nonnull<CXXConversionDecl>(Conversion->getDirectCallee()))
      return std::nullopt;
    Converted = Conversion->getImplicitObjectArgument();
  } else {
    return std::nullopt;
  }
  if (Converted) {
    // The static factory the expression came from (`Mat::zeros(...)`).
    const auto *Call =
        dyn_cast<CallExpr>(Converted->IgnoreImplicit()->IgnoreParens());
    const auto *Method =
        Call ? dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee())
             : nullptr;
    if (!Method || !Method->isStatic() ||
        libraryOf(compat::recordType(Context, Method->getParent())) != Library)
      return std::nullopt;
    Callee = Method;
    Args.assign(Call->arg_begin(), Call->arg_end());
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreImplicit()))
      NameLoc = Ref->getNameInfo().getLoc();
  }
  bool IsFactory = Converted != nullptr;
  for (const Construction &C : Library->Constructions) {
    if (IsFactory != !C.Factory.empty() ||
        (IsFactory && Callee->getName() != C.Factory))
      continue;
    // Extents and type code are integers; no pointer (external data).
    bool Fits = Callee->getNumParams() > C.Extents &&
                (C.ElementTypeParam < 0 ||
                 unsigned(C.ElementTypeParam) < Callee->getNumParams());
    for (unsigned I = 0; Fits && I < Callee->getNumParams(); ++I) {
      QualType T = Callee->getParamDecl(I)->getType();
      if (T->isPointerType() ||
          ((I < C.Extents || int(I) == C.ElementTypeParam) &&
           !T->isIntegerType()))
        Fits = false;
    }
    if (!Fits || Args.size() < C.Extents)
      continue;
    ConstructedArray Array;
    Array.Where = E;
    Array.NameLoc = NameLoc;
    for (unsigned I = 0; I < C.Extents; ++I)
      Array.Extents.push_back(constantInteger(Args[I], Context));
    const ElementTypeCodes &Codes = Library->TypeCodes;
    if (C.ElementTypeParam >= 0 && unsigned(C.ElementTypeParam) < Args.size())
      if (std::optional<int64_t> Code =
              constantInteger(Args[C.ElementTypeParam], Context);
          Code && Codes.known(*Code)) {
        Array.ElementSize = Codes.elementSize(*Code);
        Array.TypeCode = static_cast<int>(*Code);
      }
    return Array;
  }
  return std::nullopt;
}

// Whether the entries of the braced index list \p List (`{mask}`,
// `{Slice(), 0}`) include an array; nullopt when an entry's kind is not
// visible (a bool, which indexes like a mask of one element).
static std::optional<bool> hasArrayIndex(const InitListExpr *List,
                                         const ArrayModel &Model) {
  bool Found = false;
  for (const Expr *Init : List->inits()) {
    const Expr *Inner = Init->IgnoreImplicit();
    // TensorIndex(Tensor), TensorIndex(int64_t): a converting constructor.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Inner);
        Construct && Construct->getNumArgs() == 1 &&
        !Model.isArrayType(Construct->getType()))
      Inner = Construct->getArg(0)->IgnoreImplicit();
    QualType T = Inner->getType();
    if (T->isBooleanType())
      return std::nullopt;
    Found |= Model.isArrayType(T);
  }
  return Found;
}

bool ArrayModel::applies(const ArrayApiEntry &Api,
                         const ArrayOperation &Op) const {
  const CallExpr *Call = Op.Call;
  const unsigned FirstArg = Op.FirstArg;
  // Rebinding takes another array (not a scalar or an expression object).
  if (Api.Kind == ArrayOpKind::Rebind &&
      (Call->getNumArgs() != FirstArg + 1 ||
       !isArrayType(Call->getArg(FirstArg)->getType())))
    return false;
  switch (Api.When) {
  case CallCondition::Always:
    return true;
  case CallCondition::NoArguments:
    return explicitArgumentCount(Op) == 0;
  case CallCondition::ArrayIndex:
  case CallCondition::BasicIndex: {
    if (Call->getNumArgs() != FirstArg + 1)
      return false;
    const InitListExpr *List = bracedList(Call->getArg(FirstArg));
    std::optional<bool> Advanced =
        List ? hasArrayIndex(List, *this) : std::nullopt;
    return Advanced &&
           *Advanced == (Api.When == CallCondition::ArrayIndex);
  }
  case CallCondition::RvalueObject: {
    const auto *Method =
        dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
    return Method && Method->getRefQualifier() == RQ_RValue;
  }
  case CallCondition::TemporaryObject:
    return Op.Source && isa<MaterializeTemporaryExpr>(Op.Source->IgnoreParens());
  case CallCondition::NonZeroArgument: {
    const Expr *Arg = argument(Op, Api.ConditionParam);
    // The call's last argument (not reshape(cn, ndims, sizes)).
    if (!Arg || Call->getNumArgs() != FirstArg + Api.ConditionParam + 1)
      return false;
    std::optional<int64_t> Value = constantInteger(
        Arg, Call->getDirectCallee()->getASTContext());
    return Value && *Value != 0;
  }
  case CallCondition::NoOtherArrays: {
    // By the parameters, so that `a.div(b)` with an argument that converts
    // to an array counts, and optional<Tensor> or TensorList too.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return false;
    unsigned First = isa<CXXMethodDecl>(Callee) ? 0 : 1;
    for (unsigned I = First; I < Callee->getNumParams(); ++I)
      if (mentionsArrayType(Callee->getParamDecl(I)->getType()))
        return false;
    return true;
  }
  case CallCondition::NoLayoutArguments:
    return Call->getDirectCallee() && Op.Library &&
           layoutArgumentCount(Op) == 0;
  case CallCondition::NoStrides: {
    const FunctionDecl *Callee = Op.Call->getDirectCallee();
    if (!Callee || Api.ShapeParam < 0 ||
        static_cast<unsigned>(Api.ShapeParam) >= Callee->getNumParams())
      return false;
    QualType Shape =
        Callee->getParamDecl(Api.ShapeParam)->getType().getCanonicalType();
    for (unsigned I = 0; I < Callee->getNumParams(); ++I)
      if (I != static_cast<unsigned>(Api.ShapeParam) &&
          Callee->getParamDecl(I)->getType().getCanonicalType() == Shape)
        return false;
    return true;
  }
  }
  return false;
}

bool ArrayModel::mentionsType(QualType T,
                              llvm::function_ref<bool(QualType)> Is) {
  T = T.getNonReferenceType();
  if (Is(T))
    return true;
  if (const auto *Pointer = T->getAs<PointerType>())
    return mentionsType(Pointer->getPointeeType(), Is);
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec)
    return false;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
    if (Arg.getKind() == TemplateArgument::Type &&
        mentionsType(Arg.getAsType(), Is))
      return true;
  return false;
}

const Expr *ArrayModel::viewedLValue(const Expr *E,
                                     const ASTContext &Context) const {
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (isa<DeclRefExpr>(E))
      return isa<VarDecl>(cast<DeclRefExpr>(E)->getDecl()) ? E : nullptr;
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return isa<FieldDecl>(Member->getMemberDecl()) ? E : nullptr;
    const auto *Call = dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || !isLibraryDecl(Callee) ||
        Call->getCallReturnType(Context)->isReferenceType())
      return nullptr;
    bool Evaluating = false;
    const LibraryModel *Library =
        expressionLibraryOf(Call->getType(), &Evaluating);
    if (!Library || Evaluating ||
        isValueClass(Call->getType(), Library->Values->ElementWise, *Library))
      return nullptr;
    if (const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(Call))
      E = MemberCall->getImplicitObjectArgument();
    else if (Call->getNumArgs() > 0 &&
             (isa<CXXOperatorCallExpr>(Call) || !isa<CXXMethodDecl>(Callee)))
      E = Call->getArg(0);
    else
      return nullptr;
  }
  return nullptr;
}

bool ArrayModel::mentionsArrayType(QualType T) const {
  return mentionsType(T, [&](QualType U) { return isArrayType(U); });
}

std::optional<CopyMode> ArrayModel::copyMode(const ArrayOperation &Op) const {
  if (!Op.Api || Op.Api->CopyModeParam < 0)
    return Op.Api ? Op.Api->FixedCopyMode : CopyMode::IfNeeded;
  const Expr *Arg = argument(Op, Op.Api->CopyModeParam);
  if (!Arg)
    return CopyMode::IfNeeded;
  const LibraryModel &Library = *Op.Library;
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
