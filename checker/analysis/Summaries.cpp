//===--- Summaries.cpp - array facts across the functions of one TU -------===//

#include "analysis/Summaries.h"
#include "analysis/FunctionCFG.h"
#include "analysis/LayoutAnalysis.h"
#include "analysis/Transfer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "utils/LLVMCompat.h"
#include <map>

namespace clang::tidy::ndarray::analysis {

namespace {

/// Contexts a function is analysed in, at most; the rest of its call paths
/// are not followed (fewer findings, never a false one).
constexpr unsigned MaxContextsPerFunction = 16;
/// Analyses in calling contexts per TU, at most.
constexpr unsigned MaxContextAnalyses = 4000;
/// Calls on one reported call path, at most.
constexpr unsigned MaxPathLength = 3;
/// Nested analyses (a callee analysed while its caller's runs), at most.
constexpr unsigned MaxNesting = 8;

/// Whether any array parameter has a layout worth a context of its own.
bool isInformative(llvm::ArrayRef<ArrayFacts> Params) {
  for (const ArrayFacts &F : Params)
    if (!F.Bottom && (F.C != Contiguity::Unknown ||
                      F.F != Contiguity::Unknown || F.TypeCode >= 0))
      return true;
  return false;
}

/// Equal facts, wherever they came from.
bool sameFactsAnyOrigin(const ArrayFacts &A, const ArrayFacts &B) {
  if (A.ContextDependent == B.ContextDependent)
    return A == B;
  ArrayFacts Copy = B;
  Copy.ContextDependent = A.ContextDependent;
  return A == Copy;
}

bool isTransparentNode(const Stmt *S) {
  return isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, ExprWithCleanups>(S);
}

} // namespace

struct Summaries::Impl {
  Summaries &Self;
  ASTContext &Context;
  const ArrayModel &Model;

  std::map<const FunctionDecl *, std::unique_ptr<LayoutAnalysis>> Base;
  struct Specialised {
    std::vector<ArrayFacts> Params;
    std::unique_ptr<LayoutAnalysis> Layout;
  };
  std::map<const FunctionDecl *, std::vector<Specialised>> Specialisations;
  unsigned SpecialisedCount = 0;
  BodyCache Bodies;
  llvm::DenseMap<const FunctionDecl *, unsigned> Running;
  /// Answers that were Unknown only because of the order of the work: a
  /// summary still being computed (a cycle of calls), the nesting limit or
  /// the context budget.
  unsigned ProvisionalAnswers = 0;
  unsigned Nesting = 0;

  // -- What the TU scan finds ------------------------------------------------
  bool Scanned = false;
  struct Site {
    const FunctionDecl *Caller;
    const Expr *Call; ///< CallExpr or CXXConstructExpr.
  };
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<Site, 4>> CallersOf;
  /// Functions referred to other than by a direct call.
  llvm::DenseSet<const FunctionDecl *> AddressTaken;
  struct Store {
    const Expr *Value;
    const FunctionDecl *In;
  };
  llvm::DenseMap<const FieldDecl *, llvm::SmallVector<Store, 2>> FieldStores;
  /// Array fields used in a way the analysis does not follow.
  llvm::DenseSet<const FieldDecl *> FieldUnfollowed;

  std::map<const FieldDecl *, ArrayFacts> FieldCache;
  llvm::DenseSet<const FieldDecl *> FieldInProgress;
  /// The contexts of a function, found at a depth of the path search: the
  /// paths found are complete up to MaxPathLength - Depth calls.
  struct FoundContexts {
    std::vector<CallContext> Contexts;
    unsigned Depth = 0;
  };
  std::map<const FunctionDecl *, FoundContexts> ContextCache;
  /// The user's code reopens a namespace of a system header or a modelled
  /// library (see isForeignCode).
  bool UserExtendsForeignNamespace = false;
  llvm::DenseSet<const FunctionDecl *> ContextsInProgress;
  unsigned ContextDepth = 0;

  Impl(Summaries &Self, ASTContext &Context, const ArrayModel &Model)
      : Self(Self), Context(Context), Model(Model) {}

