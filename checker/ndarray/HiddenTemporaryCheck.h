//===--- HiddenTemporaryCheck.h - ndtidy ----------------------------------===//

#ifndef NDTIDY_NDARRAY_HIDDENTEMPORARYCHECK_H
#define NDTIDY_NDARRAY_HIDDENTEMPORARYCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "model/ArrayModel.h"

namespace clang::tidy::ndarray {

/// Finds call arguments of a library with value semantics (Eigen, xtensor)
/// that are copied into a temporary at the call: an expression or another
/// storage type passed to a `const Eigen::MatrixXd&` or
/// `const xt::xarray<double>&` parameter, or to an `Eigen::Ref<const T>`
/// whose compile-time match fails.
///
/// For the user-facing documentation see
/// docs/checks/ndarray-hidden-temporary.md.
class HiddenTemporaryCheck : public ClangTidyCheck {
public:
  HiddenTemporaryCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkArgument(const Expr *Arg, const ParmVarDecl *Param,
                     const ASTContext &Context);

  const ArrayModel Model;
  const int64_t MinBytes;
};

} // namespace clang::tidy::ndarray

#endif // NDTIDY_NDARRAY_HIDDENTEMPORARYCHECK_H
