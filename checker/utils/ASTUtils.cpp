//===--- ASTUtils.cpp - AST queries shared by the ndarray checks ----------===//

#include "utils/ASTUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Lex/Lexer.h"

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

std::string sourceText(const Expr *E, const ASTContext &Context) {
  llvm::StringRef Text = Lexer::getSourceText(
      CharSourceRange::getTokenRange(E->getSourceRange()),
      Context.getSourceManager(), Context.getLangOpts());
  if (Text.empty() || Text.size() > 60 || Text.contains('\n'))
    return "its source";
  return "'" + Text.str() + "'";
}

} // namespace clang::tidy::ndarray::utils
