//===--- UnnecessaryCopyCheck.h - ndtidy ----------------------------------===//

#ifndef NDTIDY_NDARRAY_UNNECESSARYCOPYCHECK_H
#define NDTIDY_NDARRAY_UNNECESSARYCOPYCHECK_H

#include "analysis/Findings.h"

namespace clang::tidy::ndarray {

/// Finds flatten()/copy() results that are only read while their source is
/// not modified: a view would do.
///
/// For the user-facing documentation see
/// docs/checks/ndarray-unnecessary-copy.md.
class UnnecessaryCopyCheck : public analysis::NdarrayCheck {
public:
  UnnecessaryCopyCheck(StringRef Name, ClangTidyContext *Context)
      : NdarrayCheck(Name, Context, analysis::FindingKind::UnnecessaryCopy) {}
  void find(const analysis::FunctionContext &F,
            std::vector<analysis::Finding> &Out) const override;
  /// Eigen and xtensor (value semantics).
  void findValues(const analysis::ValueFunctionContext &F,
                  std::vector<analysis::Finding> &Out) const override;
};

} // namespace clang::tidy::ndarray

#endif // NDTIDY_NDARRAY_UNNECESSARYCOPYCHECK_H
