//===--- Findings.h - shared findings and "one finding, one diagnostic" ---===//
//
// Every ndarray check derives from NdarrayCheck and implements find(): given
// one analysed function, it appends Findings of its own kind. A per-TU
// analyzer (shared by all ndarray checks of a ClangTidyContext) runs the
// layout analysis and the finders of every ENABLED ndarray check once per
// function, then arbitrates: where several findings share an Anchor
// expression, only the most severe kind survives (impossible-view >
// write-to-copy > ambiguous-alias > redundant-copy-chain > copy-in-loop >
// hidden-copy > unnecessary-copy). Each check's check() then emits its own
// survivors.
//
//   class HiddenCopyCheck : public NdarrayCheck {
//   public:
//     HiddenCopyCheck(StringRef Name, ClangTidyContext *Context)
//         : NdarrayCheck(Name, Context, FindingKind::HiddenCopy) {}
//     void find(const FunctionContext &F,
//               std::vector<Finding> &Out) const override;
//   };
//
//===----------------------------------------------------------------------===//

#ifndef NDTIDY_ANALYSIS_FINDINGS_H
#define NDTIDY_ANALYSIS_FINDINGS_H

#include "analysis/LayoutAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "model/ArrayModel.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::ndarray::analysis {

/// The ndarray checks, most severe first (the arbitration order).
enum class FindingKind : unsigned {
  ImpossibleView,
  WriteToCopy,
  AmbiguousAlias,
  RedundantCopyChain,
  /// Before HiddenCopy: a hidden copy in a loop is one defect, and the loop
  /// is what makes it costly.
  CopyInLoop,
  HiddenCopy,
  UnnecessaryCopy,
};
constexpr unsigned NumFindingKinds = 7;

/// "ndarray-hidden-copy" for FindingKind::HiddenCopy.
llvm::StringRef checkNameOf(FindingKind Kind);

struct FindingNote {
  SourceLocation Loc;
  std::string Message;
  /// Fix-its attached to the note: applied only with --fix-notes.
  std::vector<FixItHint> Fixes;
};

struct Finding {
  FindingKind Kind;
  /// The expression the finding is about; findings of several kinds with the
  /// same Anchor are one finding (arbitration). Convention: the call of the
  /// operation that copies (or is written through).
  const Expr *Anchor = nullptr;
  /// Other expressions this finding is about, e.g. the call that made the
  /// fresh copy a redundant chain copies again: findings whose Anchor or
  /// Related expressions meet describe one defect (arbitration).
  llvm::SmallVector<const Expr *, 2> Related;
  SourceLocation Loc;
  /// The warning text (no "%" formatting: it is emitted verbatim).
  std::string Message;
  std::vector<FindingNote> Notes;
  /// Fix-its on the warning itself (applied with -fix): exact rewrites only.
  std::vector<FixItHint> Fixes;
  /// Elements of the array the finding is about, when statically known;
  /// compared with the check's MinElements.
  std::optional<int64_t> Elements;
};

class HandleUses;

/// How a function's body uses its array handles (HandleUses.h), built on the
/// first request and shared by every check and every calling context of the
/// function: it depends on the body alone, not on layout.
class SharedHandleUses {
public:
  /// \p Layout is the function's analysis, whose CFG and parent map the
  /// handle uses share.
  SharedHandleUses(const ArrayModel &Model, ASTContext &AST,
                   const FunctionDecl &Function, const LayoutAnalysis &Layout);
  ~SharedHandleUses();
  HandleUses &get();

private:
  const ArrayModel &Model;
  ASTContext &AST;
  const FunctionDecl &Function;
  const LayoutAnalysis &Layout;
  std::unique_ptr<HandleUses> Uses;
};

/// What a finder sees of one function.
struct FunctionContext {
  const FunctionDecl &Function;
  ASTContext &AST;
  const ArrayModel &Model;
  const LayoutAnalysis &Layout;
  /// Every call into the model in the body (nested lambdas excluded: they
  /// are functions of their own), in source order.
  llvm::ArrayRef<ArrayOperation> Operations;
  SharedHandleUses &Uses;
  /// True when the function is a template instantiation: no fix-its then.
  bool InTemplateInstantiation;
  /// True when Layout is the function analysed for one calling context:
  /// the findings hold on that call path only (the base words the message
  /// so, and drops fix-its, which would change every caller).
  bool InCallContext = false;
  /// Every conversion of an array into a typed array class in the body
  /// (OpenCV's Mat_<T>), in source order.
  llvm::ArrayRef<TypedConversion> Conversions = {};
};

class ValueUses;

/// What a finder sees of one function for the libraries with value
/// semantics (Eigen, xtensor): their objects' uses, no layout analysis.
struct ValueFunctionContext {
  const FunctionDecl &Function;
  ASTContext &AST;
  /// The model of the value libraries (valueLibraryModels()).
  const ArrayModel &Model;
  ValueUses &Uses;
  /// True when the function is a template instantiation: no fix-its then.
  bool InTemplateInstantiation;
};

class FindingsAnalyzer;
struct InstantiationFindings;

/// Base of every ndarray check: matching, caching, arbitration, emission and
/// the common MinElements option.
class NdarrayCheck : public ClangTidyCheck {
public:
  NdarrayCheck(StringRef Name, ClangTidyContext *Context, FindingKind Kind);
  ~NdarrayCheck() override;

  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus17; // nd needs C++20; torch code is often C++17
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) final;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) final;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;
  /// Stores MinElements; overrides must call this.
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

  /// Appends this check's findings in one function (called once per
  /// function and translation unit, only when this check is enabled).
  virtual void find(const FunctionContext &F,
                    std::vector<Finding> &Out) const = 0;
  /// Appends this check's findings on the value libraries' objects in one
  /// function (called once per function that uses their storage types).
  virtual void findValues(const ValueFunctionContext &,
                          std::vector<Finding> &) const {}

  FindingKind kind() const { return Kind; }
  int64_t minElements() const { return MinElements; }

protected:
  const ArrayModel Model;

private:
  /// Emits this check's findings in \p FD (the matching check calls it for
  /// every enabled ndarray check).
  void report(const FunctionDecl &FD, ASTContext &Context);
  /// Emits the claims every instantiation of a template body made.
  void emitInstantiationFindings();
  void emit(const Finding &F);

  const FindingKind Kind;
  const int64_t MinElements;
  std::shared_ptr<FindingsAnalyzer> Analyzer;
  /// Findings in template instantiations, emitted at the end of the TU
  /// only when every instantiation of the same body made the same claim.
  std::unique_ptr<InstantiationFindings> Instantiations;
};

} // namespace clang::tidy::ndarray::analysis

#endif // NDTIDY_ANALYSIS_FINDINGS_H
