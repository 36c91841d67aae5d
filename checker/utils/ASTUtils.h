//===--- ASTUtils.h - AST queries shared by the ndarray checks ------------===//

#ifndef NDTIDY_UTILS_ASTUTILS_H
#define NDTIDY_UTILS_ASTUTILS_H

namespace clang {
class Stmt;
class VarDecl;
} // namespace clang

namespace clang::tidy::ndarray::utils {

/// Whether \p S (null: no) refers to \p Var anywhere in its subtree.
bool mentions(const Stmt *S, const VarDecl *Var);

} // namespace clang::tidy::ndarray::utils

#endif // NDTIDY_UTILS_ASTUTILS_H
