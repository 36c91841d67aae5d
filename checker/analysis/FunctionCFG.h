//===--- FunctionCFG.h - one run-time CFG per function body ---------------===//
//
// The layout analysis and the handle-use analysis walk the same control flow
// graph of a function, and look up the same parents in its body. Both are
// built once per function and translation unit (BodyCache, owned by the TU's
// Summaries; a parent map costs as much as a CFG, and every calling context
// of a function would otherwise build its own). The graph describes the body
// as it runs:
//
//   - `if consteval { A } else { B }` runs B at run time and `if !consteval
//     { A } else { B }` runs A, so the graph holds only that branch. (Clang
//     19's CFG builder gives up on the whole function when it meets either
//     form; the compile-time branch allocates nothing at run time anyway.)
//
//   BodyCache Bodies;
//   if (const CFG *G = Bodies.cfgOf(FD, Body, Context)) ...  // null: not buildable
//   const ParentMap &Parents = Bodies.parentsOf(Body);
//
//===----------------------------------------------------------------------===//

#ifndef NDTIDY_ANALYSIS_FUNCTIONCFG_H
#define NDTIDY_ANALYSIS_FUNCTIONCFG_H

#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace clang {
class ASTContext;
class CFG;
class Decl;
class ParentMap;
class Stmt;
} // namespace clang

namespace clang::tidy::ndarray::analysis {

/// The CFG of \p Body (the body of \p D) as it runs, see the file comment;
/// null when Clang cannot build one.
std::unique_ptr<CFG> buildRuntimeCFG(const Decl *D, const Stmt *Body,
                                     ASTContext &Context);

/// Run-time CFGs and parent maps of function bodies, built on first use.
class BodyCache {
public:
  BodyCache();
  ~BodyCache();
  BodyCache(const BodyCache &) = delete;
  BodyCache &operator=(const BodyCache &) = delete;

  /// The CFG of the body \p Body of \p D; null when it cannot be built.
  const CFG *cfgOf(const Decl *D, const Stmt *Body, ASTContext &Context);
  /// The parents of the statements in \p Body.
  const ParentMap &parentsOf(const Stmt *Body);

private:
  llvm::DenseMap<const Stmt *, std::unique_ptr<CFG>> Graphs;
  llvm::DenseMap<const Stmt *, std::unique_ptr<ParentMap>> Parents;
};

} // namespace clang::tidy::ndarray::analysis

#endif // NDTIDY_ANALYSIS_FUNCTIONCFG_H
