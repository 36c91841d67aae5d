//===--- ASTUtils.h - AST queries shared by the ndarray checks ------------===//

#ifndef NDTIDY_UTILS_ASTUTILS_H
#define NDTIDY_UTILS_ASTUTILS_H

#include <string>

namespace clang {
class ASTContext;
class Expr;
class Stmt;
class VarDecl;
} // namespace clang

namespace clang::tidy::ndarray::utils {

/// Whether \p S (null: no) refers to \p Var anywhere in its subtree.
bool mentions(const Stmt *S, const VarDecl *Var);

/// How a message names \p E: its source text in quotes when short and on
/// one line, else "its source".
std::string sourceText(const Expr *E, const ASTContext &Context);

} // namespace clang::tidy::ndarray::utils

#endif // NDTIDY_UTILS_ASTUTILS_H
