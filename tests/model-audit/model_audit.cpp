//===--- model_audit.cpp - what the checker's model says about each case --===//
//
// The model side of the model audit: parses the generated cases (one
// translation unit, gen_cases.py) with Clang, runs the layout analysis on
// every audit_case_* function, and prints for each
// audit_probe(id, counter, [source,] expression) what the model claims about
// the expression: C and F contiguity of its result, its copy verdict, the
// layout copyResultLayout() promises for a copy, and its extents.
// compare.py holds these claims against the runtime's behaviour.
//
//   model_audit cases.cpp -- -std=c++20 -I runtime/include ...
//
//===----------------------------------------------------------------------===//

#include "analysis/LayoutAnalysis.h"
#include "analysis/Summaries.h"
#include "model/ArrayModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

using namespace clang;
using namespace clang::tidy::ndarray;
using analysis::ArrayFacts;
using analysis::Contiguity;
using analysis::CopyVerdict;

static const char *spell(Contiguity C) {
  switch (C) {
  case Contiguity::Yes:
    return "Yes";
  case Contiguity::No:
    return "No";
  case Contiguity::NoUnlessDegenerate:
    return "NoUnlessDegenerate";
  case Contiguity::Unknown:
    return "Unknown";
  }
  return "Unknown";
}

static const char *spell(CopyVerdict::KindType K) {
  switch (K) {
  case CopyVerdict::View:
    return "View";
  case CopyVerdict::Copy:
    return "Copy";
  case CopyVerdict::CopyUnlessDegenerate:
    return "CopyUnlessDegenerate";
  case CopyVerdict::Unknown:
    return "Unknown";
  }
  return "Unknown";
}

// The layout ArrayModel::copyResultLayout() promises for a copy's buffer
// (what ndarray-redundant-copy-chain relies on).
static const char *spell(FreshLayout L) {
  switch (L) {
  case FreshLayout::C:
    return "C";
  case FreshLayout::F:
    return "F";
  case FreshLayout::Flat:
    return "Flat";
  case FreshLayout::Unknown:
    return "Unknown";
  }
  return "Unknown";
}

// "4x?" (an unknown extent), "()" for 0-d, "-" when the rank is unknown.
static std::string extents(const ArrayFacts &Facts) {
  if (Facts.Rank < 0)
    return "-";
  if (Facts.Rank == 0)
    return "()";
  std::string Text;
  for (const std::optional<int64_t> &E : Facts.Extents)
    Text += (Text.empty() ? "" : "x") + (E ? std::to_string(*E) : "?");
  return Text;
}

namespace {
struct ProbeFinder : RecursiveASTVisitor<ProbeFinder> {
  std::vector<const CallExpr *> Probes;
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (Callee->getName() == "audit_probe" && Call->getNumArgs() >= 3)
        Probes.push_back(Call);
    return true;
  }
};
} // namespace

int main(int argc, char **argv) {
  if (argc < 3 || std::string(argv[2]) != "--") {
    llvm::errs() << "usage: model_audit CASES.cpp -- COMPILER-ARGS...\n";
    return 2;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(argv[1]);
  if (!Buffer) {
    llvm::errs() << "model_audit: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::vector<std::string> Args(argv + 3, argv + argc);
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      (*Buffer)->getBuffer(), Args, argv[1], "model_audit");
  if (!AST || AST->getDiagnostics().hasErrorOccurred()) {
    llvm::errs() << "model_audit: the cases do not compile\n";
    return 1;
  }
  ASTContext &Context = AST->getASTContext();
  ArrayModel Model(ndLibraryModel());
  // The TU's summaries: audit_probe() only reads what it is passed.
  analysis::Summaries TU(Context, Model);
  unsigned Printed = 0;
  for (const Decl *D : Context.getTranslationUnitDecl()->decls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody() ||
        !FD->getName().starts_with("audit_case_"))
      continue;
    analysis::LayoutAnalysis Layout(*FD, Context, Model, &TU);
    ProbeFinder Finder;
    Finder.TraverseStmt(FD->getBody());
    for (const CallExpr *Probe : Finder.Probes) {
      Expr::EvalResult Id;
      if (!Probe->getArg(0)->EvaluateAsInt(Id, Context)) {
        llvm::errs() << "model_audit: a probe without a constant id\n";
        return 1;
      }
      llvm::outs() << Id.Val.getInt().getExtValue() << " ";
      const Expr *E = Probe->getArg(Probe->getNumArgs() - 1);
      std::optional<ArrayOperation> Op = Model.classify(E);
      if (!Op) {
        llvm::outs() << "not-a-model-call\n";
        ++Printed;
        continue;
      }
      ArrayFacts Facts = Layout.factsOf(E);
      CopyVerdict Verdict = Layout.copyVerdict(*Op);
      llvm::outs() << spell(Facts.C) << " " << spell(Facts.F) << " "
                   << spell(Verdict.Kind) << " "
                   << (Op->Api->Kind == ArrayOpKind::Create ? "create" : "op")
                   << " " << spell(Model.copyResultLayout(*Op)) << " "
                   << extents(Facts) << "\n";
      ++Printed;
    }
  }
  if (Printed == 0) {
    llvm::errs() << "model_audit: no probes found\n";
    return 1;
  }
  return 0;
}
