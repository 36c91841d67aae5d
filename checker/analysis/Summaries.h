//===--- Summaries.h - array facts across the functions of one TU ---------===//
//
// The layout analysis of one function asks this per-TU object what it cannot
// see in its own body:
//
//   - what a call to a user function returns, given the facts of the
//     arguments at the call (`auto t = transposed(a); t.ravel()`): the callee
//     is analysed in that calling context and its return values joined;
//   - whether a callee keeps, stores or rebinds an array argument;
//   - the class invariant of an array field: the join of every store to it
//     in the TU (constructor initialisers, assignments), when the TU sees
//     every store;
//   - the calling contexts of a function: for each call site in the TU, the
//     function analysed with the facts its arguments have there, so that a
//     copy in a helper is reported where it happens, for the call paths
//     that make it copy.
//
// Each (function, argument facts) pair is analysed once per TU; a function
// gets at most a few contexts, paths are a few calls deep, and recursion
// gives Unknown (whether a direct recursive call keeps a parameter is a
// least fixpoint, LayoutAnalysis.cpp), so the cost stays linear in the TU.
//
//   Summaries TU(Context, Model);
//   const LayoutAnalysis &Base = TU.analysisOf(FD);      // parameters Unknown
//   for (const CallContext &C : TU.contextsOf(FD)) ...   // one per call path
//
//===----------------------------------------------------------------------===//

#ifndef NDTIDY_ANALYSIS_SUMMARIES_H
#define NDTIDY_ANALYSIS_SUMMARIES_H

#include "analysis/ArrayFacts.h"
#include "model/ArrayModel.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <vector>

namespace clang {
class ASTContext;
class CFG;
class Expr;
class FieldDecl;
class FunctionDecl;
class ParentMap;
} // namespace clang

namespace clang::tidy::ndarray::analysis {

class LayoutAnalysis;

/// One way a function is reached: the analysis of its body with the facts
/// its array parameters have on that path, and the calls that lead there
/// (outermost first; each a CallExpr or CXXConstructExpr in the TU).
struct CallContext {
  const LayoutAnalysis *Layout = nullptr;
  llvm::SmallVector<const Expr *, 4> Path;
};

class Summaries {
public:
  Summaries(ASTContext &Context, const ArrayModel &Model);
  ~Summaries();
  Summaries(const Summaries &) = delete;
  Summaries &operator=(const Summaries &) = delete;

  /// The analysis of \p FD with its parameters Unknown (any caller).
  const LayoutAnalysis &analysisOf(const FunctionDecl &FD);

  /// Every calling context of \p FD found in the TU in which some array
  /// argument has a known layout.
  llvm::ArrayRef<CallContext> contextsOf(const FunctionDecl &FD);

  /// The facts of what \p Call (to a user function \p Callee returning an
  /// array) returns, when its parameters have \p Params facts (one entry
  /// per parameter of Callee). Buffers allocated by the callee are renamed
  /// to \p Call. Unknown when the body is not visible or not analysable.
  ArrayFacts resultOf(const FunctionDecl &Callee, const Expr *Call,
                      llvm::ArrayRef<ArrayFacts> Params);

  /// Whether \p Callee may keep parameter \p Param beyond the call (store
  /// it in a field or global, pass it on to something unknown) or change
  /// its array's shape in place. False only when the body is visible and
  /// provably does neither.
  bool mayRetainParam(const FunctionDecl &Callee, unsigned Param);

  /// The class invariant of field \p Field: the join of every store to it
  /// in the TU; Unknown when a store is not known, the field may be
  /// modified in ways the analysis does not follow, or code outside the TU
  /// may store to it.
  ArrayFacts fieldFacts(const FieldDecl &Field);

  /// Brackets the run of an analysis of \p FD: calls back into a function
  /// whose analysis is running (recursion) answer Unknown.
  void beginAnalysis(const FunctionDecl &FD);
  void endAnalysis(const FunctionDecl &FD);

  /// The run-time CFG of \p FD's body (FunctionCFG.h), built once per TU
  /// and shared by every analysis of FD; null when it cannot be built.
  const CFG *cfgOf(const FunctionDecl &FD);
  /// The parents of the statements in \p FD's body, shared the same way.
  const ParentMap &parentsOf(const FunctionDecl &FD);

  /// How many answers so far were Unknown only because of the order of the
  /// work (a summary still being computed, the nesting limit, the context
  /// budget): an analysis that received one may differ from another
  /// analysis of the same function.
  unsigned provisionalAnswers() const;

  const ArrayModel &model() const { return Model; }
  ASTContext &astContext() const { return Context; }

private:
  struct Impl;
  std::unique_ptr<Impl> P;
  ASTContext &Context;
  const ArrayModel &Model;
};

} // namespace clang::tidy::ndarray::analysis

#endif // NDTIDY_ANALYSIS_SUMMARIES_H
