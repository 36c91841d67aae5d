//===--- CopyInLoopCheck.h - ndtidy ---------------------------------------===//

#ifndef NDTIDY_NDARRAY_COPYINLOOPCHECK_H
#define NDTIDY_NDARRAY_COPYINLOOPCHECK_H

#include "analysis/Findings.h"

namespace clang::tidy::ndarray {

/// Finds copies that repeat on every iteration of a loop: a copy (explicit,
/// or hidden by layout) of arrays the loop does not change, which could be
/// made once before the loop; and an array that grows by concatenating
/// itself with more (`x = nd::concatenate({x, y})`), which copies
/// quadratically many bytes over the loop.
///
/// For the user-facing documentation see docs/checks/ndarray-copy-in-loop.md.
class CopyInLoopCheck : public analysis::NdarrayCheck {
public:
  CopyInLoopCheck(StringRef Name, ClangTidyContext *Context)
      : NdarrayCheck(Name, Context, analysis::FindingKind::CopyInLoop) {}
  void find(const analysis::FunctionContext &F,
            std::vector<analysis::Finding> &Out) const override;
};

} // namespace clang::tidy::ndarray

#endif // NDTIDY_NDARRAY_COPYINLOOPCHECK_H
