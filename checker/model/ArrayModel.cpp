//===--- ArrayModel.cpp - classify calls into an array library ------------===//

#include "model/ArrayModel.h"
#include "clang/AST/ExprCXX.h"

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

static bool isArrayRecord(const CXXRecordDecl *RD, llvm::StringRef ArrayClass) {
  if (!RD)
    return false;
  return RD->getQualifiedNameAsString() == ArrayClass.drop_front(2);
}

static bool isArrayType(QualType T, llvm::StringRef ArrayClass) {
  T = T.getNonReferenceType();
  return isArrayRecord(T->getAsCXXRecordDecl(), ArrayClass);
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
  auto ArrayExpr =
      expr(hasType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(
          ArrayRecord)))));
  auto MemberCall = cxxMemberCallExpr(
      on(ArrayExpr), callee(cxxMethodDecl(hasAnyName(MemberNames))));
  auto OperatorCall = cxxOperatorCallExpr(
      hasArgument(0, ArrayExpr), callee(cxxMethodDecl(hasAnyName(MemberNames))));
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

std::optional<MemoryOrder>
ArrayModel::resolveOrder(const CallExpr *Call, const ArrayApiEntry &Api,
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
  if (!Enum || Enum->getQualifiedNameAsString() != Library.OrderEnum.drop_front(2))
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
    if (!NS || NS->getQualifiedNameAsString() != Library.Namespace.drop_front(2))
      return std::nullopt;
    Op.NameLoc = Call->getCallee()->IgnoreImplicit()->getExprLoc();
  }
  if (IsMember) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    if (!Method || !isArrayType(Op.Source->getType(), Library.ArrayClass))
      return std::nullopt;
  }

  std::string Name = Callee->getNameAsString();
  bool ReturnsArray = isArrayType(Call->getType(), Library.ArrayClass);
  for (const ArrayApiEntry &Api : Library.Api) {
    if (Api.IsMember != IsMember || Api.Name != Name)
      continue;
    if ((Api.Kind == ArrayOpKind::ElementAccess) == ReturnsArray)
      continue;
    if (!IsMember && Api.Kind != ArrayOpKind::Create) {
      // concatenate() takes a list of arrays: it has no single source.
      if (Call->getNumArgs() > 0 &&
          isArrayType(Call->getArg(0)->getType(), Library.ArrayClass))
        Op.Source = Call->getArg(0);
      else if (Api.Shape != ResultShape::Other)
        continue;
    }
    Op.Api = &Api;
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
  if (Op.Api->Shape == ResultShape::Other) // take, concatenate: NumPy gives C
    return FreshLayout::C;
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

} // namespace clang::tidy::ndarray
