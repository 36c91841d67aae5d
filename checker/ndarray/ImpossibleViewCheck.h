//===--- ImpossibleViewCheck.h - ndtidy -----------------------------------===//

#ifndef NDTIDY_NDARRAY_IMPOSSIBLEVIEWCHECK_H
#define NDTIDY_NDARRAY_IMPOSSIBLEVIEWCHECK_H

#include "analysis/Findings.h"

namespace clang::tidy::ndarray {

/// Finds calls that require a view which cannot exist for the layout their
/// source is known to have, and so throw at run time: torch's `view()` of a
/// transpose whose axes cannot merge, nd's
/// `reshape(shape, order, nd::copy_mode::never)`.
///
/// For the user-facing documentation see
/// docs/checks/ndarray-impossible-view.md.
class ImpossibleViewCheck : public analysis::NdarrayCheck {
public:
  ImpossibleViewCheck(StringRef Name, ClangTidyContext *Context)
      : NdarrayCheck(Name, Context, analysis::FindingKind::ImpossibleView) {}
  void find(const analysis::FunctionContext &F,
            std::vector<analysis::Finding> &Out) const override;
};

} // namespace clang::tidy::ndarray

#endif // NDTIDY_NDARRAY_IMPOSSIBLEVIEWCHECK_H
