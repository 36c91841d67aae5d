//===--- HiddenTemporaryCheck.cpp - ndtidy --------------------------------===//
//
// Eigen and xtensor have value semantics: a function parameter of a storage
// type (`const Eigen::MatrixXd&`, `const xt::xarray<double>&`) binds only to
// an object of exactly that type. Any other argument, an expression
// (`a.transpose()`, `a + b`, `xt::view(...)`) or another storage type
// (`Matrix3d`, `xt::xtensor<double, 2>`), is converted into a temporary
// object at the call: the compiler builds it silently. The instantiated AST
// shows the conversion as an implicit CXXConstructExpr of the parameter's
// class under the argument. `Eigen::Ref<const T>` binds to expressions whose
// layout fits at compile time and otherwise copies into an object it owns;
// which one happens is visible in the body of the Ref constructor that
// overload resolution picked (ArrayModel::refConstructorCopies).
//
// A by-value parameter announces its copy, so an expression passed to one
// is reported only when the copy also loses writes: the argument views a
// variable (`scale(m.col(0))`) and the callee's definition only writes the
// parameter (`void scale(VectorXd v) { v *= 2; }`), so nothing the call
// does reaches the variable.
//
// The check asks the model which types are storage, expressions and Refs;
// it knows no class names itself.
//
//===----------------------------------------------------------------------===//

#include "ndarray/HiddenTemporaryCheck.h"
#include "analysis/ValueUses.h"
#include "utils/ASTUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::ndarray {

HiddenTemporaryCheck::HiddenTemporaryCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Model(valueLibraryModels()),
      MinBytes(Options.get("MinBytes", int64_t(0))) {}

HiddenTemporaryCheck::~HiddenTemporaryCheck() = default;

void HiddenTemporaryCheck::onStartOfTranslationUnit() {
  CalleeUses.clear();
  Model.forgetTranslationUnit();
}

void HiddenTemporaryCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MinBytes", MinBytes);
}

void HiddenTemporaryCheck::registerMatchers(MatchFinder *Finder) {
  // Calls in the source, not in a template's instantiations: a call that
  // depends on a template parameter is not looked at (its pattern has no
  // conversions yet), one that does not is seen once, in the pattern.
  // Skipping the instantiations in the traversal, rather than asking each
  // call whether it is in one, keeps the check cheap on Eigen's and
  // xtensor's heavily instantiated headers.
  Finder->addMatcher(
      traverse(TK_IgnoreUnlessSpelledInSource, callExpr().bind("call")),
      this);
  Finder->addMatcher(traverse(TK_IgnoreUnlessSpelledInSource,
                              cxxConstructExpr().bind("call")),
                     this);
}

// The implicit construction of a temporary that \p Arg, an argument, is:
// reached from the argument through implicit nodes only (a conversion the
// user did not spell).
static const CXXConstructExpr *implicitConstruction(const Expr *Arg) {
  const Expr *E = Arg;
  while (true) {
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
      if (Cast->getCastKind() != CK_NoOp &&
          Cast->getCastKind() != CK_ConstructorConversion)
        return nullptr;
      E = Cast->getSubExpr();
    } else
      break;
  }
  const auto *Construct = dyn_cast<CXXConstructExpr>(E);
  if (!Construct || isa<CXXTemporaryObjectExpr>(Construct) ||
      Construct->getNumArgs() == 0 || Construct->isElidable())
    return nullptr;
  return Construct;
}

// How a message names the type of an argument: storage as written
// ('Matrix3d', 'xt::xtensor<double, 2>'), an expression by its class
// template ('Eigen::Transpose<…>').
static std::string describeSource(QualType T, bool IsStorage,
                                  const PrintingPolicy &Policy) {
  T = T.getNonReferenceType().getUnqualifiedType();
  if (!IsStorage)
    if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            T->getAsCXXRecordDecl()))
      return "'" + Spec->getSpecializedTemplate()->getQualifiedNameAsString() +
             "<…>'";
  return "'" + T.getAsString(Policy) + "'";
}

