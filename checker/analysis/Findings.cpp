//===--- Findings.cpp - per-TU findings cache and arbitration -------------===//

#include "analysis/Findings.h"
#include "analysis/HandleUses.h"
#include "analysis/Summaries.h"
#include "analysis/ValueUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <set>
#include <mutex>

using namespace clang::ast_matchers;

namespace clang::tidy::ndarray::analysis {

SharedHandleUses::SharedHandleUses(const ArrayModel &Model, ASTContext &AST,
                                   const FunctionDecl &Function,
                                   const LayoutAnalysis &Layout)
    : Model(Model), AST(AST), Function(Function), Layout(Layout) {}

SharedHandleUses::~SharedHandleUses() = default;

HandleUses &SharedHandleUses::get() {
  if (!Uses)
    Uses = std::make_unique<HandleUses>(Model, AST, &Function,
                                        Function.getBody(), /*CallDepth=*/0,
                                        Layout.cfg(), &Layout.parents());
  return *Uses;
}

llvm::StringRef checkNameOf(FindingKind Kind) {
  switch (Kind) {
  case FindingKind::ImpossibleView:
    return "ndarray-impossible-view";
  case FindingKind::WriteToCopy:
    return "ndarray-write-to-copy";
  case FindingKind::AmbiguousAlias:
    return "ndarray-ambiguous-alias";
  case FindingKind::RedundantCopyChain:
    return "ndarray-redundant-copy-chain";
  case FindingKind::CopyInLoop:
    return "ndarray-copy-in-loop";
  case FindingKind::HiddenCopy:
    return "ndarray-hidden-copy";
  case FindingKind::UnnecessaryCopy:
    return "ndarray-unnecessary-copy";
  }
  return "ndarray-unknown";
}

namespace {

// Collects the model calls and typed conversions of one body, skipping
// nested lambdas.
class OperationCollector : public RecursiveASTVisitor<OperationCollector> {
public:
  OperationCollector(const ArrayModel &Model, const ASTContext &AST,
                     std::vector<ArrayOperation> &Out,
                     std::vector<TypedConversion> &Conversions)
      : Model(Model), AST(AST), Out(Out), Conversions(Conversions) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCallExpr(CallExpr *Call) {
    if (std::optional<ArrayOperation> Op = Model.classify(Call))
      if (Op->Call == Call)
        Out.push_back(*Op);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    if (std::optional<TypedConversion> C =
            Model.typedConversion(Construct, AST))
      Conversions.push_back(*C);
    return true;
  }

private:
  const ArrayModel &Model;
  const ASTContext &AST;
  std::vector<ArrayOperation> &Out;
  std::vector<TypedConversion> &Conversions;
};

bool isTemplateInstantiationContext(const FunctionDecl &FD) {
  for (const DeclContext *DC = &FD; DC; DC = DC->getParent()) {
    if (const auto *F = dyn_cast<FunctionDecl>(DC);
        F && F->isTemplateInstantiation())
      return true;
    if (isa<ClassTemplateSpecializationDecl>(DC))
      return true;
  }
  return false;
}

// The library's own code is the model's ground truth, not user code.
bool isInLibraryNamespace(const FunctionDecl &FD, const ArrayModel &Model) {
  return Model.isLibraryDecl(&FD);
}

} // namespace

/// Shared by every ndarray check of one ClangTidyContext.
class FindingsAnalyzer {
public:
  void add(NdarrayCheck *Check) { Checks.push_back(Check); }
  /// The check that matches functions for all of them: one traversal of the
  /// TU's declarations however many ndarray checks are enabled.
  bool isLeader(const NdarrayCheck *Check) const {
    return !Checks.empty() && Checks.front() == Check;
  }
  llvm::ArrayRef<NdarrayCheck *> checks() const { return Checks; }
  void remove(NdarrayCheck *Check) {
    llvm::erase(Checks, Check);
    clear();
  }
  void clear() {
    ValueModel.forgetTranslationUnit();
    Cache.clear();
    Emitted.clear();
    TU.reset();
    ValueLibrariesPresent.reset();
  }

