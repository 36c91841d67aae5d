//===--- HiddenTemporaryCheck.h - ndtidy ----------------------------------===//

#ifndef NDTIDY_NDARRAY_HIDDENTEMPORARYCHECK_H
#define NDTIDY_NDARRAY_HIDDENTEMPORARYCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "model/ArrayModel.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace clang::tidy::ndarray {
namespace analysis {
class ValueUses;
struct ValueUse;
} // namespace analysis

/// Finds call arguments of a library with value semantics (Eigen, xtensor)
/// that are copied into a temporary at the call: an expression or another
/// storage type passed to a `const Eigen::MatrixXd&` or
/// `const xt::xarray<double>&` parameter, or to an `Eigen::Ref<const T>`
/// whose compile-time match fails; and a view passed to a by-value
/// parameter that the callee only writes, so the writes are lost.
///
/// For the user-facing documentation see
/// docs/checks/ndarray-hidden-temporary.md.
class HiddenTemporaryCheck : public ClangTidyCheck {
public:
  HiddenTemporaryCheck(StringRef Name, ClangTidyContext *Context);
  ~HiddenTemporaryCheck() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;

private:
  void checkArgument(const Expr *Arg, const FunctionDecl *Callee,
                     const ParmVarDecl *Param, ASTContext &Context);
  /// The first write of the parameter of \p Callee's definition at
  /// \p Index when the definition only writes it (see
  /// ValueUses::onlyWrittenParameter); null otherwise.
  const analysis::ValueUse *onlyWrittenParameter(const FunctionDecl *Callee,
                                                 unsigned Index,
                                                 ASTContext &Context,
                                                 bool &SelfReads);

  const ArrayModel Model;
  const int64_t MinBytes;
  /// The uses in each callee definition looked at, for the TU.
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<analysis::ValueUses>>
      CalleeUses;
};

} // namespace clang::tidy::ndarray

#endif // NDTIDY_NDARRAY_HIDDENTEMPORARYCHECK_H