namespace {
/// What the element layout of an argument's type says about binding a Ref.
struct RefFit {
  bool Known = false;       ///< The traits below were all found.
  bool DirectAccess = false; ///< Elements addressable in memory.
  bool OrderMatches = false; ///< Same storage order, or a vector.
  bool UnitInnerStride = false;
  bool Vector = false; ///< The parameter's plain type is a vector.
};
} // namespace

static RefFit refFit(QualType Source, QualType Plain,
                     const TypeTraitNames &Traits) {
  RefFit Fit;
  auto Flags = ArrayModel::traitConstant(Source, Traits.Flags);
  auto RowMajor = ArrayModel::traitConstant(Source, Traits.RowMajor);
  auto Inner = ArrayModel::traitConstant(Source, Traits.InnerStride);
  auto SourceVector = ArrayModel::traitConstant(Source, Traits.IsVector);
  auto PlainRowMajor = ArrayModel::traitConstant(Plain, Traits.RowMajor);
  auto PlainVector = ArrayModel::traitConstant(Plain, Traits.IsVector);
  if (!Flags || !RowMajor || !Inner || !SourceVector || !PlainRowMajor ||
      !PlainVector)
    return Fit;
  Fit.Known = true;
  Fit.DirectAccess = (uint64_t(*Flags) & Traits.DirectAccessBit) != 0;
  Fit.Vector = *PlainVector != 0;
  Fit.OrderMatches = Fit.Vector || *SourceVector != 0 ||
                     (*RowMajor != 0) == (*PlainRowMajor != 0);
  Fit.UnitInnerStride = *Inner == 1;
  return Fit;
}

// The size of the temporary in bytes, when its element count is fixed at
// compile time (the source's, else the plain type's).
static std::optional<int64_t> temporaryBytes(QualType Source, QualType Plain,
                                             const TypeTraitNames &Traits,
                                             const ASTContext &Context) {
  std::optional<int64_t> Size = ArrayModel::traitConstant(Source, Traits.Size);
  if (!Size || *Size == Traits.Dynamic)
    Size = ArrayModel::traitConstant(Plain, Traits.Size);
  QualType Scalar = ArrayModel::traitType(Plain, Traits.Scalar);
  if (!Size || *Size == Traits.Dynamic || *Size < 0 || Scalar.isNull() ||
      Scalar->isDependentType() || Scalar->isIncompleteType())
    return std::nullopt;
  return *Size * Context.getTypeSizeInChars(Scalar).getQuantity();
}

// How a message names the function called: 'scale', 'Solver::update'.
static std::string describeCallee(const FunctionDecl *Callee) {
  if (isa<CXXConstructorDecl>(Callee))
    return "the constructor of '" +
           cast<CXXConstructorDecl>(Callee)->getParent()->getNameAsString() +
           "'";
  return "'" + Callee->getQualifiedNameAsString() + "'";
}

// What takes the argument without a copy, as far as its layout says:
// a Ref (with a wider stride), or a template parameter.
static std::string advice(const ValueTypeTable &Types,
                          const StorageClass *PlainClass, const RefFit &Fit,
                          const std::string &PlainName, bool ThroughRef) {
  std::string Generic =
      PlainClass ? PlainClass->GenericParameter.str() : std::string();
  std::string Ref = Types.ConstRefSpelling.str() + "<const " + PlainName;
  std::string Binds;
  if (Fit.Known && Fit.DirectAccess && Fit.OrderMatches) {
    if (Fit.UnitInnerStride && !ThroughRef)
      Binds = "'" + Ref + ">' binds to it without a copy";
    else if (!Fit.UnitInnerStride)
      Binds = "'" + Ref + ", 0, " +
              (Fit.Vector ? Types.AnyInnerStride : Types.AnyStride).str() +
              ">' binds to it without a copy, as its inner stride is not 1";
    if (!Binds.empty())
      return Generic.empty()
                 ? Binds
                 : Binds + "; so does a template parameter '" + Generic + "'";
  }
  std::string Templated =
      Generic.empty()
          ? std::string()
          : "a template parameter '" + Generic + "' takes it without a copy";
  if (!Fit.Known || (Fit.DirectAccess && Fit.OrderMatches))
    return Templated;
  std::string None = "no '" + Ref + ">' binds to it without a copy, as " +
                     (Fit.DirectAccess ? "its storage order differs"
                                       : "it has no addressable elements");
  return Templated.empty() ? None : None + "; " + Templated;
}