  /// The surviving findings of \p Kind in \p FD (computed once).
  llvm::ArrayRef<Finding> findingsFor(const FunctionDecl &FD, ASTContext &AST,
                                      const ArrayModel &Model,
                                      FindingKind Kind) {
    return resultFor(FD, AST, Model)[static_cast<unsigned>(Kind)];
  }
  /// A template instantiation's findings of \p Kind on some call paths.
  llvm::ArrayRef<Finding> callPathFindingsFor(const FunctionDecl &FD,
                                              ASTContext &AST,
                                              const ArrayModel &Model,
                                              FindingKind Kind) {
    return resultFor(FD, AST, Model).OnCallPaths[static_cast<unsigned>(Kind)];
  }

  /// False when this diagnostic was already emitted (an identical one from
  /// another template instantiation).
  bool markEmitted(const Finding &F) {
    return Emitted
        .insert({F.Loc.getRawEncoding(), static_cast<unsigned>(F.Kind)})
        .second;
  }

private:
  struct Result {
    std::vector<Finding> ByKind[NumFindingKinds];
    /// In a template instantiation: the findings that hold on some call
    /// paths only. Each is true of this instantiation as it stands, so it
    /// is emitted as it is, not only when every instantiation agrees.
    std::vector<Finding> OnCallPaths[NumFindingKinds];
    llvm::ArrayRef<Finding> operator[](unsigned I) const { return ByKind[I]; }
  };

  Result analyse(const FunctionDecl &FD, ASTContext &AST,
                 const ArrayModel &Model) {
    Result R;
    std::vector<Finding> Values = runValueFinders(FD, AST);
    std::vector<ArrayOperation> Operations;
    std::vector<TypedConversion> Conversions;
    OperationCollector(Model, AST, Operations, Conversions)
        .TraverseStmt(const_cast<Stmt *>(FD.getBody()));
    if (Operations.empty() && Conversions.empty()) {
      for (Finding &F : arbitrate(std::move(Values)))
        R.ByKind[static_cast<unsigned>(F.Kind)].push_back(std::move(F));
      return R;
    }
    Summaries &TU = summaries(AST, Model);
    const LayoutAnalysis &Layout = TU.analysisOf(FD);
    SharedHandleUses Uses(Model, AST, FD, Layout);
    FunctionContext Context{FD,         AST,        Model,
                            Layout,     Operations, Uses,
                            isTemplateInstantiationContext(FD),
                            /*InCallContext=*/false, Conversions};
    unsigned AnswersBefore = Layout.contextDependentAnswers();
    std::vector<Finding> All = runFinders(Context);
    // Findings made without a fact derived from the parameters' entry facts
    // are the same in every calling context: those need no analysis.
    bool ContextsMatter = Layout.contextDependentAnswers() != AnswersBefore;
    for (Finding &F : Values)
      All.push_back(std::move(F));
    All = arbitrate(std::move(All));
    if (ContextsMatter && Context.InTemplateInstantiation) {
      std::vector<Finding> Paths = All;
      size_t Own = Paths.size();
      addCallPathFindings(Context, TU.contextsOf(FD), Paths);
      for (size_t I = Own; I < Paths.size(); ++I)
        R.OnCallPaths[static_cast<unsigned>(Paths[I].Kind)].push_back(
            std::move(Paths[I]));
    } else if (ContextsMatter) {
      addCallPathFindings(Context, TU.contextsOf(FD), All);
    }
    for (Finding &F : arbitrate(std::move(All)))
      R.ByKind[static_cast<unsigned>(F.Kind)].push_back(std::move(F));
    return R;
  }

  /// Every enabled check's findings in one analysed function, MinElements
  /// applied, fix-its dropped where they would not be exact.
  std::vector<Finding> runFinders(const FunctionContext &Context,
                                  bool KeepSmall = false) const {
    std::vector<Finding> All;
    for (const NdarrayCheck *Check : Checks) {
      std::vector<Finding> Found;
      Check->find(Context, Found);
      for (Finding &F : Found) {
        F.Kind = Check->kind();
        if (!KeepSmall && isTooSmall(F))
          continue;
        if (Context.InTemplateInstantiation || Context.InCallContext) {
          F.Fixes.clear();
          for (FindingNote &N : F.Notes)
            N.Fixes.clear();
        }
        All.push_back(std::move(F));
      }
    }
    return All;
  }

