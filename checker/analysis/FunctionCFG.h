//===--- FunctionCFG.h - one run-time CFG per function body ---------------===//
//
// The layout analysis and the handle-use analysis walk the same control flow
// graph of a function. It is built once per function and translation unit
// (CFGCache, owned by the TU's Summaries) and describes the body as it runs:
//
//   - `if consteval { A } else { B }` runs B at run time and `if !consteval
//     { A } else { B }` runs A, so the graph holds only that branch. (Clang
//     19's CFG builder gives up on the whole function when it meets either
//     form; the compile-time branch allocates nothing at run time anyway.)
//
//   CFGCache Graphs;
//   if (const CFG *G = Graphs.of(FD, Context)) ...   // null: not buildable
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
class Stmt;
} // namespace clang

namespace clang::tidy::ndarray::analysis {

/// The CFG of \p Body (the body of \p D) as it runs, see the file comment;
/// null when Clang cannot build one.
std::unique_ptr<CFG> buildRuntimeCFG(const Decl *D, const Stmt *Body,
                                     ASTContext &Context);

/// Run-time CFGs of function bodies, built on first use.
class CFGCache {
public:
  CFGCache();
  ~CFGCache();
  CFGCache(const CFGCache &) = delete;
  CFGCache &operator=(const CFGCache &) = delete;

  /// The CFG of the body \p Body of \p D; null when it cannot be built.
  const CFG *of(const Decl *D, const Stmt *Body, ASTContext &Context);

private:
  llvm::DenseMap<const Stmt *, std::unique_ptr<CFG>> Graphs;
};

} // namespace clang::tidy::ndarray::analysis

#endif // NDTIDY_ANALYSIS_FUNCTIONCFG_H
