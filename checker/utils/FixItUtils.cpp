//===--- FixItUtils.cpp ---------------------------------------------------===//

#include "utils/FixItUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::ndarray::utils {

bool isFixable(const Expr *E, const ASTContext &Context) {
  SourceRange Range = E->getSourceRange();
  if (Range.isInvalid() || Range.getBegin().isMacroID() ||
      Range.getEnd().isMacroID())
    return false;
  const SourceManager &SM = Context.getSourceManager();
  return SM.isWrittenInSameFile(Range.getBegin(), Range.getEnd());
}

bool isInTemplateInstantiation(const Stmt &S, ASTContext &Context) {
  DynTypedNodeList Parents = Context.getParents(S);
  while (!Parents.empty()) {
    if (const auto *D = Parents[0].get<Decl>()) {
      for (const DeclContext *DC =
               isa<DeclContext>(D) ? cast<DeclContext>(D) : D->getDeclContext();
           DC; DC = DC->getParent()) {
        if (const auto *FD = dyn_cast<FunctionDecl>(DC);
            FD && FD->isTemplateInstantiation())
          return true;
        if (isa<ClassTemplateSpecializationDecl>(DC))
          return true;
      }
      return false;
    }
    Parents = Context.getParents(Parents[0]);
  }
  return false;
}

// Expressions that can stand anywhere an operand can, without parentheses.
static bool isPostfixExpression(const Expr *E) {
  E = E->IgnoreImplicit();
  if (isa<DeclRefExpr, ParenExpr, MemberExpr, ArraySubscriptExpr,
          CXXMemberCallExpr, IntegerLiteral>(E))
    return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getOperator() == OO_Call || Op->getOperator() == OO_Subscript;
  return isa<CallExpr>(E);
}

std::optional<FixItHint> replaceCallBySource(const CallExpr *Call,
                                             const Expr *Source,
                                             const ASTContext &Context) {
  if (!isFixable(Call, Context) || !isFixable(Source, Context))
    return std::nullopt;
  const SourceManager &SM = Context.getSourceManager();
  CharSourceRange SourceRange =
      CharSourceRange::getTokenRange(Source->getSourceRange());
  llvm::StringRef Text =
      Lexer::getSourceText(SourceRange, SM, Context.getLangOpts());
  if (Text.empty())
    return std::nullopt;
  // `nd::copy(c ? a : b).flatten()` must become `(c ? a : b).flatten()`.
  std::string Replacement = Text.str();
  if (!isPostfixExpression(Source))
    Replacement = "(" + Replacement + ")";
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Call->getSourceRange()), Replacement);
}

std::optional<FixItHint> assignmentAsCopyInto(const CallExpr *Assign,
                                              llvm::StringRef Method,
                                              const ASTContext &Context) {
  if (Assign->getNumArgs() != 2 || !isFixable(Assign, Context))
    return std::nullopt;
  const SourceManager &SM = Context.getSourceManager();
  auto TextOf = [&](const Expr *E) {
    return Lexer::getSourceText(
        CharSourceRange::getTokenRange(E->getSourceRange()), SM,
        Context.getLangOpts());
  };
  const Expr *Target = Assign->getArg(0), *Value = Assign->getArg(1);
  llvm::StringRef TargetText = TextOf(Target), ValueText = TextOf(Value);
  if (TargetText.empty() || ValueText.empty())
    return std::nullopt;
  std::string Object = ValueText.str();
  if (!isPostfixExpression(Value))
    Object = "(" + Object + ")";
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Assign->getSourceRange()),
      Object + "." + Method.str() + "(" + TargetText.str() + ")");
}

std::optional<FixItHint> assignmentAsSetter(const CallExpr *Assign,
                                            const CXXMemberCallExpr *Getter,
                                            llvm::StringRef Setter,
                                            const ASTContext &Context) {
  if (Assign->getNumArgs() != 2 || !isFixable(Assign, Context) ||
      Getter->getNumArgs() == 0)
    return std::nullopt;
  const auto *Member = dyn_cast<MemberExpr>(Getter->getCallee()->IgnoreParens());
  if (!Member || Member->getMemberLoc().isMacroID())
    return std::nullopt;
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  // `obj.index(` ... `)`: replace the name, then the closing parenthesis
  // through the end of the value becomes `, value)`.
  llvm::StringRef ValueText = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Assign->getArg(1)->getSourceRange()), SM,
      LO);
  llvm::StringRef ArgsText = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Getter->getArg(0)->getBeginLoc(),
                                     Getter->getArg(Getter->getNumArgs() - 1)
                                         ->getEndLoc()),
      SM, LO);
  llvm::StringRef ObjectText = Lexer::getSourceText(
      CharSourceRange::getCharRange(Getter->getBeginLoc(),
                                    Member->getMemberLoc()),
      SM, LO);
  if (ValueText.empty() || ArgsText.empty() || ObjectText.empty())
    return std::nullopt;
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Assign->getSourceRange()),
      (ObjectText + Setter + "(" + ArgsText + ", " + ValueText + ")").str());
}

} // namespace clang::tidy::ndarray::utils