  /// Every enabled check's findings on the value libraries' objects in
  /// \p FD; none when it uses no storage type of theirs.
  std::vector<Finding> runValueFinders(const FunctionDecl &FD,
                                       ASTContext &AST) {
    std::vector<Finding> All;
    // Eigen's and xtensor's own functions are the model's ground truth.
    if (!valueLibrariesIn(AST) || ValueModel.isLibraryDecl(&FD))
      return All;
    ValueUses Uses(ValueModel, AST, FD);
    if (Uses.empty())
      return All;
    ValueFunctionContext Context{FD, AST, ValueModel, Uses,
                                 isTemplateInstantiationContext(FD)};
    for (const NdarrayCheck *Check : Checks) {
      std::vector<Finding> Found;
      Check->findValues(Context, Found);
      for (Finding &F : Found) {
        F.Kind = Check->kind();
        if (Context.InTemplateInstantiation) {
          F.Fixes.clear();
          for (FindingNote &N : F.Notes)
            N.Fixes.clear();
        }
        All.push_back(std::move(F));
      }
    }
    return All;
  }

  /// Whether \p F is about fewer elements than its check's MinElements.
  bool isTooSmall(const Finding &F) const {
    for (const NdarrayCheck *Check : Checks)
      if (Check->kind() == F.Kind)
        return F.Elements && *F.Elements < Check->minElements();
    return false;
  }

  /// Whether \p A and \p B describe one defect: they share an anchor or a
  /// related expression.
  static bool sameDefect(const Finding &A, const Finding &B) {
    auto Keys = [](const Finding &F) {
      llvm::SmallVector<const Expr *, 3> K(F.Related.begin(), F.Related.end());
      if (F.Anchor)
        K.push_back(F.Anchor);
      return K;
    };
    for (const Expr *X : Keys(A))
      if (llvm::is_contained(Keys(B), X))
        return true;
    return false;
  }

  /// One finding, one diagnostic: per defect (findings connected by shared
  /// anchors or related expressions), the most severe kind wins.
  static std::vector<Finding> arbitrate(std::vector<Finding> All) {
    // Union-find over the findings; a function has few of them.
    std::vector<size_t> Group(All.size());
    for (size_t I = 0; I < All.size(); ++I)
      Group[I] = I;
    auto Find = [&](size_t I) {
      while (Group[I] != I)
        I = Group[I] = Group[Group[I]];
      return I;
    };
    for (size_t I = 0; I < All.size(); ++I)
      for (size_t J = I + 1; J < All.size(); ++J)
        if (sameDefect(All[I], All[J]))
          Group[Find(J)] = Find(I);
    std::vector<unsigned> Best(All.size(), NumFindingKinds);
    for (size_t I = 0; I < All.size(); ++I)
      Best[Find(I)] =
          std::min(Best[Find(I)], static_cast<unsigned>(All[I].Kind));
    std::vector<Finding> Kept;
    for (size_t I = 0; I < All.size(); ++I)
      if (Best[Find(I)] == static_cast<unsigned>(All[I].Kind))
        Kept.push_back(std::move(All[I]));
    return Kept;
  }

