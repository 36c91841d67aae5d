//===--- AliasingCheck.h - ndtidy -----------------------------------------===//

#ifndef NDTIDY_NDARRAY_ALIASINGCHECK_H
#define NDTIDY_NDARRAY_ALIASINGCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "model/ArrayModel.h"

namespace clang::tidy::ndarray {

struct AccessedRegion;

/// Finds assignments of a library with value semantics (Eigen, xtensor)
/// whose lazy right side reads the destination in another order while the
/// assignment writes it: `a = a.transpose()`, `v = v.reverse()`,
/// `a.noalias() = a * b`, `xt::noalias(a) = xt::transpose(a)`.
///
/// For the user-facing documentation see docs/checks/ndarray-aliasing.md.
class AliasingCheck : public ClangTidyCheck {
public:
  AliasingCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override { Model.forgetTranslationUnit(); }

private:
  /// `v.tail(3) = v.head(3)`: \p Dst, a part of an object, assigned from
  /// another part of the same object that overlaps it.
  void checkOverlap(const CXXOperatorCallExpr *Assign,
                    const AccessedRegion &Dst, const ASTContext &Context);
  const ArrayModel Model;
};

} // namespace clang::tidy::ndarray

#endif // NDTIDY_NDARRAY_ALIASINGCHECK_H
