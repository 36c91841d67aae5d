//===--- HandleUses.h - how a function uses its array handles -------------===//
//
// The use, mutation and escape analysis behind ndarray-unnecessary-copy,
// ndarray-write-to-copy and ndarray-ambiguous-alias. It answers, for one
// function body:
//
//   - how the value of an array expression is used: only its metadata read
//     (size(), shape()), its elements read, written (`x(i) = v`, `fill`),
//     rebound (`x = y`), or anything not understood (escape);
//   - the same for a local handle, following the locals that alias it;
//   - which handle a write goes through, and the chain of operations between
//     that handle and the variable it derives from (`a.T().ravel()(0) = 1`);
//   - the live region between a definition and its last use, over the CFG.
//
// Like clang-tidy's isOnlyUsedAsConst, it is conservative: whatever it does
// not recognise is an escape, and an escape means "may be written". A handle
// passed to a function whose body is visible is followed into it (two calls
// deep); any other call is an escape.
//
//   HandleUses Uses(Model, Context, Body);
//   HandleUses::Summary S = Uses.usesOfVar(B);
//   if (!S.hasWriteOrEscape()) ...   // `B` is only read
//
//===----------------------------------------------------------------------===//

#ifndef NDTIDY_ANALYSIS_HANDLEUSES_H
#define NDTIDY_ANALYSIS_HANDLEUSES_H

#include "analysis/LayoutAnalysis.h"
#include "model/ArrayModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang {
class ASTContext;
class CFG;
class CFGBlock;
class DeclRefExpr;
class ParentMap;
class Stmt;
class VarDecl;
} // namespace clang

namespace clang::tidy::ndarray::analysis {

/// How one occurrence of a handle is used.
enum class HandleUseKind {
  MetaRead, ///< Only shape metadata: size(), ndim(), shape(), nbytes().
  DataRead, ///< Element values are read (element read, a copy of it).
  Write,    ///< Elements are written (`x(i) = v`, `x(i) += v`, `fill`).
  Rebind,   ///< The handle itself is reassigned (`x = y`).
  Escape,   ///< Anything else: may be written, stored or read later.
};

struct HandleUse {
  HandleUseKind Kind;
  /// The occurrence (a DeclRefExpr for variables).
  const Expr *Occurrence;
  /// The outermost expression the use was recognised in (the assignment,
  /// the fill() call, the call the handle escapes into).
  const Expr *Site;
  /// The use went through a derived handle that may be a copy rather than
  /// a view: whether it shares the buffer depends on layout (ravel, reshape,
  /// ascontiguousarray) or on element types (torch's to()).
  bool ThroughMaybeCopy = false;
};

/// An array expression taken apart: the chain of array operations from the
/// outermost (the expression itself) to the variable it derives from.
struct HandleChain {
  /// Operations from the outermost inwards; each one's Source is the next.
  llvm::SmallVector<ArrayOperation, 4> Ops;
  /// The variable at the bottom, or null when the chain ends in something
  /// else (a call to an unknown function, a member, a fresh array).
  const VarDecl *Root = nullptr;
  const DeclRefExpr *RootRef = nullptr;
  /// The expression at the bottom of the chain.
  const Expr *Base = nullptr;
};

/// A write into array elements found in the body.
struct WriteSite {
  /// The array handle written through (the object of `(i)` or `fill`).
  const Expr *Handle;
  /// The whole writing expression (the assignment, the fill() call).
  const Expr *Site;
};

/// Where a write through a chain of operations ends up.
struct WriteReach {
  enum KindType {
    Reaches,   ///< Every operation is a view: the write reaches the root.
    Lost,      ///< An operation copies: the write goes into a copy.
    Ambiguous, ///< View or copy depends on a layout not known here.
  } Kind = Reaches;
  /// Lost: the outermost operation that copies. Ambiguous: the innermost
  /// operation whose outcome is unknown.
  const ArrayOperation *Culprit = nullptr;
  CopyVerdict Verdict;
};

/// Decides where a write through \p Chain (outermost operation first) goes.
WriteReach reachOfWrite(const HandleChain &Chain, const LayoutAnalysis &Layout);

/// "C-contiguous", "F-contiguous", ...: the layout under which a ravel,
/// reshape or ascontiguousarray in \p Order returns a view.
std::string viewCondition(const ArrayOperation &Op);

/// "'a'" for a chain rooted at variable a, else "its source".
std::string rootName(const HandleChain &Chain);

class HandleUses {
public:
  struct Summary {
    llvm::SmallVector<HandleUse, 8> Uses;
    /// Locals that alias the variable (`auto c = b;`), transitively.
    llvm::SmallVector<const VarDecl *, 2> Aliases;

    bool has(HandleUseKind Kind) const;
    /// Element values are read, or the handle escapes: someone may see them.
    bool mayBeRead() const {
      return has(HandleUseKind::DataRead) || has(HandleUseKind::Escape);
    }
    bool hasMaybeCopyUse() const;
  };

  /// \p Function is the FunctionDecl (or lambda call operator) owning \p Body.
  /// \p CallDepth counts the calls followed to get here: a handle passed to
  /// a function whose body is visible is followed into it, up to a limit.
  /// \p Graph and \p Parents are Body's run-time CFG and parent map when
  /// the caller already has them (LayoutAnalysis::cfg(), parents());
  /// otherwise they are built here.
  HandleUses(const ArrayModel &Model, ASTContext &Context, const Decl *Function,
             const Stmt *Body, unsigned CallDepth = 0,
             const CFG *Graph = nullptr, const ParentMap *Parents = nullptr);
  ~HandleUses();
  HandleUses(const HandleUses &) = delete;
  HandleUses &operator=(const HandleUses &) = delete;

