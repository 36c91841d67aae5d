//===--- RedundantCopyChainCheck.h - ndtidy -------------------------------===//

#ifndef NDTIDY_NDARRAY_REDUNDANTCOPYCHAINCHECK_H
#define NDTIDY_NDARRAY_REDUNDANTCOPYCHAINCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "model/ArrayModel.h"

namespace clang::tidy::ndarray {

/// Finds a copy taken of an array that was itself just copied, such as
/// `a.copy().flatten()`: two buffers are allocated where one suffices.
///
/// For the user-facing documentation see
/// docs/checks/ndarray-redundant-copy-chain.md.
class RedundantCopyChainCheck : public ClangTidyCheck {
public:
  RedundantCopyChainCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  std::optional<FixItHint> fixFor(const ArrayOperation &Outer,
                                  const ArrayOperation &Inner,
                                  const ASTContext &Context) const;
  const ArrayModel Model;
};

} // namespace clang::tidy::ndarray

#endif // NDTIDY_NDARRAY_REDUNDANTCOPYCHAINCHECK_H