  static const FunctionDecl *definitionOf(const FunctionDecl &FD) {
    const FunctionDecl *Def = FD.getDefinition();
    if (!Def || !Def->hasBody() || !Def->getBody() ||
        Def->isDependentContext() || Def->isInvalidDecl())
      return nullptr;
    return Def;
  }

  bool isLibrary(const Decl *D) const { return Model.isLibraryDecl(D); }

  bool isInSystemHeader(const Decl *D) const {
    return Context.getSourceManager().isInSystemHeader(D->getLocation());
  }

  /// Whether \p D is declared by a system header or a modelled library.
  bool isForeign(const Decl *D) const {
    return isInSystemHeader(D) || isLibrary(D);
  }

  /// Whether \p T names only foreign declarations (builtin types, and
  /// classes and enums of system headers or modelled libraries, whose
  /// template arguments do too), so code instantiated with it cannot reach
  /// the user's functions, fields or aggregates.
  bool namesOnlyForeign(QualType T, unsigned Depth = 0) const {
    if (T.isNull() || Depth > 8)
      return false;
    T = T.getCanonicalType();
    while (!T->isBuiltinType()) {
      if (const auto *Pointee = T->getPointeeType().getTypePtrOrNull())
        T = QualType(Pointee, 0).getCanonicalType();
      else if (const ArrayType *Array = T->getAsArrayTypeUnsafe())
        T = Array->getElementType().getCanonicalType();
      else
        break;
    }
    if (T->isBuiltinType())
      return true;
    const TagDecl *Tag = T->getAsTagDecl();
    if (!Tag || !isForeign(Tag))
      return false;
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Tag);
    return !Spec || argumentsNameOnlyForeign(Spec->getTemplateArgs().asArray(),
                                             Depth + 1);
  }
  bool argumentsNameOnlyForeign(llvm::ArrayRef<TemplateArgument> Args,
                                unsigned Depth) const {
    return llvm::all_of(Args, [&](const TemplateArgument &Arg) {
      switch (Arg.getKind()) {
      case TemplateArgument::Type:
        return namesOnlyForeign(Arg.getAsType(), Depth);
      case TemplateArgument::Integral:
      case TemplateArgument::NullPtr:
        return true;
      case TemplateArgument::Pack:
        return argumentsNameOnlyForeign(Arg.pack_elements(), Depth);
      default:
        return false;
      }
    });
  }
  /// A system header's or a modelled library's own function, or its
  /// instantiation with foreign template arguments only (`nd::array<double>`'s
  /// members): it cannot name the user's functions or fields. (Argument-
  /// dependent lookup in such an instantiation looks only in foreign
  /// namespaces, unless the user's code adds to one: then instantiations
  /// are not skipped.)
  bool isForeignCode(const FunctionDecl *FD) const {
    if (!isForeign(FD))
      return false;
    if (!FD->isTemplateInstantiation())
      return true;
    if (UserExtendsForeignNamespace)
      return false;
    if (const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs();
        Args && !argumentsNameOnlyForeign(Args->asArray(), 0))
      return false;
    for (const DeclContext *DC = FD->getDeclContext(); DC;
         DC = DC->getParent()) {
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(DC)) {
        if (!argumentsNameOnlyForeign(Spec->getTemplateArgs().asArray(), 0))
          return false;
      } else if (!isa<NamespaceDecl>(DC) && !isa<CXXRecordDecl>(DC) &&
                 !isa<TranslationUnitDecl>(DC) && !isa<LinkageSpecDecl>(DC)) {
        return false; // a local class, a lambda: not looked into
      }
    }
    return true;
  }

  // -- The TU scan -------------------------------------------------------------
  void scan() {
    if (Scanned)
      return;
    Scanned = true;
    for (const Decl *D : Context.getTranslationUnitDecl()->decls())
      if (const auto *NS = dyn_cast<NamespaceDecl>(D);
          NS && !isForeign(NS) && isForeign(NS->getFirstDecl()))
        UserExtendsForeignNamespace = true;
    struct Visitor : RecursiveASTVisitor<Visitor> {
      Impl &Self;
      std::vector<const FunctionDecl *> Stack;
      llvm::DenseSet<const Expr *> CalleeRefs;
      std::vector<std::pair<const Expr *, const FunctionDecl *>> FunctionRefs;
      std::vector<std::pair<const MemberExpr *, const FunctionDecl *>>
          FieldUses;
      explicit Visitor(Impl &Self) : Self(Self) {}
      bool shouldVisitTemplateInstantiations() const { return true; }
      bool shouldVisitImplicitCode() const { return true; }

      bool TraverseDecl(Decl *D) {
        auto *FD = dyn_cast_or_null<FunctionDecl>(D);
        // A system header's or a modelled library's own code cannot name
        // the user's functions or fields; only its templates instantiated
        // with the user's types can.
        if (FD && Self.isForeignCode(FD))
          return true;
        bool Push = FD && FD->doesThisDeclarationHaveABody() &&
                    !FD->isDependentContext();
        if (Push)
          Stack.push_back(FD);
        bool Result = RecursiveASTVisitor::TraverseDecl(D);
        if (Push)
          Stack.pop_back();
        return Result;
      }
      bool TraverseLambdaExpr(LambdaExpr *L) {
        Stack.push_back(L->getCallOperator());
        bool Result = RecursiveASTVisitor::TraverseLambdaExpr(L);
        Stack.pop_back();
        return Result;
      }
      const FunctionDecl *current() const {
        return Stack.empty() ? nullptr : Stack.back();
      }
      void addSite(const FunctionDecl *Callee, const Expr *Call) {
        const FunctionDecl *Def = definitionOf(*Callee);
        if (!Def || !current() || Self.isLibrary(Def))
          return;
        Self.CallersOf[Def].push_back({current(), Call});
      }
      bool VisitCallExpr(CallExpr *Call) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        if (!Callee)
          return true;
        CalleeRefs.insert(Call->getCallee()->IgnoreParenImpCasts());
        bool HasArrayParam = llvm::any_of(
            Callee->parameters(), [&](const ParmVarDecl *P) {
              return Self.Model.isArrayType(P->getType());
            });
        if (HasArrayParam && !Self.Model.classify(Call))
          addSite(Callee, Call);
        return true;
      }
      bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
        const CXXConstructorDecl *Ctor = Construct->getConstructor();
        if (Ctor && !Self.Model.isArrayType(
                        compat::recordType(Self.Context, Ctor->getParent())))
          addSite(Ctor, Construct);
        return true;
      }
      // Aggregate initialisation stores each field (`Dataset d{X.T(), y}`).
      bool VisitInitListExpr(InitListExpr *List) {
        if (!List->isSemanticForm() || !Seen.insert(List).second)
          return true;
        const auto *RD = List->getType()->getAsCXXRecordDecl();
        if (!RD || !RD->isAggregate() || List->getNumInits() == 0)
          return true;
        unsigned I = RD->getNumBases();
        for (const FieldDecl *Field : RD->fields()) {
          if (I >= List->getNumInits())
            break;
          const Expr *Value = List->getInit(I++);
          if (!Self.Model.isArrayType(Field->getType()))
            continue;
          if (!current() || isa<ImplicitValueInitExpr>(Value) ||
              !Self.Model.isArrayType(Value->getType()))
            Self.FieldUnfollowed.insert(Field);
          else if (const auto *Default = dyn_cast<CXXDefaultInitExpr>(Value))
            Self.FieldStores[Field].push_back({Default->getExpr(), current()});
          else
            Self.FieldStores[Field].push_back({Value, current()});
        }
        return true;
      }
      llvm::DenseSet<const InitListExpr *> Seen;
      bool VisitDeclRefExpr(DeclRefExpr *Ref) {
        if (const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl()))
          FunctionRefs.push_back({Ref, FD});
        return true;
      }
      bool VisitMemberExpr(MemberExpr *Member) {
        if (const auto *Method =
                dyn_cast<CXXMethodDecl>(Member->getMemberDecl()))
          FunctionRefs.push_back({Member, Method});
        else if (const auto *Field =
                     dyn_cast<FieldDecl>(Member->getMemberDecl());
                 Field && Self.Model.isArrayType(Field->getType())) {
          // Uses outside a function body, and in system headers (a
          // library's templates instantiated with the user's types), are
          // not followed: the field's invariant is then unknown.
          if (!current() || Self.isInSystemHeader(current()))
            Self.FieldUnfollowed.insert(Field);
          else
            FieldUses.push_back({Member, current()});
        }
        return true;
      }
    } V(*this);
    V.TraverseDecl(Context.getTranslationUnitDecl());
    for (const auto &[Ref, FD] : V.FunctionRefs)
      if (!V.CalleeRefs.contains(Ref))
        if (const FunctionDecl *Def = definitionOf(*FD))
          AddressTaken.insert(Def);
    // Each function's parents come from a map of its own body: a parent
    // map of the whole TU would cover every header's declarations.
    std::map<const FunctionDecl *, std::unique_ptr<ParentMap>> BodyParents;
    for (const auto &[Use, In] : V.FieldUses) {
      std::unique_ptr<ParentMap> &Parents = BodyParents[In];
      if (!Parents) {
        Parents = std::make_unique<ParentMap>(In->getBody());
        if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(In))
          for (const CXXCtorInitializer *Init : Ctor->inits())
            if (Init->getInit())
              Parents->addStmt(Init->getInit());
      }
      classifyFieldUse(Use, *In, *Parents);
    }
  }

  /// What holds \p Child in function \p In: a statement, the variable it
  /// initialises, or the constructor initialiser it is the value of.
  struct Holder {
    const Stmt *S = nullptr;
    const VarDecl *Var = nullptr;
    const CXXCtorInitializer *Init = nullptr;
  };
  static Holder holderOf(const Stmt *Child, const FunctionDecl &In,
                         const ParentMap &Parents) {
    const Stmt *P = Parents.getParent(Child);
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Var->getInit() == Child)
          return {nullptr, Var, nullptr};
      return {};
    }
    if (P)
      return {P, nullptr, nullptr};
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&In))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->getInit() == Child)
          return {nullptr, nullptr, Init};
    return {};
  }

  /// Records a store to the field \p Use names, or marks the field
  /// unfollowed when the use may change it in a way not modelled.
  void classifyFieldUse(const MemberExpr *Use, const FunctionDecl &In,
                        const ParentMap &Parents) {
    const auto *Field = cast<FieldDecl>(Use->getMemberDecl());
    auto Unfollowed = [&] { FieldUnfollowed.insert(Field); };
    auto ParamAllows = [](QualType T) {
      return !T->isReferenceType() || T.getNonReferenceType().isConstQualified();
    };
    const Stmt *Child = Use;
    for (int Depth = 0; Depth < 32; ++Depth) {
      Holder Parent = holderOf(Child, In, Parents);
      if (const VarDecl *Var = Parent.Var) {
        if (!ParamAllows(Var->getType()))
          Unfollowed();
        return;
      }
      if (const CXXCtorInitializer *Init = Parent.Init) {
        if (const FieldDecl *Into = Init->getMember();
            Into && !ParamAllows(Into->getType()))
          Unfollowed();
        return;
      }
      const Stmt *P = Parent.S;
      if (!P)
        return Unfollowed();
      if (isTransparentNode(P)) {
        Child = P;
        continue;
      }
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P);
          Op && Op->getNumArgs() > 0 && Op->getArg(0) == Child &&
          isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee())) {
        if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
          const Expr *Value = Op->getArg(1);
          if (!Model.isArrayType(Value->getType()))
            return; // element-wise assignment of a scalar: layout unchanged
          // A copy from another object of the class keeps the invariant.
          if (const auto *From = dyn_cast<MemberExpr>(
                  ArrayModel::ignoreHandleCopies(Value)->IgnoreParenImpCasts());
              From && From->getMemberDecl() == Field)
            return;
          FieldStores[Field].push_back({Value, &In});
          return;
        }
        if (Model.classify(Op) ||
            cast<CXXMethodDecl>(Op->getDirectCallee())->isConst())
          return;
        return Unfollowed();
      }
      if (const auto *Member = dyn_cast<MemberExpr>(P)) {
        // `w_.method(...)`: what the method may do to the handle.
        const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
        const auto *Call =
            dyn_cast_or_null<CXXMemberCallExpr>(Parents.getParent(Member));
        if (!Method || !Call)
          return Unfollowed();
        if (Model.classify(Call) || Method->isConst() || Method->isStatic())
          return;
        return Unfollowed();
      }
      if (const auto *Call = dyn_cast<CallExpr>(P)) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        if (!Callee)
          return Unfollowed();
        unsigned Offset = isa<CXXOperatorCallExpr>(Call) &&
                                  isa<CXXMethodDecl>(Callee)
                              ? 1
                              : 0;
        for (unsigned I = Offset; I < Call->getNumArgs(); ++I)
          if (Call->getArg(I) == Child) {
            if (I - Offset >= Callee->getNumParams() ||
                !ParamAllows(Callee->getParamDecl(I - Offset)->getType()))
              Unfollowed();
            return;
          }
        return Unfollowed();
      }
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
        const CXXConstructorDecl *Ctor = Construct->getConstructor();
        if (Ctor->isMoveConstructor())
          return Unfollowed();
        for (unsigned I = 0; I < Construct->getNumArgs(); ++I)
          if (Construct->getArg(I) == Child) {
            if (I >= Ctor->getNumParams() ||
                !ParamAllows(Ctor->getParamDecl(I)->getType()))
              Unfollowed();
            return;
          }
        return Unfollowed();
      }
      if (isa<InitListExpr, CXXStdInitializerListExpr>(P)) {
        Child = P;
        continue;
      }
      if (isa<ReturnStmt>(P)) {
        if (!ParamAllows(In.getReturnType()))
          Unfollowed();
        return;
      }
      if (const auto *Cond = dyn_cast<ConditionalOperator>(P)) {
        if (Cond->getCond() == Child)
          return;
        Child = P;
        continue;
      }
      return Unfollowed();
    }
    Unfollowed();
  }

  // -- Analyses ----------------------------------------------------------------
  const LayoutAnalysis &analysisOf(const FunctionDecl &FD) {
    std::unique_ptr<LayoutAnalysis> &Slot = Base[&FD];
    if (!Slot)
      Slot = std::make_unique<LayoutAnalysis>(FD, Context, Model, &Self);
    return *Slot;
  }

  /// The analysis of \p Def with parameter facts \p Params: the base one
  /// when they say nothing, else a memoised specialisation (null past the
  /// limits).
  const LayoutAnalysis *specialised(const FunctionDecl &Def,
                                    llvm::ArrayRef<ArrayFacts> Given) {
    if (!isInformative(Given))
      return &analysisOf(Def);
    // Where the facts came from in the caller does not matter here.
    std::vector<ArrayFacts> Params(Given.begin(), Given.end());
    for (ArrayFacts &F : Params)
      F.ContextDependent = false;
    std::vector<Specialised> &All = Specialisations[&Def];
    for (const Specialised &S : All)
      if (llvm::equal(S.Params, Params))
        return S.Layout.get();
    if (All.size() >= MaxContextsPerFunction ||
        SpecialisedCount >= MaxContextAnalyses) {
      ++ProvisionalAnswers;
      return nullptr;
    }
    ++SpecialisedCount;
    auto Layout =
        std::make_unique<LayoutAnalysis>(Def, Context, Model, &Self, Params);
    All.push_back({std::move(Params), std::move(Layout)});
    return All.back().Layout.get();
  }

  /// The facts of the array arguments of \p S as \p Caller sees them;
  /// \p ContextDependent tells whether any may differ in a calling context
  /// of Caller.
  std::vector<ArrayFacts> argumentFacts(const LayoutAnalysis &Caller,
                                        const Site &S,
                                        const FunctionDecl &Callee,
                                        bool *ContextDependent = nullptr) const {
    unsigned AnswersBefore = Caller.contextDependentAnswers();
    std::vector<ArrayFacts> Params(Callee.getNumParams(),
                                   ArrayFacts::unknown());
    llvm::ArrayRef<const Expr *> Args;
    unsigned Offset = 0;
    if (const auto *Call = dyn_cast<CallExpr>(S.Call)) {
      Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
      if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee))
        Offset = 1;
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S.Call)) {
      Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
    }
    for (unsigned I = Offset; I < Args.size(); ++I) {
      unsigned P = I - Offset;
      if (P < Params.size() &&
          Model.isArrayType(Callee.getParamDecl(P)->getType()) &&
          !isa<CXXDefaultArgExpr>(Args[I]))
        Params[P] = Caller.factsOf(Args[I]);
    }
    if (ContextDependent)
      *ContextDependent = Caller.contextDependentAnswers() != AnswersBefore;
    return Params;
  }

  /// Whether every call of \p Def is a direct call in this TU.
  bool allCallsVisible(const FunctionDecl &Def) const {
    if (AddressTaken.contains(&Def))
      return false;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(&Def)) {
      if (Method->isVirtual())
        return false;
      return Context.getSourceManager().isInMainFile(
          Method->getParent()->getLocation());
    }
    return !Def.isExternallyVisible();
  }

  /// The join of \p Eval over the ways \p Def runs: each call in the TU when
  /// those are all its calls, else the analysis with unknown parameters.
  ArrayFacts overCalls(const FunctionDecl &Def,
                       llvm::function_ref<ArrayFacts(const LayoutAnalysis &)>
                           Eval) {
    if (!allCallsVisible(Def))
      return Eval(analysisOf(Def));
    ArrayFacts Result = ArrayFacts::bottom();
    for (const Site &S : CallersOf.lookup(&Def)) {
      if (isInSystemHeader(S.Caller) || isLibrary(S.Caller))
        return ArrayFacts::unknown();
      std::vector<ArrayFacts> Params =
          argumentFacts(analysisOf(*S.Caller), S, Def);
      const LayoutAnalysis *Layout = specialised(Def, Params);
      if (!Layout)
        return ArrayFacts::unknown();
      Result = ArrayFacts::join(Result, Eval(*Layout));
    }
    return Result;
  }

  /// Whether all stores to \p Field are in this TU.
  bool allStoresVisible(const FieldDecl &Field) const {
    const RecordDecl *RD = Field.getParent();
    if (Context.getSourceManager().isInMainFile(RD->getLocation()))
      return true;
    const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
    if (!CRD || Field.getAccess() == AS_public || CRD->hasFriends())
      return false;
    for (const CXXMethodDecl *M : CRD->methods())
      if (!M->isImplicit() && !M->isDeleted() && !M->isPureVirtual() &&
          !M->hasBody())
        return false;
    return true;
  }

  ArrayFacts computeFieldFacts(const FieldDecl &Field) {
    QualType T = Field.getType();
    if (T->isReferenceType() || !Model.isArrayType(T) ||
        FieldUnfollowed.contains(&Field) || !allStoresVisible(Field))
      return ArrayFacts::unknown();
    const auto *RD = dyn_cast<CXXRecordDecl>(Field.getParent());
    if (!RD)
      return ArrayFacts::unknown();
    ArrayFacts Result = ArrayFacts::bottom();
    for (const CXXConstructorDecl *Ctor : RD->ctors()) {
      if (Ctor->isCopyOrMoveConstructor() || Ctor->isDeleted())
        continue; // copies another object of the class: same invariant
      const FunctionDecl *Def = definitionOf(*Ctor);
      if (!Def) {
        if (Ctor->isImplicit() && !Ctor->isUsed())
          continue;
        return ArrayFacts::unknown();
      }
      const auto *CD = cast<CXXConstructorDecl>(Def);
      if (CD->isDelegatingConstructor())
        continue;
      const Expr *Value = nullptr;
      for (const CXXCtorInitializer *Init : CD->inits())
        if (Init->getMember() == &Field)
          Value = Init->getInit();
      if (const auto *Default = dyn_cast_or_null<CXXDefaultInitExpr>(Value))
        Value = Default->getExpr();
      if (!Value)
        return ArrayFacts::unknown();
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(
              Value->IgnoreImplicit());
          Construct && Construct->getNumArgs() == 0)
        return ArrayFacts::unknown(); // default-constructed
      Result = ArrayFacts::join(
          Result, overCalls(*Def, [&](const LayoutAnalysis &Layout) {
            return Layout.entryFacts(Value);
          }));
      if (Result.C == Contiguity::Unknown && Result.F == Contiguity::Unknown)
        return ArrayFacts::unknown();
    }
    for (const Store &S : FieldStores.lookup(&Field)) {
      Result = ArrayFacts::join(
          Result, overCalls(*S.In, [&](const LayoutAnalysis &Layout) {
            return Layout.factsOf(S.Value);
          }));
      if (Result.C == Contiguity::Unknown && Result.F == Contiguity::Unknown)
        return ArrayFacts::unknown();
    }
    if (Result.Bottom)
      return ArrayFacts::unknown(); // never stored: nothing to claim
    Result.Fresh = false;
    addBuffer(Result, ExternalBuffer);
    return Result;
  }

  void contextsFrom(const Site &S, const FunctionDecl &FD,
                    std::vector<CallContext> &Out) {
    if (!S.Caller || isInSystemHeader(S.Caller) || isLibrary(S.Caller))
      return;
    auto Add = [&](std::vector<ArrayFacts> Params,
                   llvm::ArrayRef<const Expr *> Prefix) {
      if (Out.size() >= MaxContextsPerFunction || !isInformative(Params))
        return;
      const LayoutAnalysis *Layout = specialised(FD, Params);
      if (!Layout)
        return;
      CallContext C;
      C.Layout = Layout;
      C.Path.append(Prefix.begin(), Prefix.end());
      C.Path.push_back(S.Call);
      Out.push_back(std::move(C));
    };
    const LayoutAnalysis &Caller = analysisOf(*S.Caller);
    bool DependsOnCaller = false;
    std::vector<ArrayFacts> Direct =
        argumentFacts(Caller, S, FD, &DependsOnCaller);
    Add(Direct, {});
    // The caller's own contexts give other arguments only where these were
    // derived from its parameters.
    if (!DependsOnCaller || ContextDepth + 1 >= MaxPathLength)
      return;
    ++ContextDepth;
    // The caller's own calling contexts may tell more about the arguments.
    std::vector<CallContext> Outer = Self.contextsOf(*S.Caller);
    --ContextDepth;
    for (const CallContext &C : Outer) {
      std::vector<ArrayFacts> Params = argumentFacts(*C.Layout, S, FD);
      if (!llvm::equal(Params, Direct, sameFactsAnyOrigin))
        Add(std::move(Params), C.Path);
    }
  }
};

