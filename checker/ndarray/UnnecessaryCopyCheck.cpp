//===--- UnnecessaryCopyCheck.cpp - ndtidy --------------------------------===//
//
// A local initialised by flatten() or copy() whose elements are only read,
// that never escapes, and whose source is not written while it is in use:
// a view gives the same elements. Conservative in the way of clang-tidy's
// isOnlyUsedAsConst: any use HandleUses does not understand, any write
// through a handle that may share the source's buffer, and (for a source
// others may hold) any call the analysis cannot see into, keep it quiet.
//
//===----------------------------------------------------------------------===//

#include "ndarray/UnnecessaryCopyCheck.h"
#include "analysis/HandleUses.h"
#include "utils/FixItUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

namespace clang::tidy::ndarray {

using namespace analysis;

// Whether the source is contiguous in the order the view form needs.
static Contiguity contiguityFor(const ArrayFacts &Facts,
                                std::optional<MemoryOrder> Order) {
  if (!Order)
    return Contiguity::Unknown;
  if (*Order == MemoryOrder::C || *Order == MemoryOrder::F)
    return Facts.contiguity(*Order);
  // A and K: a view whenever the array is C- or F-contiguous (K also for
  // other dense axis orders, which the facts do not describe).
  if (Facts.C == Contiguity::Yes || Facts.F == Contiguity::Yes)
    return Contiguity::Yes;
  return Contiguity::Unknown;
}

void UnnecessaryCopyCheck::find(const FunctionContext &F,
                                std::vector<Finding> &Out) const {
  HandleUses &Uses = F.Uses.get();

  for (const VarDecl *Var : Uses.localArrayVars()) {
    std::optional<ArrayOperation> Op = F.Model.classify(Var->getInit());
    if (!Op || Op->Api->Kind != ArrayOpKind::Copy || Op->Api->ConvertsType ||
        !Op->Source)
      continue;
    const ArrayApiEntry *Ravel =
        Op->Library->find(ArrayOpKind::Ravel, ResultShape::Flat, true);
    const bool Flattens =
        Op->Api->Shape == ResultShape::Flat && Op->Api->IsMember && Ravel;
    const bool Copies = Op->Api->Shape == ResultShape::Same;
    if (!Flattens && !Copies)
      continue;

    HandleChain Source = Uses.chainOf(Op->Source);
    if (!Source.Root || !Source.Root->hasLocalStorage() ||
        Source.Root->isStaticLocal())
      continue;

    // Where the source is known not to be contiguous, the view form would
    // copy too (ravel) or read a strided array (copy): not "unnecessary".
    const ArrayFacts Facts = F.Layout.factsOf(Op->Source);
    const Contiguity Contiguous = contiguityFor(
        Facts, Flattens ? Op->Order : std::optional(MemoryOrder::C));
    if (Contiguous == Contiguity::No ||
        Contiguous == Contiguity::NoUnlessDegenerate)
      continue;

    // The copy is only read...
    HandleUses::Summary Copy = Uses.usesOfVar(Var);
    if (Copy.Uses.empty() || Copy.has(HandleUseKind::Write) ||
        Copy.has(HandleUseKind::Escape) || Copy.has(HandleUseKind::Rebind))
      continue;
    // ...and with copy(), never reshaped or raveled: on the source these
    // could copy where on the dense copy they do not.
    if (Copies && Copy.hasLayoutDependentUse())
      continue;

    // ...while nothing writes the source.
    llvm::SmallVector<const Stmt *, 8> UseStmts;
    for (const HandleUse &Use : Copy.Uses) {
      UseStmts.push_back(Use.Occurrence);
      UseStmts.push_back(Use.Site);
    }
    HandleUses::LiveRegion Region = Uses.liveRegion(Op->Call, UseStmts);
    HandleUses::Summary Src = Uses.usesOfVar(Source.Root);
    bool SourceWritten = false;
    // Rebinding the source (`a = other;`) leaves its old buffer alone, but a
    // reference bound to it would follow: `const auto &b = a.copy();`.
    const bool RebindMatters = Var->getType()->isReferenceType();
    for (const HandleUse &Use : Src.Uses)
      if ((Use.Kind == HandleUseKind::Write ||
           Use.Kind == HandleUseKind::Escape ||
           (RebindMatters && Use.Kind == HandleUseKind::Rebind)) &&
          (Region.contains(Use.Site) || Region.contains(Use.Occurrence)))
        SourceWritten = true;
    if (SourceWritten)
      continue;
    llvm::SmallVector<const VarDecl *, 8> Known{Source.Root, Var};
    Known.append(Src.Aliases.begin(), Src.Aliases.end());
    Known.append(Copy.Aliases.begin(), Copy.Aliases.end());
    if (!Uses.isFreshUnescaped(Source.Root) &&
        Uses.mayWriteHiddenHandles(Region, Known))
      continue;

    const std::string Name = "'" + Var->getName().str() + "'";
    const std::string SourceName = rootName(Source);
    Finding Found;
    Found.Kind = FindingKind::UnnecessaryCopy;
    Found.Anchor = Op->Call;
    Found.Loc = Op->NameLoc;
    Found.Elements = Facts.elementCount();
    const bool CanFix = !F.InTemplateInstantiation &&
                        utils::isFixable(Op->Call, F.AST) &&
                        Op->NameLoc.isFileID();
    if (Flattens) {
      Found.Message = Name + " is a copy made by " + Op->spelling() +
                      " that is only read, and " + SourceName +
                      " is not modified while " + Name + " is in use: " +
                      Ravel->Name.str() + "() gives the same elements";
      if (Contiguous == Contiguity::Yes)
        Found.Message += " as a view, without copying";
      else
        Found.Message += ", and copies only if its source is not " +
                         viewCondition(*Op);
      if (CanFix)
        Found.Fixes.push_back(FixItHint::CreateReplacement(
            CharSourceRange::getTokenRange(Op->NameLoc, Op->NameLoc),
            Ravel->Name));
    } else {
      Found.Message = Name + " is a copy made by " + Op->spelling() +
                      " that is only read, and " + SourceName +
                      " is not modified while " + Name +
                      " is in use: a handle to its source gives the same "
                      "elements without copying";
      if (CanFix)
        if (std::optional<FixItHint> Fix =
                utils::replaceCallBySource(Op->Call, Op->Source, F.AST))
          Found.Fixes.push_back(*Fix);
    }
    Out.push_back(std::move(Found));
  }
}

} // namespace clang::tidy::ndarray
