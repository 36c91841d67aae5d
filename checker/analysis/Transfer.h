//===--- Transfer.h - what each array operation does to layout facts ------===//
//
// The transfer functions of the layout analysis, one per ArrayOpKind: given
// the facts of an operation's source, the facts of its result (apply) and
// whether it allocates (verdict). They know NumPy's rules and nothing about
// control flow; LayoutAnalysis drives them over a function's CFG.
//
//   Transfer Steps(Model, Context);
//   ArrayFacts T = Steps.apply(TransposeOp, Facts);   // C <-> F mirrored
//   CopyVerdict V = Steps.verdict(RavelOp, T);        // Copy
//
//===----------------------------------------------------------------------===//

#ifndef NDTIDY_ANALYSIS_TRANSFER_H
#define NDTIDY_ANALYSIS_TRANSFER_H

#include "analysis/ArrayFacts.h"
#include "analysis/LayoutAnalysis.h"
#include "model/ArrayModel.h"

namespace clang::tidy::ndarray::analysis {

class Transfer {
public:
  Transfer(const ArrayModel &Model, ASTContext &Context)
      : Model(Model), Context(Context) {}

  /// The facts of \p Op's result given the facts of its source.
  ArrayFacts apply(const ArrayOperation &Op, const ArrayFacts &Source) const;
  /// The facts of the result of \p Op, a copy laid out like its inputs
  /// (ResultLayout::FollowsInputs, concatenate), given the facts of its
  /// inputs (empty when the list is not spelled). Exact when every input's
  /// geometry is; C when every input is C-contiguous; otherwise Unknown (F
  /// inputs with a length-1 axis abstain, so all-F inputs do not always give
  /// an F result).
  ArrayFacts applyToInputs(const ArrayOperation &Op,
                           llvm::ArrayRef<ArrayFacts> Inputs) const;
  /// The facts of a fresh array built by one of its library's
  /// Constructions (dense in C order).
  ArrayFacts construct(const ConstructedArray &Array) const;
  /// Whether \p Op allocates, given the facts of its source.
  CopyVerdict verdict(const ArrayOperation &Op, const ArrayFacts &Source) const;

private:
  /// verdict() of a Reshape whose copy mode is IfNeeded.
  CopyVerdict reshapeVerdict(const ArrayOperation &Op,
                             const ArrayFacts &Source) const;
  /// The order \p Op needs its source to be contiguous in, A and K resolved.
  std::optional<MemoryOrder> requiredOrder(const ArrayOperation &Op,
                                           const ArrayFacts &Source) const;

  const ArrayModel &Model;
  ASTContext &Context;
};

/// Forgets contiguity, reasons and exact strides (the handle may have been
/// rebound or reshaped behind the analysis' back).
void clearLayout(ArrayFacts &R);
/// Adds \p Id to the buffers \p R may view.
void addBuffer(ArrayFacts &R, BufferId Id);

/// What the library call a proxy object (OpenCV's InputArray,
/// InputOutputArray) is built for does with the array it wraps.
enum class ProxyAccess {
  Unknown,       ///< Not a proxy, or not for a call the model knows.
  ReadsOnly,     ///< A read-only proxy given to the library's own function.
  WritesInPlace, ///< An in-place proxy given to an in-place write (Fill).
};
/// How \p Proxy's call uses its array; the Fill operation in \p Write when
/// it writes in place.
ProxyAccess proxyAccess(const CXXConstructExpr *Proxy, const ArrayModel &Model,
                        const ParentMap &Parents,
                        std::optional<ArrayOperation> *Write = nullptr);

} // namespace clang::tidy::ndarray::analysis

#endif // NDTIDY_ANALYSIS_TRANSFER_H