Summaries::Summaries(ASTContext &Context, const ArrayModel &Model)
    : P(std::make_unique<Impl>(*this, Context, Model)), Context(Context),
      Model(Model) {}

Summaries::~Summaries() = default;

const CFG *Summaries::cfgOf(const FunctionDecl &FD) {
  return P->Bodies.cfgOf(&FD, FD.getBody(), Context);
}

const ParentMap &Summaries::parentsOf(const FunctionDecl &FD) {
  return P->Bodies.parentsOf(FD.getBody());
}

unsigned Summaries::provisionalAnswers() const { return P->ProvisionalAnswers; }

const LayoutAnalysis &Summaries::analysisOf(const FunctionDecl &FD) {
  return P->analysisOf(FD);
}

llvm::ArrayRef<CallContext> Summaries::contextsOf(const FunctionDecl &FD) {
  // Found with at least the path length allowed now: the answer does not
  // depend on which function asked first.
  auto It = P->ContextCache.find(&FD);
  if (It != P->ContextCache.end() && It->second.Depth <= P->ContextDepth)
    return It->second.Contexts;
  if (P->ContextsInProgress.contains(&FD))
    return {};
  P->scan();
  P->ContextsInProgress.insert(&FD);
  std::vector<CallContext> Found;
  for (const Impl::Site &S : P->CallersOf.lookup(&FD))
    P->contextsFrom(S, FD, Found);
  P->ContextsInProgress.erase(&FD);
  // Inside a cycle of calls some paths are cut: every context found is a
  // real call path, so the answer is incomplete, never wrong.
  Impl::FoundContexts &Cached = P->ContextCache[&FD];
  Cached = {std::move(Found), P->ContextDepth};
  return Cached.Contexts;
}