void HiddenTemporaryCheck::check(const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  const auto *E = Result.Nodes.getNodeAs<Expr>("call");
  if (!E || E->isInstantiationDependent() ||
      Model.isInLibraryHeaders(E->getBeginLoc(), SM))
    return;
  const FunctionDecl *Callee = nullptr;
  llvm::ArrayRef<const Expr *> Args;
  unsigned FirstArg = 0;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    Callee = Call->getDirectCallee();
    Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
    // `a(x)` with a member operator(): argument 0 is the object.
    if (isa<CXXOperatorCallExpr>(Call) &&
        isa_and_nonnull<CXXMethodDecl>(Callee))
      FirstArg = 1;
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    Callee = Construct->getConstructor();
    Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
  }
  if (!Callee)
    return;
  for (unsigned I = FirstArg; I < Args.size(); ++I) {
    unsigned ParamIndex = I - FirstArg;
    if (ParamIndex >= Callee->getNumParams())
      break;
    checkArgument(Args[I], Callee, Callee->getParamDecl(ParamIndex),
                  *Result.Context);
  }
}

const analysis::ValueUse *
HiddenTemporaryCheck::onlyWrittenParameter(const FunctionDecl *Callee,
                                           unsigned Index,
                                           ASTContext &Context,
                                           bool &SelfReads) {
  const FunctionDecl *Definition = nullptr;
  if (!Callee->hasBody(Definition) || !Definition ||
      Definition->isTemplateInstantiation() ||
      Definition->isDependentContext() ||
      Index >= Definition->getNumParams())
    return nullptr;
  std::unique_ptr<analysis::ValueUses> &Uses = CalleeUses[Definition];
  if (!Uses)
    Uses = std::make_unique<analysis::ValueUses>(Model, Context, *Definition);
  return Uses->onlyWrittenParameter(Definition->getParamDecl(Index),
                                    &SelfReads);
}

