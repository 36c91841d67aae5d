//===--- WriteToCopyCheck.h - ndtidy --------------------------------------===//

#ifndef NDTIDY_NDARRAY_WRITETOCOPYCHECK_H
#define NDTIDY_NDARRAY_WRITETOCOPYCHECK_H

#include "analysis/Findings.h"

namespace clang::tidy::ndarray {

/// Finds writes into a copy that nobody reads: the write is lost.
///
/// For the user-facing documentation see
/// docs/checks/ndarray-write-to-copy.md.
class WriteToCopyCheck : public analysis::NdarrayCheck {
public:
  WriteToCopyCheck(StringRef Name, ClangTidyContext *Context)
      : NdarrayCheck(Name, Context, analysis::FindingKind::WriteToCopy) {}
  void find(const analysis::FunctionContext &F,
            std::vector<analysis::Finding> &Out) const override;
  /// Eigen and xtensor (value semantics).
  void findValues(const analysis::ValueFunctionContext &F,
                  std::vector<analysis::Finding> &Out) const override;
};

} // namespace clang::tidy::ndarray

#endif // NDTIDY_NDARRAY_WRITETOCOPYCHECK_H
