//===--- ASTUtils.cpp - AST queries shared by the ndarray checks ----------===//

#include "utils/ASTUtils.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::ndarray::utils {

bool mentions(const Stmt *S, const VarDecl *Var) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl() == Var)
      return true;
  for (const Stmt *Child : S->children())
    if (mentions(Child, Var))
      return true;
  return false;
}

} // namespace clang::tidy::ndarray::utils