  /// True when \p E has the library's array type.
  bool isArrayExpr(const Expr *E) const;

  /// Uses of the handle value \p E (an array-typed expression in the body).
  llvm::SmallVector<HandleUse, 4> usesOfExpr(const Expr *E);

  /// Every use of local \p Var in the body, following the locals initialised
  /// from it. Occurrences inside a lambda body count as escapes.
  Summary usesOfVar(const VarDecl *Var);

  /// Takes \p E apart down to its root variable.
  HandleChain chainOf(const Expr *E) const;

  /// The local array variables declared in the body (not in nested
  /// lambdas), in source order.
  llvm::ArrayRef<const VarDecl *> localArrayVars() const { return Locals; }

  /// Every element write in the body, in source order.
  llvm::ArrayRef<WriteSite> writeSites();

  /// The local variable whose initialiser is \p Init (looking through handle
  /// copies), if \p Init is a whole variable initialiser.
  const VarDecl *varInitialisedBy(const Expr *Init) const;

  /// True when \p Var is a local holding an array nobody else can hold:
  /// initialised by a call that allocates (zeros, copy, flatten) and never
  /// escaping, directly or through its aliases.
  bool isFreshUnescaped(const VarDecl *Var);

  /// True when \p S lies in a lambda nested in the body.
  bool isInNestedLambda(const Stmt *S) const;

  /// The statements that may execute after \p Def and before one of \p Uses
  /// (over the CFG; conservative: unknown statements are inside).
  class LiveRegion {
  public:
    bool contains(const Stmt *S) const;

  private:
    friend class HandleUses;
    const HandleUses *Owner = nullptr;
    bool Everything = true;
    unsigned DefBlock = 0, DefIndex = 0;
    llvm::DenseMap<unsigned, unsigned> LastUseIndex; // block -> max index
    llvm::DenseSet<unsigned> AfterDef;   // blocks strictly reachable from Def
    llvm::DenseSet<unsigned> BeforeUse;  // blocks that strictly reach a use
  };
  LiveRegion liveRegion(const Stmt *Def, llvm::ArrayRef<const Stmt *> Uses);

  /// True when something in \p Region may write through a handle this
  /// analysis cannot see: a call to an unknown function, or an element write
  /// through a handle that is not a fresh, unescaped local other than those
  /// in \p Known (whose writes the caller checks itself).
  bool mayWriteHiddenHandles(const LiveRegion &Region,
                             llvm::ArrayRef<const VarDecl *> Known);
  /// The same for the statements \p InRegion accepts (e.g. those of a loop).
  bool mayWriteHiddenHandles(llvm::function_ref<bool(const Stmt *)> InRegion,
                             llvm::ArrayRef<const VarDecl *> Known);

  const ArrayModel &model() const { return Model; }
  ASTContext &context() const { return Context; }

private:
  const Stmt *parentOf(const Stmt *S) const;
  void classifyHandleValue(const Expr *E, bool MaybeCopy,
                           llvm::SmallVectorImpl<HandleUse> &Out,
                           const Expr *Occurrence, unsigned Depth);
  HandleUseKind classifyElementRef(const Expr *Ref, const Expr *&Site) const;
  HandleUseKind classifyLValue(const Expr *E, const Expr *&Site) const;
  bool isQueryOnly(const CXXMethodDecl *Method) const;
  std::optional<HandleUseKind> queryKind(const CXXMethodDecl *Method) const;
  bool callMayWriteHidden(const Expr *Call) const;
  bool isInLibraryNamespace(const Decl *D) const;
  bool userFunctionWritesNoArray(const FunctionDecl *Callee) const;
  bool bodyWritesNoArray();
  std::optional<HandleUseKind> useInCallee(const CallExpr *Call,
                                           const Expr *Arg);
  bool typeMayReachArray(QualType T, unsigned Depth = 0) const;
  void ensureCFG();
  std::optional<std::pair<unsigned, unsigned>> positionOf(const Stmt *S) const;

  const ArrayModel &Model;
  ASTContext &Context;
  const Decl *Function;
  const Stmt *Body;
  /// Built here when the caller has none to share.
  std::unique_ptr<ParentMap> OwnParents;
  const ParentMap *Parents;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const DeclRefExpr *, 4>>
      Refs;
  llvm::SmallVector<const Expr *, 16> Calls;
  llvm::SmallVector<const VarDecl *, 8> Locals;
  /// Assignments through pointers, references, subscripts and members.
  llvm::SmallVector<const Expr *, 8> IndirectWrites;
  std::optional<llvm::SmallVector<WriteSite, 8>> Writes;
  llvm::DenseMap<const VarDecl *, bool> FreshCache;
  llvm::SmallVector<const VarDecl *, 4> AliasScratch;
  unsigned CallDepth;
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>,
                 std::optional<HandleUseKind>>
      CalleeCache;
  mutable llvm::DenseMap<const FunctionDecl *, bool> HarmlessCache;

  bool CFGBuilt = false;
  const CFG *Graph;
  std::unique_ptr<CFG> OwnGraph;
  llvm::DenseMap<const Stmt *, std::pair<unsigned, unsigned>> Position;
};

} // namespace clang::tidy::ndarray::analysis

#endif // NDTIDY_ANALYSIS_HANDLEUSES_H