ArrayFacts Summaries::resultOf(const FunctionDecl &Callee, const Expr *Call,
                               llvm::ArrayRef<ArrayFacts> Params) {
  const FunctionDecl *Def = Impl::definitionOf(Callee);
  if (!Def)
    return ArrayFacts::unknown();
  if (P->Running.lookup(Def) || P->Nesting >= MaxNesting) {
    ++P->ProvisionalAnswers;
    return ArrayFacts::unknown();
  }
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Def);
      Method && Method->isVirtual())
    return ArrayFacts::unknown();
  const LayoutAnalysis *Layout = P->specialised(*Def, Params);
  if (!Layout)
    return ArrayFacts::unknown();
  // The return values' facts may depend on calls back into Def.
  beginAnalysis(*Def);
  ArrayFacts R = Layout->returnedFacts();
  endAnalysis(*Def);
  // Buffers the callee allocated are, to the caller, allocated by the call.
  llvm::SmallVector<BufferId, 2> Kept;
  bool Own = false;
  for (BufferId B : R.Buffers) {
    bool FromCaller = B == ExternalBuffer;
    for (const ArrayFacts &Param : Params)
      FromCaller = FromCaller || llvm::is_contained(Param.Buffers, B);
    if (FromCaller)
      Kept.push_back(B);
    else
      Own = true;
  }
  R.Buffers = Kept;
  if (Own)
    addBuffer(R, Call);
  R.Fresh = R.Fresh && Own && Kept.empty();
  // Given Params, this is what every call returns (the caller's analysis
  // knows whether Params may differ).
  R.ContextDependent = false;
  return R;
}