  /// Findings that hold only when the function is called from some call
  /// sites of the TU: one diagnostic per claim, saying on which call paths
  /// it holds, with a note at every call on them.
  void addCallPathFindings(const FunctionContext &Base,
                           llvm::ArrayRef<CallContext> Contexts,
                           std::vector<Finding> &Out) const {
    if (Contexts.empty())
      return;
    struct Claim {
      Finding First;
      std::vector<const CallContext *> Paths;
    };
    std::vector<Claim> Claims;
    // Per context, the anchors it reported, to name the paths that do not.
    std::vector<llvm::DenseSet<std::pair<const Expr *, unsigned>>> Reported(
        Contexts.size());
    for (size_t I = 0; I < Contexts.size(); ++I) {
      FunctionContext Context{Base.Function,   Base.AST,
                              Base.Model,      *Contexts[I].Layout,
                              Base.Operations, Base.Uses,
                              Base.InTemplateInstantiation,
                              /*InCallContext=*/true, Base.Conversions};
      // Small copies are not reported, but they are copies: such a path
      // is not named as one that does not copy.
      for (Finding &F : arbitrate(runFinders(Context, /*KeepSmall=*/true))) {
        Reported[I].insert({F.Anchor, static_cast<unsigned>(F.Kind)});
        if (isTooSmall(F))
          continue;
        auto Same = llvm::find_if(Claims, [&](const Claim &C) {
          return C.First.Anchor == F.Anchor && C.First.Kind == F.Kind &&
                 C.First.Message == F.Message;
        });
        if (Same == Claims.end())
          Claims.push_back({std::move(F), {&Contexts[I]}});
        else
          Same->Paths.push_back(&Contexts[I]);
      }
    }
    const SourceManager &SM = Base.AST.getSourceManager();
    for (Claim &C : Claims) {
      // What every call path already reports needs no call path.
      bool Unconditional = llvm::any_of(Out, [&](const Finding &F) {
        return sameDefect(F, C.First) &&
               static_cast<unsigned>(F.Kind) <=
                   static_cast<unsigned>(C.First.Kind);
      });
      if (Unconditional)
        continue;
      std::vector<const CallContext *> Others;
      for (size_t I = 0; I < Contexts.size(); ++I)
        if (!Reported[I].contains(
                {C.First.Anchor, static_cast<unsigned>(C.First.Kind)}))
          Others.push_back(&Contexts[I]);
      Finding F = std::move(C.First);
      std::string Phrase = " when '" + calleeName(Base.Function) +
                           "' is called from " +
                           describePaths(C.Paths, F.Loc, SM);
      if (!Others.empty())
        Phrase += " (not from " + describePaths(Others, F.Loc, SM) + ")";
      // After the claim's verb phrase: before its first ": ", or before a
      // condition (" unless ...") that precedes it.
      size_t At = F.Message.find(": ");
      if (At == std::string::npos)
        At = F.Message.size();
      if (size_t Unless = F.Message.rfind(" unless ", At);
          Unless != std::string::npos)
        At = Unless;
      F.Message.insert(At, Phrase);
      for (const CallContext *Path : C.Paths)
        for (const Expr *Call : Path->Path) {
          FindingNote Note{Call->getExprLoc(),
                           "'" + calleeName(*calleeOf(Call)) +
                               "' is called here",
                           {}};
          bool Seen = llvm::any_of(F.Notes, [&](const FindingNote &N) {
            return N.Loc == Note.Loc && N.Message == Note.Message;
          });
          if (!Seen)
            F.Notes.push_back(std::move(Note));
        }
      Out.push_back(std::move(F));
    }
  }

  static const FunctionDecl *calleeOf(const Expr *Call) {
    if (const auto *C = dyn_cast<CallExpr>(Call))
      return C->getDirectCallee();
    return cast<CXXConstructExpr>(Call)->getConstructor();
  }

  /// "flat_of", "Model" (a constructor), "the lambda".
  static std::string calleeName(const FunctionDecl &FD) {
    if (const auto *Method = dyn_cast<CXXMethodDecl>(&FD)) {
      if (Method->getParent()->isLambda())
        return "the lambda";
      if (isa<CXXConstructorDecl>(Method))
        return Method->getParent()->getNameAsString();
    }
    return FD.getNameAsString();
  }

  /// "line 12", "lines 12 and 15", "line 8 via line 20": where the paths
  /// enter the function (the file is named when not \p Here's).
  static std::string describePaths(llvm::ArrayRef<const CallContext *> Paths,
                                   SourceLocation Here,
                                   const SourceManager &SM) {
    auto Line = [&](const Expr *Call) {
      SourceLocation L = SM.getExpansionLoc(Call->getExprLoc());
      std::string Text = std::to_string(SM.getExpansionLineNumber(L));
      if (SM.getFileID(L) != SM.getFileID(SM.getExpansionLoc(Here)))
        Text += " of " + llvm::sys::path::filename(SM.getFilename(L)).str();
      return Text;
    };
    std::vector<std::string> Parts;
    bool Simple = true;
    for (const CallContext *C : Paths) {
      std::string Part = Line(C->Path.back());
      for (size_t I = C->Path.size() - 1; I-- > 0;) {
        Part += " via line " + Line(C->Path[I]);
        Simple = false;
      }
      if (!llvm::is_contained(Parts, Part))
        Parts.push_back(Part);
    }
    std::string Text = Parts.size() > 1 && Simple ? "lines " : "line ";
    for (size_t I = 0; I < Parts.size(); ++I) {
      if (I > 0)
        Text += I + 1 == Parts.size() ? " and " : ", ";
      if (I > 0 && !Simple)
        Text += "line ";
      Text += Parts[I];
    }
    return Text;
  }

