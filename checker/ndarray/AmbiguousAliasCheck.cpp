//===--- AmbiguousAliasCheck.cpp - ndtidy ---------------------------------===//
//
// A write through the result of ravel(), reshape() or ascontiguousarray()
// whose view-or-copy outcome depends on a layout the analysis does not know
// at that point (a parameter, a join of differently laid-out arrays): the
// write may or may not reach the source.
//
//===----------------------------------------------------------------------===//

#include "ndarray/AmbiguousAliasCheck.h"
#include "analysis/HandleUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

namespace clang::tidy::ndarray {

using namespace analysis;

// What the operation returns and how to make the outcome certain.
static std::string explanation(const ArrayOperation &Op) {
  std::string Name = Op.spelling();
  const LibraryModel &L = *Op.Library;
  if (L.CopyModeEnum.empty()) {
    // No copy-mode argument (torch): name the library's own spellings.
    std::string Text = Name + " returns " +
                       (Op.Api->Kind == ArrayOpKind::MakeContiguous
                            ? "its source itself"
                            : "a view of its source") +
                       " only when it is " + viewCondition(Op) +
                       ", which is not known here";
    if (!L.IndependentCopy.empty())
      Text += "; use " + L.IndependentCopy.str() + " for an independent copy";
    if (!L.RequireView.empty() && Op.Api->Kind != ArrayOpKind::MakeContiguous)
      Text += ", or " + L.RequireView.str() + " to require a view";
    return Text;
  }
  switch (Op.Api->Kind) {
  case ArrayOpKind::Ravel:
    return Name + " returns a view of its source only when it is " +
           viewCondition(Op) +
           ", which is not known here; use flatten() for an independent "
           "copy, or reshape() with nd::copy_mode::never to require a view";
  case ArrayOpKind::Reshape:
    return Name + " returns a view only when its source is " +
           viewCondition(Op) +
           " or its strides fit the new shape, which is not known here; pass "
           "nd::copy_mode::never to require a view, or nd::copy_mode::always "
           "for an independent copy";
  default:
    return Name + " returns its source itself only when it is " +
           viewCondition(Op) +
           ", which is not known here; use copy() for an independent copy";
  }
}

void AmbiguousAliasCheck::find(const FunctionContext &F,
                               std::vector<Finding> &Out) const {
  if (F.Layout.gaveUp())
    return;
  HandleUses &Uses = F.Uses.get();

  auto Report = [&](const WriteReach &Reach, const HandleChain &Chain,
                    std::vector<FindingNote> Notes,
                    const std::string &Subject) {
    Finding Found;
    Found.Kind = FindingKind::AmbiguousAlias;
    Found.Anchor = Reach.Culprit->Call;
    Found.Loc = Reach.Culprit->NameLoc;
    Found.Message = Subject + " may or may not reach " + rootName(Chain) +
                    ": " + explanation(*Reach.Culprit);
    Found.Notes = std::move(Notes);
    if (Reach.Culprit->Source)
      Found.Elements = F.Layout.factsOf(Reach.Culprit->Source).elementCount();
    Out.push_back(std::move(Found));
  };

  // `a.ravel()(0) = 1.0;`, `a.reshape({n, m}).fill(0);`
  for (const WriteSite &W : Uses.writeSites()) {
    HandleChain Chain = Uses.chainOf(W.Handle);
    if (Chain.Ops.empty() || !Chain.Root)
      continue;
    WriteReach Reach = reachOfWrite(Chain, F.Layout);
    if (Reach.Kind == WriteReach::Ambiguous)
      Report(Reach, Chain, {}, "this write");
  }

  // `auto r = a.ravel(); ... r(i) = v;`
  for (const VarDecl *Var : Uses.localArrayVars()) {
    HandleChain Chain = Uses.chainOf(Var->getInit());
    if (Chain.Ops.empty() || !Chain.Root)
      continue;
    WriteReach Reach = reachOfWrite(Chain, F.Layout);
    if (Reach.Kind != WriteReach::Ambiguous)
      continue;
    HandleUses::Summary Summary = Uses.usesOfVar(Var);
    if (Summary.has(HandleUseKind::Rebind))
      continue; // later writes may go elsewhere
    std::vector<FindingNote> Notes;
    for (const HandleUse &Use : Summary.Uses)
      if (Use.Kind == HandleUseKind::Write)
        Notes.push_back({Use.Site->getBeginLoc(),
                         "written through '" + Var->getName().str() + "' here",
                         {}});
    if (!Notes.empty())
      Report(Reach, Chain, std::move(Notes),
             "writes through '" + Var->getName().str() + "'");
  }
}

} // namespace clang::tidy::ndarray
