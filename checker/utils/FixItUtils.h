//===--- FixItUtils.h - fix-its shared by the ndarray checks --------------===//
//
// Every helper returns nothing rather than a fix-it that could be wrong:
// inside macros, or when the source text cannot be recovered.
//
//===----------------------------------------------------------------------===//

#ifndef NDTIDY_UTILS_FIXITUTILS_H
#define NDTIDY_UTILS_FIXITUTILS_H

#include "clang/Basic/Diagnostic.h"
#include <optional>

namespace clang {
class ASTContext;
class CallExpr;
class CXXMemberCallExpr;
class Expr;
class Stmt;
} // namespace clang

namespace clang::tidy::ndarray::utils {

/// True when every location of \p E is spelled in a file, not in a macro.
bool isFixable(const Expr *E, const ASTContext &Context);

/// True when \p S belongs to code instantiated from a template: a fix-it
/// there would rewrite the template for every instantiation.
bool isInTemplateInstantiation(const Stmt &S, ASTContext &Context);

/// Replaces the call \p Call on \p Source by \p Source itself:
/// `x.copy()` -> `x`, `nd::copy(x)` -> `x`.
std::optional<FixItHint> replaceCallBySource(const CallExpr *Call,
                                             const Expr *Source,
                                             const ASTContext &Context);

/// Rewrites the assignment \p Assign (`lhs = rhs`) as a call of the member
/// \p Method on rhs with lhs as its argument: `rhs.copyTo(lhs)`.
std::optional<FixItHint> assignmentAsCopyInto(const CallExpr *Assign,
                                              llvm::StringRef Method,
                                              const ASTContext &Context);

/// Rewrites the assignment \p Assign to the result of the member call
/// \p Getter (`obj.index(list) = value`) as a call of the member \p Setter
/// on the same object with the getter's arguments and the value appended:
/// `obj.index_put_(list, value)`.
std::optional<FixItHint> assignmentAsSetter(const CallExpr *Assign,
                                            const CXXMemberCallExpr *Getter,
                                            llvm::StringRef Setter,
                                            const ASTContext &Context);

} // namespace clang::tidy::ndarray::utils

#endif // NDTIDY_UTILS_FIXITUTILS_H