bool Summaries::mayRetainParam(const FunctionDecl &Callee, unsigned Param) {
  const FunctionDecl *Def = Impl::definitionOf(Callee);
  if (!Def || P->isLibrary(Def))
    return true;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Def);
      Method && Method->isVirtual())
    return true;
  // The answer comes from the analysis with unknown parameters; while that
  // one runs (a cycle of calls), it is not known yet. Its direct recursive
  // calls it answers itself (LayoutAnalysis: a least fixpoint).
  auto Known = P->Base.find(Def);
  if ((Known != P->Base.end() && Known->second->inProgress()) ||
      (Known == P->Base.end() && P->Nesting >= MaxNesting)) {
    ++P->ProvisionalAnswers;
    return true;
  }
  return P->analysisOf(*Def).paramEscapes(Param);
}

ArrayFacts Summaries::fieldFacts(const FieldDecl &Field) {
  auto It = P->FieldCache.find(&Field);
  if (It != P->FieldCache.end())
    return It->second;
  if (P->FieldInProgress.contains(&Field)) {
    ++P->ProvisionalAnswers;
    return ArrayFacts::unknown();
  }
  P->scan();
  P->FieldInProgress.insert(&Field);
  ArrayFacts Facts = P->computeFieldFacts(Field);
  // Every store in the TU: the same in every calling context.
  Facts.ContextDependent = false;
  P->FieldInProgress.erase(&Field);
  P->FieldCache[&Field] = Facts;
  return Facts;
}

void Summaries::beginAnalysis(const FunctionDecl &FD) {
  ++P->Running[&FD];
  ++P->Nesting;
}

void Summaries::endAnalysis(const FunctionDecl &FD) {
  --P->Running[&FD];
  --P->Nesting;
}

} // namespace clang::tidy::ndarray::analysis
