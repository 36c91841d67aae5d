//===--- AmbiguousAliasCheck.h - ndtidy -----------------------------------===//

#ifndef NDTIDY_NDARRAY_AMBIGUOUSALIASCHECK_H
#define NDTIDY_NDARRAY_AMBIGUOUSALIASCHECK_H

#include "analysis/Findings.h"

namespace clang::tidy::ndarray {

/// Finds writes through a ravel()/reshape() result whose view-or-copy outcome
/// depends on a layout unknown at that point.
///
/// For the user-facing documentation see
/// docs/checks/ndarray-ambiguous-alias.md.
class AmbiguousAliasCheck : public analysis::NdarrayCheck {
public:
  AmbiguousAliasCheck(StringRef Name, ClangTidyContext *Context)
      : NdarrayCheck(Name, Context, analysis::FindingKind::AmbiguousAlias) {}
  void find(const analysis::FunctionContext &F,
            std::vector<analysis::Finding> &Out) const override;
};

} // namespace clang::tidy::ndarray

#endif // NDTIDY_NDARRAY_AMBIGUOUSALIASCHECK_H
