//===--- HiddenCopyCheck.h - ndtidy ---------------------------------------===//

#ifndef NDTIDY_NDARRAY_HIDDENCOPYCHECK_H
#define NDTIDY_NDARRAY_HIDDENCOPYCHECK_H

#include "analysis/Findings.h"

namespace clang::tidy::ndarray {

/// Finds ravel() / reshape() / ascontiguousarray() calls that copy because
/// their source is known not to be contiguous in the requested order, e.g.
/// `a.T().ravel()`.
///
/// For the user-facing documentation see docs/checks/ndarray-hidden-copy.md.
class HiddenCopyCheck : public analysis::NdarrayCheck {
public:
  HiddenCopyCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void find(const analysis::FunctionContext &F,
            std::vector<analysis::Finding> &Out) const override;

private:
  const bool ReportUnknownLayout;
};

} // namespace clang::tidy::ndarray

#endif // NDTIDY_NDARRAY_HIDDENCOPYCHECK_H
