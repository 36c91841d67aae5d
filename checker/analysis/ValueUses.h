//===--- ValueUses.h - how a function uses value-semantics arrays ---------===//
//
// Eigen and xtensor objects own their elements: `MatrixXd b = a;` is a deep
// copy, and whether that copy was needed depends only on how `a` and `b`
// are used afterwards. This analysis answers, for one function body, how
// each occurrence of a variable of a storage type (ArrayModel::
// storageClassOf) is used:
//
//   - Read: its elements or extents are only read, directly (`b(0, 0)` as a
//     value, `b.norm()`, `b.rows()`), through a const reference parameter
//     (`f(b)` with `const MatrixXd&`), or through a lazy expression of the
//     library that is itself only read (`b.transpose() * c`, `xt::view(b,
//     0) + 1`);
//   - Write: an element or the whole object is written (`b(0, 0) = 1`,
//     `b.col(0) = v`, `b.setZero()`, `b = c`, `xt::view(b, 0) = 1`);
//   - Escape: anything else (a non-const reference or pointer taken, a call
//     that may write it, `std::move`, a lambda, `auto t = b.transpose()`,
//     a return, a range-for): it may be written or read later.
//
// Like HandleUses for the handle libraries, it is conservative: whatever it
// does not recognise is an escape. It has no CFG: its users ask about the
// uses that come after a point in the source, which is sound for variables
// declared in the body (a variable declared inside a loop dies at the end
// of each iteration) as long as the body has no goto (hasGoto()).
//
//===----------------------------------------------------------------------===//

#ifndef NDTIDY_ANALYSIS_VALUEUSES_H
#define NDTIDY_ANALYSIS_VALUEUSES_H

#include "model/ArrayModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang {
class ASTContext;
class DeclRefExpr;
class FunctionDecl;
class ParentMap;
class Stmt;
class VarDecl;
} // namespace clang

namespace clang::tidy::ndarray::analysis {

enum class ValueUseKind { Read, Write, Escape };

struct ValueUse {
  ValueUseKind Kind;
  const DeclRefExpr *Ref;
  /// The outermost expression the use was recognised in (the assignment,
  /// the call); Ref itself for an escape.
  const Expr *Site;
};

class ValueUses {
public:
  ValueUses(const ArrayModel &Values, ASTContext &Context,
            const FunctionDecl &Function);
  ~ValueUses();
  ValueUses(const ValueUses &) = delete;
  ValueUses &operator=(const ValueUses &) = delete;

  /// Variables of a storage type referenced in the body (locals of the
  /// body, its parameters, anything else referenced), in order of first
  /// occurrence. Empty: the function does not use the libraries' storage.
  llvm::ArrayRef<const VarDecl *> variables() const { return Variables; }
  /// Every occurrence of \p Var in the body, nested lambdas included (an
  /// occurrence inside a lambda is an escape).
  llvm::ArrayRef<ValueUse> usesOf(const VarDecl *Var);
  /// Whether the body uses none of the libraries' storage or calls.
  bool empty() const { return Variables.empty() && Candidates.empty(); }
  /// Whether the body has a goto (the source order is then no guide).
  bool hasGoto() const { return Goto; }
  /// Whether \p Var is a local variable of the body (not in a nested
  /// lambda) or a parameter of the function, held by value (not a
  /// reference, not static).
  bool isOwnedValue(const VarDecl *Var) const;

  /// How the value of \p E, an expression that denotes (a view or an
  /// element of) a storage object, is used where it appears. \p Site is set
  /// to the outermost expression the use was recognised in.
  ValueUseKind classify(const Expr *E, const Expr *&Site) const;

  /// Writes in the body, in source order: the written expression (the
  /// object of a writing member call, the left side of an assignment) and
  /// the whole write. Only writes through the libraries' types.
  struct WriteSite {
    const Expr *Target;
    const Expr *Site;
  };
  llvm::ArrayRef<WriteSite> writes();

  /// Whether \p S is a statement of its own: its value is discarded.
  bool isFullStatement(const Expr *E) const;

  /// The first write of \p Var when every use is a write that stands as a
  /// statement of its own (`b(0, 0) = 1;`, not `return b *= 2;`, whose
  /// result is read), or a read that only computes such a write of \p Var
  /// (`b /= b.norm();`): nothing outside \p Var ever sees what is written
  /// into it. Null otherwise. \p SelfReads, if given, tells whether such
  /// reads occur.
  const ValueUse *firstOfOnlyWrites(const VarDecl *Var,
                                    bool *SelfReads = nullptr);
  /// firstOfOnlyWrites() for \p Param, a by-value parameter of a storage
  /// type: the caller's argument is another object. Null for a const
  /// parameter and for a constructor's parameter that a member initializer
  /// uses (the initializers are not in the body).
  const ValueUse *onlyWrittenParameter(const ParmVarDecl *Param,
                                       bool *SelfReads = nullptr);

  /// \p E without the library's views and element accessors that a write
  /// through it goes through (`t.block(..)(0, 0)` -> `t`), and without
  /// implicit nodes.
  const Expr *writtenObject(const Expr *E) const;

  /// Whether \p Source may change while \p Copy, a local initialised from
  /// it, is in use: \p Source escapes anywhere, or is written after the
  /// copy is declared and before a use of the copy (in the source, or on a
  /// later iteration of a loop that does not contain the declaration).
  bool changedWhileLive(const VarDecl *Copy, const VarDecl *Source);

  /// \p E without parentheses and casts to a base or to const (not
  /// without a temporary's materialisation).
  static const Expr *withoutParensAndBaseCasts(const Expr *E);

  const Stmt *parentOf(const Stmt *S) const;
  /// Whether \p S lies in \p Outer (or is it).
  bool contains(const Stmt *Outer, const Stmt *S) const;
  const ArrayModel &model() const { return Model; }
  ASTContext &context() const { return Context; }
  const FunctionDecl &function() const { return Function; }

private:
  ValueUseKind classifyMemberCall(const CallExpr *Call,
                                  const CXXMethodDecl *Method,
                                  const Expr *&Site, unsigned Depth) const;
  ValueUseKind classifyAt(const Expr *E, const Expr *&Site,
                          unsigned Depth) const;
  /// Whether what \p Call returns may refer to its arguments or object: a
  /// reference, a pointer, or a lazy expression or view (then its use is
  /// followed, not taken as a read).
  bool resultRefersTo(const CallExpr *Call) const;
  /// Whether \p T is one of the libraries' lazy expressions or views.
  bool isLibraryExpression(QualType T) const;
  bool isInLambda(const Stmt *S) const;

  const ArrayModel &Model;
  ASTContext &Context;
  const FunctionDecl &Function;
  const Stmt *Body;
  std::unique_ptr<ParentMap> Parents;
  llvm::SmallVector<const VarDecl *, 8> Variables;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const DeclRefExpr *, 8>>
      Refs;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<ValueUse, 8>> Uses;
  llvm::SmallVector<const Expr *, 16> Candidates; // possible write sites
  std::optional<llvm::SmallVector<WriteSite, 8>> Writes;
  bool Goto = false;
};

/// "Eigen::MatrixXd": how \p Var's type is written in the source, else as
/// clang prints it.
std::string writtenTypeOf(const VarDecl *Var, const ASTContext &Context);

} // namespace clang::tidy::ndarray::analysis

#endif // NDTIDY_ANALYSIS_VALUEUSES_H