  Summaries &summaries(ASTContext &AST, const ArrayModel &Model) {
    if (!TU || &TU->astContext() != &AST)
      TU = std::make_unique<Summaries>(AST, Model);
    return *TU;
  }

  /// Whether the TU includes a value library at all (else no function of
  /// it has a value to look at); asked once per TU (reset by clear()).
  bool valueLibrariesIn(ASTContext &AST) {
    if (!ValueLibrariesPresent)
      ValueLibrariesPresent =
          ValueModel.isAnyLibraryIn(*AST.getTranslationUnitDecl());
    return *ValueLibrariesPresent;
  }

  const Result &resultFor(const FunctionDecl &FD, ASTContext &AST,
                          const ArrayModel &Model) {
    auto It = Cache.find(&FD);
    if (It == Cache.end())
      It = Cache.try_emplace(&FD, analyse(FD, AST, Model)).first;
    return It->second;
  }

  std::vector<NdarrayCheck *> Checks;
  /// The libraries with value semantics, for findValues().
  const ArrayModel ValueModel{valueLibraryModels()};
  /// valueLibrariesIn() of the current TU, once asked.
  std::optional<bool> ValueLibrariesPresent;
  /// The TU's summaries and analyses (reset with the TU).
  std::unique_ptr<Summaries> TU;
  std::map<const FunctionDecl *, Result> Cache;
  llvm::DenseSet<std::pair<unsigned, unsigned>> Emitted;
};

/// One template body's findings, gathered over its instantiations. A
/// diagnostic is emitted once per location for all of them, so its text
/// must hold for each: it is emitted only when every analysed
/// instantiation produced it word for word.
struct InstantiationFindings {
  struct Claim {
    Finding First;
    unsigned Count = 0;
  };
  struct Body {
    llvm::DenseSet<const FunctionDecl *> Seen;
    // Keyed by (location, message); std::map keeps the emission order stable.
    std::map<std::pair<unsigned, std::string>, Claim> Claims;
  };
  std::map<unsigned, Body> Bodies; // keyed by the body's start location

  void add(const FunctionDecl &FD, llvm::ArrayRef<Finding> Found) {
    Body &B = Bodies[FD.getBody()->getBeginLoc().getRawEncoding()];
    if (!B.Seen.insert(&FD).second)
      return;
    // Identical claims within one instantiation count once.
    std::set<std::pair<unsigned, std::string>> ThisOne;
    for (const Finding &F : Found) {
      std::pair<unsigned, std::string> Key{F.Loc.getRawEncoding(), F.Message};
      if (!ThisOne.insert(Key).second)
        continue;
      Claim &C = B.Claims[Key];
      if (C.Count++ == 0)
        C.First = F;
    }
  }
};

namespace {
std::mutex RegistryMutex;
std::map<ClangTidyContext *, std::weak_ptr<FindingsAnalyzer>> &registry() {
  static std::map<ClangTidyContext *, std::weak_ptr<FindingsAnalyzer>> R;
  return R;
}

std::shared_ptr<FindingsAnalyzer> analyzerFor(ClangTidyContext *Context) {
  std::lock_guard<std::mutex> Lock(RegistryMutex);
  std::weak_ptr<FindingsAnalyzer> &Slot = registry()[Context];
  std::shared_ptr<FindingsAnalyzer> Analyzer = Slot.lock();
  if (!Analyzer) {
    Analyzer = std::make_shared<FindingsAnalyzer>();
    Slot = Analyzer;
  }
  return Analyzer;
}
} // namespace

NdarrayCheck::NdarrayCheck(StringRef Name, ClangTidyContext *Context,
                           FindingKind Kind)
    : ClangTidyCheck(Name, Context), Model(allLibraryModels()), Kind(Kind),
      MinElements(Options.getLocalOrGlobal("MinElements", int64_t(1024))),
      Analyzer(analyzerFor(Context)),
      Instantiations(std::make_unique<InstantiationFindings>()) {
  // clang-tidy constructs only the enabled checks; the name test also keeps
  // a check constructed under another name (an alias) out of arbitration.
  if (Context->isCheckEnabled(Name))
    Analyzer->add(this);
}

NdarrayCheck::~NdarrayCheck() { Analyzer->remove(this); }

void NdarrayCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MinElements", MinElements);
}

