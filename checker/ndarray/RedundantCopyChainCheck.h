//===--- RedundantCopyChainCheck.h - ndtidy -------------------------------===//

#ifndef NDTIDY_NDARRAY_REDUNDANTCOPYCHAINCHECK_H
#define NDTIDY_NDARRAY_REDUNDANTCOPYCHAINCHECK_H

#include "analysis/Findings.h"

namespace clang::tidy::ndarray {

/// Finds a copy taken of an array that was itself just copied, such as
/// `a.copy().flatten()`, `nd::copy(f).ravel()` on an F-ordered `f`, or a
/// fresh copy stored in a local used only once, by another copy: two buffers
/// are allocated where one suffices.
///
/// For the user-facing documentation see
/// docs/checks/ndarray-redundant-copy-chain.md.
class RedundantCopyChainCheck : public analysis::NdarrayCheck {
public:
  RedundantCopyChainCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void find(const analysis::FunctionContext &F,
            std::vector<analysis::Finding> &Out) const override;
  /// Eigen and xtensor (value semantics).
  void findValues(const analysis::ValueFunctionContext &F,
                  std::vector<analysis::Finding> &Out) const override;

private:
  std::optional<FixItHint> fixFor(const ArrayOperation &Outer,
                                  const ArrayOperation &Inner,
                                  const ASTContext &Context) const;
  /// `src.clone().copyTo(dst)` into an empty local (OpenCV).
  void findCopyIntoChain(const analysis::FunctionContext &F,
                         const ArrayOperation &Outer,
                         std::vector<analysis::Finding> &Out) const;
  const bool SuggestFlatten;
};

} // namespace clang::tidy::ndarray

#endif // NDTIDY_NDARRAY_REDUNDANTCOPYCHAINCHECK_H
