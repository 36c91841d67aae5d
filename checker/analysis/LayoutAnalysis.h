//===--- LayoutAnalysis.h - flow-sensitive layout facts of local arrays ---===//
//
// A forward dataflow analysis over Clang's CFG of one function body (a
// function, or the call operator of a lambda, analysed as its own function).
// For every local array handle and parameter it tracks ArrayFacts, joining at
// merges and iterating loops to a fixpoint. Anything the analysis does not
// understand makes a handle Unknown: an address taken, a non-const reference,
// a capture by reference, a call of a non-const member outside the model, a
// by-value pass to an unknown function. A per-function budget (block visits)
// bounds the cost; past it, every query answers Unknown.
//
//   LayoutAnalysis Layout(*FD, Context, Model);
//   ArrayFacts Facts = Layout.factsOf(Op.Source);     // where Source is
//   evaluated CopyVerdict V = Layout.copyVerdict(Op);           // does this
//   ravel copy?
//
//===----------------------------------------------------------------------===//

#ifndef NDTIDY_ANALYSIS_LAYOUTANALYSIS_H
#define NDTIDY_ANALYSIS_LAYOUTANALYSIS_H

#include "analysis/ArrayFacts.h"
#include "model/ArrayModel.h"
#include <memory>

namespace clang {
class ASTContext;
class CFG;
class DeclRefExpr;
class Expr;
class FunctionDecl;
class ParentMap;
class Stmt;
class VarDecl;
} // namespace clang

namespace clang::tidy::ndarray::analysis {

/// Whether an operation allocates a new buffer, as far as provable.
struct CopyVerdict {
  enum KindType {
    View,                 ///< Never copies (for every admitted shape).
    Copy,                 ///< Always copies.
    CopyUnlessDegenerate, ///< Copies unless degenerateCondition() holds.
    Unknown,
  } Kind = Unknown;
  /// Copying is what the operation is for (copy, flatten, astype, take).
  bool Explicit = false;
  /// The facts of the operation's source where it is evaluated.
  ArrayFacts Source;
  /// The order the operation needed its source to be contiguous in (Ravel,
  /// Reshape, MakeContiguous), after resolving A.
  std::optional<MemoryOrder> RequiredOrder;
  /// For a call that must not copy (reshape with copy_mode::never, torch's
  /// view()), Kind is Unknown and this is what it would do if it could:
  /// Copy means it throws, CopyUnlessDegenerate that it throws unless the
  /// degenerate condition holds.
  KindType IfCopyAllowed = Unknown;
};

class Summaries;

class LayoutAnalysis {
public:
  /// Analyses the body of \p Function. With \p TU, calls to user functions,
  /// fields and containers are followed through the TU's summaries. \p
  /// ParamFacts, one entry per parameter, are the facts the parameters have
  /// on entry (a calling context); empty: Unknown. \p MaxBlockVisits bounds
  /// the work.
  LayoutAnalysis(const FunctionDecl &Function, ASTContext &Context,
                 const ArrayModel &Model, Summaries *TU = nullptr,
                 llvm::ArrayRef<ArrayFacts> ParamFacts = {},
                 unsigned MaxBlockVisits = 20000);
  ~LayoutAnalysis();
  LayoutAnalysis(const LayoutAnalysis &) = delete;
  LayoutAnalysis &operator=(const LayoutAnalysis &) = delete;

  /// The facts of the array \p E denotes, at the point E is evaluated: a
  /// tracked local gives its state there; a call into the model gives the
  /// model's transfer applied to the facts of its source. Unknown otherwise.
  ArrayFacts factsOf(const Expr *E) const;

  /// What \p Op does to its source: view, copy, or unknown. Findings are
  /// decided on Kind, Explicit, RequiredOrder and IfCopyAllowed; Source
  /// describes them (messages, sizes). A finder that decides on Source's
  /// layout asks factsOf() for it (contextDependentAnswers() counts that).
  CopyVerdict copyVerdict(const ArrayOperation &Op) const;

  /// The facts of \p Op's result given the facts of its source.
  ArrayFacts apply(const ArrayOperation &Op, const ArrayFacts &Source) const;

  /// The tracked local or parameter \p E denotes (through parentheses and
  /// handle copies), or null.
  const VarDecl *trackedVar(const Expr *E) const;

  /// The local container of arrays whose element \p E reads (`v[i]`,
  /// `v.front()`), or null.
  const VarDecl *containerOfElement(const Expr *E) const;

  /// Whether \p V escapes anywhere in the function: address taken, bound to
  /// a non-const reference, captured by reference, passed by value or
  /// non-const reference to a function outside the model, stored into a
  /// member or global. Such a handle may be modified or shared behind the
  /// analysis' back.
  bool escapes(const VarDecl *V) const;

  /// Tracked handles that may share the buffer of the array \p Use (a
  /// reference to a tracked variable) denotes at that point, Use's variable
  /// excluded. Unknown-origin handles (parameters) all may share.
  llvm::SmallVector<const VarDecl *, 4>
  mayAliasAt(const DeclRefExpr *Use) const;

  /// Whether the variable referenced by \p Use holds, at that point, a
  /// buffer it allocated itself (from a copy or creation) that no other
  /// tracked handle may share, and the variable never escapes.
  bool isFreshAt(const DeclRefExpr *Use) const;

  /// The join of the facts of every array the function returns; Unknown
  /// when it returns anything else or a value the analysis cannot follow.
  /// Fresh when every return hands over a buffer nothing else holds.
  ArrayFacts returnedFacts() const;

  /// The facts of \p E evaluated on entry, before the body runs (a
  /// constructor's member initialisers).
  ArrayFacts entryFacts(const Expr *E) const;

  /// Whether parameter \p Index may outlive the call (stored, captured,
  /// passed on to an unknown function or by non-const reference) or its
  /// array be changed in place (through any handle the body may change).
  bool paramEscapes(unsigned Index) const;

  /// True when the budget ran out; every query then answers Unknown.
  bool gaveUp() const;

  /// How many answers so far (factsOf, copyVerdict, mayAliasAt, isFreshAt)
  /// may differ in a calling context: derived from the parameters' entry
  /// facts, Unknown past the budget, or made while a summary they used was
  /// still being computed (Summaries::provisionalAnswers). Findings made
  /// without any are the same in every calling context.
  unsigned contextDependentAnswers() const { return ContextDependentAnswers; }

  /// True while the body is being analysed (a query from inside the run,
  /// through a cycle of calls, would see partial results).
  bool inProgress() const;

  const FunctionDecl &function() const;
  /// The run-time CFG of the function's body (FunctionCFG.h), shared with
  /// the TU's other analyses of it; null when Clang cannot build one.
  const CFG *cfg() const;
  /// The parents of the statements in the function's body, shared the same
  /// way.
  const ParentMap &parents() const;
  const ArrayModel &model() const;
  ASTContext &astContext() const;

private:
  struct Impl;
  Impl &ensureRun() const;
  /// Replaced when a run is repeated under other recursion assumptions.
  mutable std::unique_ptr<Impl> P;
  mutable unsigned ContextDependentAnswers = 0;
  void noteAnswer(bool ContextDependent) const;
  /// factsOf() without counting the answer; \p ContextDependent tells
  /// whether it may differ in a calling context.
  ArrayFacts evaluate(const Expr *E, bool &ContextDependent) const;
};

} // namespace clang::tidy::ndarray::analysis

#endif // NDTIDY_ANALYSIS_LAYOUTANALYSIS_H