namespace {
/// The function bodies outside system headers and modelled libraries,
/// template instantiations included: function definitions and lambdas' call
/// operators. Whole declarations from system headers and from a modelled
/// library's namespace are skipped at their top, so a TU that includes
/// <torch/torch.h> costs a walk of the user's code only.
struct UserFunctions : RecursiveASTVisitor<UserFunctions> {
  const SourceManager &SM;
  const ArrayModel &Model;
  std::vector<const FunctionDecl *> Found;
  UserFunctions(const SourceManager &SM, const ArrayModel &Model)
      : SM(SM), Model(Model) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getBeginLoc().isValid() &&
        (SM.isInSystemHeader(SM.getExpansionLoc(D->getBeginLoc())) ||
         // (asked at namespace scope: what is nested in it goes with it)
         (D->getLexicalDeclContext()->isFileContext() &&
          Model.isLibraryDecl(D))))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->isThisDeclarationADefinition())
      Found.push_back(FD);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    Found.push_back(L->getCallOperator());
    return true;
  }
};
} // namespace

void NdarrayCheck::registerMatchers(MatchFinder *Finder) {
  // One check matches for all of them (fewer matcher callbacks per node).
  if (Analyzer->isLeader(this))
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void NdarrayCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *TU = Result.Nodes.getNodeAs<TranslationUnitDecl>("tu");
  if (!TU)
    return;
  UserFunctions Functions(*Result.SourceManager, Model);
  Functions.TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
  llvm::SmallVector<NdarrayCheck *, 8> All(Analyzer->checks());
  for (const FunctionDecl *FD : Functions.Found) {
    if (!FD->hasBody() || FD->getBody() == nullptr ||
        FD->isDependentContext() || FD->isInvalidDecl() ||
        isInLibraryNamespace(*FD, Model))
      continue;
    // Only the definition that owns the body.
    const FunctionDecl *Definition = nullptr;
    if (!FD->hasBody(Definition) || Definition != FD)
      continue;
    for (NdarrayCheck *Check : All)
      Check->report(*FD, *Result.Context);
  }
}

void NdarrayCheck::report(const FunctionDecl &FD, ASTContext &Context) {
  llvm::ArrayRef<Finding> Found =
      Analyzer->findingsFor(FD, Context, Model, Kind);
  if (isTemplateInstantiationContext(FD)) {
    Instantiations->add(FD, Found);
    for (const Finding &F :
         Analyzer->callPathFindingsFor(FD, Context, Model, Kind))
      emit(F);
    return;
  }
  for (const Finding &F : Found)
    emit(F);
}

void NdarrayCheck::emit(const Finding &F) {
  if (!Analyzer->markEmitted(F))
    return;
  {
    auto Diag = diag(F.Loc, "%0") << F.Message;
    for (const FixItHint &Fix : F.Fixes)
      Diag << Fix;
  }
  for (const FindingNote &Note : F.Notes) {
    auto Diag = diag(Note.Loc, "%0", DiagnosticIDs::Note) << Note.Message;
    for (const FixItHint &Fix : Note.Fixes)
      Diag << Fix;
  }
}

void NdarrayCheck::onStartOfTranslationUnit() {
  // Called only for the leader, as below.
  if (!Analyzer->isLeader(this))
    return;
  for (NdarrayCheck *Check : Analyzer->checks())
    Check->Model.forgetTranslationUnit();
  Analyzer->clear();
}

void NdarrayCheck::onEndOfTranslationUnit() {
  // Called only for the check that registered the matcher (the leader).
  if (!Analyzer->isLeader(this))
    return;
  llvm::SmallVector<NdarrayCheck *, 8> All(Analyzer->checks());
  for (NdarrayCheck *Check : All)
    Check->emitInstantiationFindings();
  Analyzer->clear();
}

void NdarrayCheck::emitInstantiationFindings() {
  for (const auto &[Key, Body] : Instantiations->Bodies)
    for (const auto &[Where, Claim] : Body.Claims)
      if (Claim.Count == Body.Seen.size())
        emit(Claim.First);
  Instantiations->Bodies.clear();
}

} // namespace clang::tidy::ndarray::analysis
