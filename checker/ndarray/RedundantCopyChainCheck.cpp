//===--- RedundantCopyChainCheck.cpp - ndtidy -----------------------------===//

#include "ndarray/RedundantCopyChainCheck.h"
#include "utils/FixItUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::ndarray {

static constexpr llvm::StringLiteral CallId = "call";

RedundantCopyChainCheck::RedundantCopyChainCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Model(ndLibraryModel()) {}

void RedundantCopyChainCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(traverse(TK_AsIs, Model.callMatcher(CallId)), this);
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

void RedundantCopyChainCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>(CallId);
  std::optional<ArrayOperation> Outer = Model.classify(Call);
  if (!Outer || !isCopy(*Outer) || !Outer->Source)
    return;
  std::optional<ArrayOperation> Inner = Model.classify(Outer->Source);
  if (!Inner || !isCopy(*Inner))
    return;

  auto Diag = diag(Outer->NameLoc,
                   "'%0' copies the fresh array returned by '%1': two "
                   "buffers are allocated where one suffices")
              << Outer->spelling() << Inner->spelling();

  // A fix in a template instantiation would rewrite the template for every
  // instantiation; the diagnostic alone is still right for this one.
  if (utils::isInTemplateInstantiation(*Call, *Result.Context))
    return;
  if (std::optional<FixItHint> Fix = fixFor(*Outer, *Inner, *Result.Context))
    Diag << *Fix;
}

} // namespace clang::tidy::ndarray
