//===--- ImpossibleViewCheck.cpp - ndtidy ---------------------------------===//
//
// A reshape that must not copy (its copy mode is Never) throws where a copy
// would be needed: where NumPy's rule finds no strides for the new shape,
// or, for a reshape whose view needs a contiguous source (OpenCV's
// reshape(cn, rows)), where the source is not contiguous. The layout analysis already decides when a reshape would
// copy; this check reports the no-copy reshapes for which that answer is
// "always" (or "unless an axis has length 1").
//
//===----------------------------------------------------------------------===//

#include "ndarray/ImpossibleViewCheck.h"
#include "analysis/Describe.h"

namespace clang::tidy::ndarray {

using namespace analysis;

void ImpossibleViewCheck::find(const FunctionContext &F,
                               std::vector<Finding> &Out) const {
  for (const ArrayOperation &Op : F.Operations) {
    if (Op.Api->Kind != ArrayOpKind::Reshape || !Op.Source)
      continue;
    std::optional<CopyMode> Mode = Model.copyMode(Op);
    if (!Mode || *Mode != CopyMode::Never)
      continue;
    CopyVerdict V = F.Layout.copyVerdict(Op);
    if (!V.RequiredOrder || (V.IfCopyAllowed != CopyVerdict::Copy &&
                             V.IfCopyAllowed != CopyVerdict::CopyUnlessDegenerate))
      continue;
    const bool Always = V.IfCopyAllowed == CopyVerdict::Copy;
    Finding Found;
    Found.Kind = FindingKind::ImpossibleView;
    Found.Anchor = Op.Call;
    Found.Loc = Op.NameLoc;
    // Throwing is a defect at any size: MinElements does not apply.
    std::string Throws =
        Op.spelling() + " throws at run time" +
        (Always ? "" : " " + degenerateCondition(V.Source.Rank)) + ": ";
    std::string Array = describeArray(Op.Source, F.Layout);
    if (Op.Api->ViewNeedsContiguous) {
      // OpenCV: any array that is not contiguous, whatever its strides.
      llvm::StringRef Query = Op.Library->ContiguityQuery;
      llvm::StringRef Reason = V.Source.reason(*V.RequiredOrder);
      Found.Message = Throws + "it cannot change the row count of " + Array +
                      ", which is not " + contiguousName(*V.RequiredOrder) +
                      (Always ? "" : " otherwise");
      std::string Detail = Query.empty() ? "" : Query.str() + " is false";
      if (!Reason.empty())
        Detail += (Detail.empty() ? "it is " : "; it is ") + Reason.str();
      if (!Detail.empty())
        Found.Message += " (" + Detail + ")";
    } else {
      Found.Message = Throws + "no view of " + Array +
                      " has the requested shape, because " +
                      notContiguousPhrase("it", V.Source, *V.RequiredOrder) +
                      (Always ? "" : " otherwise") +
                      " and its strides do not fit the new shape";
    }
    addOriginNotes(Found, V.Source, *V.RequiredOrder);
    Out.push_back(std::move(Found));
  }
}

} // namespace clang::tidy::ndarray