void HiddenTemporaryCheck::checkArgument(const Expr *Arg,
                                         const FunctionDecl *Callee,
                                         const ParmVarDecl *Param,
                                         ASTContext &Context) {
  if (!Arg || !Param || Arg->isInstantiationDependent() ||
      isa<CXXDefaultArgExpr>(Arg) || Arg->getBeginLoc().isMacroID())
    return;
  const QualType ParamType = Param->getType();
  const CXXConstructExpr *Construct = implicitConstruction(Arg);
  if (!Construct)
    return;
  const QualType Built = Construct->getType();
  const Expr *Source = Construct->getArg(0)->IgnoreImplicit();
  const QualType SourceType = Source->getType();

  // Which kind of boundary: a const reference to storage, or a Ref<const>.
  const LibraryModel *Library = nullptr;
  QualType Plain; // the type of the temporary's elements' owner
  bool ThroughRef = false;
  const bool ByValue = !ParamType->isReferenceType();
  if (const LibraryModel *RefLibrary = Model.constRefLibraryOf(ParamType)) {
    // Ref<const T> by value or by const reference; a copy of another Ref
    // of the same type shares its data.
    if (Model.constRefLibraryOf(Built) != RefLibrary ||
        Context.hasSameUnqualifiedType(Built.getNonReferenceType(),
                                       SourceType.getNonReferenceType()) ||
        !Model.refConstructorCopies(Construct->getConstructor(), *RefLibrary))
      return;
    const auto *Spec = cast<ClassTemplateSpecializationDecl>(
        Built->getAsCXXRecordDecl());
    Plain = Spec->getTemplateArgs()[0].getAsType().getUnqualifiedType();
    Library = RefLibrary;
    ThroughRef = true;
  } else {
    if (!ByValue && (!ParamType->isLValueReferenceType() ||
                     !ParamType.getNonReferenceType().isConstQualified()))
      return;
    const LibraryModel *StorageLibrary =
        Model.storageClassOf(ParamType).first;
    if (!StorageLibrary ||
        !Context.hasSameUnqualifiedType(Built,
                                        ParamType.getNonReferenceType()))
      return;
    Library = StorageLibrary;
    Plain = Built;
  }

  // Only what the model knows copies: its storage of another type, or its
  // views and element-wise expressions (not products or generators, whose
  // values must be computed anyway).
  bool IsStorage = Model.storageClassOf(SourceType).first == Library;
  if (IsStorage) {
    if (Context.hasSameUnqualifiedType(SourceType.getNonReferenceType(),
                                       Plain))
      return; // a copy the user asked for (by-value semantics), not hidden
  } else {
    bool Evaluating = false;
    if (Model.expressionLibraryOf(SourceType, &Evaluating) != Library ||
        Evaluating)
      return;
  }

  // By value: only a view of a variable whose writes the callee loses.
  const Expr *Viewed = nullptr;
  const analysis::ValueUse *LostWrite = nullptr;
  bool SelfReads = false;
  if (ByValue && !ThroughRef) {
    Viewed = IsStorage ? nullptr : Model.viewedLValue(Source, Context);
    if (Viewed)
      LostWrite = onlyWrittenParameter(
          Callee, Param->getFunctionScopeIndex(), Context, SelfReads);
    if (!LostWrite)
      return;
  }

  const ValueTypeTable &Types = *Library->Values;
  std::optional<int64_t> Bytes =
      temporaryBytes(SourceType, Plain, Types.Traits, Context);
  if (Bytes && *Bytes < MinBytes)
    return;

  PrintingPolicy Policy = Context.getPrintingPolicy();
  Policy.SuppressUnwrittenScope = true;
  // A lost write names the parameter as the callee's definition does.
  const ParmVarDecl *Named =
      LostWrite ? cast<ParmVarDecl>(LostWrite->Ref->getDecl()) : Param;
  std::string ParamName =
      Named->getIdentifier()
          ? "'" + Named->getName().str() + "'"
          : "#" + std::to_string(Named->getFunctionScopeIndex() + 1);
  std::string Message =
      "passing " + describeSource(SourceType, IsStorage, Policy) + " to " +
      (LostWrite ? "by-value parameter " : "parameter ") + ParamName +
      " of type '" + ParamType.getAsString(Policy) + "' " +
      (LostWrite ? "makes a copy" : "materialises a temporary copy");
  if (Bytes)
    Message += " of " + std::to_string(*Bytes) + " bytes";
  if (LostWrite) {
    diag(Arg->getBeginLoc(),
         Message + ", and " + describeCallee(Callee) +
             (SelfReads ? " uses " + ParamName +
                              " only to compute writes into it"
                        : " only writes " + ParamName) +
             ": the writes are lost, they do not reach " +
             utils::sourceText(Viewed, Context))
        << Arg->getSourceRange();
    diag(Named->getLocation(), "parameter declared here", DiagnosticIDs::Note)
        << Named->getSourceRange();
    diag(LostWrite->Site->getExprLoc(), ParamName + " is written here",
         DiagnosticIDs::Note);
    return;
  }
  diag(Arg->getBeginLoc(), Message) << Arg->getSourceRange();
  diag(Param->getLocation(), "parameter declared here", DiagnosticIDs::Note)
      << Param->getSourceRange();

  // Spell the plain type as the parameter does.
  QualType Written = ParamType.getNonReferenceType();
  if (ThroughRef) {
    const auto *TST = Written->getAs<TemplateSpecializationType>();
    Written = TST && !TST->template_arguments().empty() &&
                      TST->template_arguments()[0].getKind() ==
                          TemplateArgument::Type
                  ? TST->template_arguments()[0].getAsType()
                  : Plain;
  }
  std::string Advice =
      advice(Types, Model.storageClassOf(Plain).second,
             Types.ConstRef.empty() ? RefFit()
                                    : refFit(SourceType, Plain, Types.Traits),
             Written.getUnqualifiedType().getAsString(Policy), ThroughRef);
  if (!Advice.empty())
    diag(Param->getLocation(), Advice, DiagnosticIDs::Note);
}

} // namespace clang::tidy::ndarray
