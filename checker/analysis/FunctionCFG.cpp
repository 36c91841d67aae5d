//===--- FunctionCFG.cpp - one run-time CFG per function body -------------===//

#include "analysis/FunctionCFG.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::ndarray::analysis {
namespace {

/// While alive, every `if consteval` of a body stands replaced, in its
/// parent's child slot, by the branch that runs at run time (a null
/// statement when that branch is absent); the destructor puts the original
/// statements back. The CFG built meanwhile refers only to statements of the
/// original body (besides those null statements), so it stays valid after.
class RuntimeBranches {
public:
  RuntimeBranches(Stmt *Body, ASTContext &Context) {
    llvm::SmallVector<Stmt *, 32> Work{Body};
    while (!Work.empty()) {
      Stmt *S = Work.pop_back_val();
      for (Stmt *&Child : S->children()) {
        while (auto *If = dyn_cast_or_null<IfStmt>(Child)) {
          if (!If->isConsteval())
            break;
          Stmt *AtRunTime =
              If->isNegatedConsteval() ? If->getThen() : If->getElse();
          if (!AtRunTime)
            AtRunTime = new (Context) NullStmt(If->getBeginLoc());
          Replaced.emplace_back(&Child, Child);
          Child = AtRunTime;
        }
        if (Child)
          Work.push_back(Child);
      }
    }
  }
  ~RuntimeBranches() {
    for (auto &[Slot, Original] : llvm::reverse(Replaced))
      *Slot = Original;
  }
  RuntimeBranches(const RuntimeBranches &) = delete;
  RuntimeBranches &operator=(const RuntimeBranches &) = delete;

private:
  llvm::SmallVector<std::pair<Stmt **, Stmt *>, 2> Replaced;
};

} // namespace

std::unique_ptr<CFG> buildRuntimeCFG(const Decl *D, const Stmt *Body,
                                     ASTContext &Context) {
  if (!Body)
    return nullptr;
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = false;
  Options.AddTemporaryDtors = false;
  Options.AddLifetime = false;
  Options.AddScopes = false;
  auto *MutableBody = const_cast<Stmt *>(Body);
  RuntimeBranches Grafted(MutableBody, Context);
  return CFG::buildCFG(D, MutableBody, &Context, Options);
}

BodyCache::BodyCache() = default;
BodyCache::~BodyCache() = default;

const CFG *BodyCache::cfgOf(const Decl *D, const Stmt *Body,
                            ASTContext &Context) {
  auto [It, IsNew] = Graphs.try_emplace(Body);
  if (IsNew)
    It->second = buildRuntimeCFG(D, Body, Context);
  return It->second.get();
}

const ParentMap &BodyCache::parentsOf(const Stmt *Body) {
  std::unique_ptr<ParentMap> &Map = Parents[Body];
  if (!Map)
    Map = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
  return *Map;
}

} // namespace clang::tidy::ndarray::analysis
