//===--- LayoutAnalysis.cpp - the layout dataflow analysis ----------------===//
//
// The dataflow driver: which handles are tracked, how each use of one affects
// it, and the fixpoint over the CFG. What each array operation does to the
// facts is in Transfer.cpp.
//
//===----------------------------------------------------------------------===//

#include "analysis/LayoutAnalysis.h"
#include "analysis/FunctionCFG.h"
#include "analysis/Summaries.h"
#include "analysis/Transfer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallBitVector.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <numeric>

namespace clang::tidy::ndarray::analysis {

using Shape = llvm::SmallVector<int64_t, 4>;
using State = llvm::DenseMap<const VarDecl *, ArrayFacts>;

namespace {

// ---- Uses of tracked variables ---------------------------------------------

enum class UseEffect : uint8_t {
  None,    ///< Reads, or handled by a transfer function (init, assignment).
  Escape,  ///< The buffer becomes reachable from outside.
  Clobber, ///< The handle (and what shares it) may be modified: Unknown.
  Untrack, ///< The variable cannot be tracked at all in this function.
};

bool isTransparent(const Stmt *S) {
  return isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, ExprWithCleanups>(S);
}

} // namespace

struct LayoutAnalysis::Impl {
  const FunctionDecl &Function;
  ASTContext &Context;
  const ArrayModel &Model;
  const Transfer Steps;
  /// The TU's summaries (calls, fields), or null: then those are Unknown.
  Summaries *TU;
  /// Entry facts of the parameters (a calling context); empty: Unknown.
  std::vector<ArrayFacts> ParamFacts;
  bool GaveUp = false;
  /// The run used a summary answer that was Unknown only because of the
  /// order of the work (Summaries::provisionalAnswers): another analysis of
  /// the function may know more.
  bool Provisional = false;
  /// The analysis runs on the first query: a function whose findings never
  /// ask about layout costs nothing beyond the operation scan.
  bool Ran = false;
  bool Done = false;
  unsigned MaxBlockVisits = 0;
  llvm::DenseSet<const VarDecl *> Tracked, Untracked, Escaping;
  /// Local const references bound directly to a tracked handle
  /// (`const nd::array<double>& r = t;`): every use of r is a use of t.
  llvm::DenseMap<const VarDecl *, const VarDecl *> ConstRefAliasOf;
  llvm::DenseMap<const DeclRefExpr *, UseEffect> Effects;
  llvm::DenseMap<const DeclRefExpr *, ArrayFacts> RefFacts;
  llvm::DenseMap<const DeclRefExpr *, llvm::SmallVector<const VarDecl *, 4>>
      RefAliases;
  llvm::DenseSet<const DeclRefExpr *> RefFresh;
  /// References whose RefAliases and RefFresh may differ in another calling
  /// context: some handle's facts there were derived from a parameter's.
  llvm::DenseSet<const DeclRefExpr *> RefSharingContextDependent;
  // -- Fields of local aggregates ----------------------------------------------
  /// A local aggregate whose every use names one of its fields
  /// (`Dataset train{X.T(), y}; train.X.ravel()`) has a tracked variable per
  /// array field, a "slot" named `train.X`, followed like any local. A use
  /// `train.X` is keyed by its DeclRefExpr `train`.
  llvm::DenseMap<const DeclRefExpr *, const VarDecl *> SlotOfRef;
  /// The slots of each such aggregate, by field.
  llvm::DenseMap<const VarDecl *,
                 llvm::SmallVector<std::pair<const FieldDecl *, const VarDecl *>, 2>>
      SlotsOf;
  /// The body's parent map, shared with the TU's other analyses of it.
  const ParentMap *Parents = nullptr;
  /// A handle that may share an outside array (a parameter's) is changed
  /// behind the analysis' back (a Clobber or Untrack use): through a handle
  /// copy, that may change the parameter's shape in place.
  bool ChangesOutsideArray = false;
  // -- Containers of arrays ---------------------------------------------------
  /// A local std::vector / std::array / std::deque of arrays: the values put
  /// into it, unless it is used in a way the analysis does not follow.
  struct Container {
    llvm::SmallVector<const Expr *, 4> Inserts;
    bool Unfollowed = false;
  };
  llvm::MapVector<const VarDecl *, Container> Containers;
  /// Range-for loop variables over a container (`for (const auto &e : v)`).
  llvm::DenseMap<const VarDecl *, const VarDecl *> LoopElementOf;
  llvm::DenseSet<const Expr *> RangeInits;
  /// The join of every value put into a container, once known (second pass).
  llvm::DenseMap<const VarDecl *, ArrayFacts> ElementFacts;
  /// Buffers of handles changed behind the analysis' back.
  llvm::SmallVector<BufferId, 8> ClobberedBuffers;
  /// A handle with facts derived from a parameter's was changed behind the
  /// analysis' back: which buffers that changes depends on the context.
  bool ClobberedContextDependent = false;

  // -- Direct self-recursion --------------------------------------------------
  /// Parameters a recursive call of the function was assumed not to retain
  /// (the least fixpoint starts from "retains nothing"), and those known to
  /// be retained after all: ensureRun() checks the assumptions against the
  /// result and runs again, more pessimistic, until they hold.
  mutable llvm::SmallBitVector AssumedNotRetained;
  llvm::SmallBitVector KnownRetained;

  /// Whether \p Callee may keep its parameter \p Param. A call of the
  /// function under analysis with unknown parameters (the analysis every
  /// caller's question is answered from) is answered by assumption.
  bool mayRetainParam(const FunctionDecl &Callee, unsigned Param) const {
    if (ParamFacts.empty() && Param < Function.getNumParams() &&
        Callee.getCanonicalDecl() == Function.getCanonicalDecl()) {
      if (KnownRetained.test(Param))
        return true;
      AssumedNotRetained.set(Param);
      return false;
    }
    return TU->mayRetainParam(Callee, Param);
  }

  /// returnedFacts(), once computed.
  std::optional<ArrayFacts> Returned;
  /// The function's CFG and parent map when there is no TU to share them
  /// with.
  BodyCache OwnBody;

  /// The run-time CFG of the body: the TU's shared one, else built here.
  const CFG *graph() {
    return TU ? TU->cfgOf(Function)
              : OwnBody.cfgOf(&Function, Function.getBody(), Context);
  }
  const ParentMap &parents() {
    return TU ? TU->parentsOf(Function)
              : OwnBody.parentsOf(Function.getBody());
  }

  Impl(const FunctionDecl &Function, ASTContext &Context,
       const ArrayModel &Model, Summaries *TU,
       llvm::ArrayRef<ArrayFacts> ParamFacts)
      : Function(Function), Context(Context), Model(Model),
        Steps(Model, Context), TU(TU),
        ParamFacts(ParamFacts.begin(), ParamFacts.end()),
        AssumedNotRetained(Function.getNumParams()),
        KnownRetained(Function.getNumParams()) {}

  /// The facts parameter \p P has on entry.
  ArrayFacts entryFactsOf(const ParmVarDecl *P) const {
    unsigned I = P->getFunctionScopeIndex();
    ArrayFacts F = I >= ParamFacts.size() || ParamFacts[I].Bottom
                       ? ArrayFacts::unknown()
                       : ParamFacts[I];
    // The caller still holds the array: it is never fresh here.
    F.Fresh = false;
    addBuffer(F, ExternalBuffer);
    F.ContextDependent = true;
    return F;
  }

  bool paramEscapes(unsigned Index) const {
    if (GaveUp || Index >= Function.getNumParams())
      return true;
    const ParmVarDecl *Param = Function.getParamDecl(Index);
    return !Tracked.contains(Param) || Escaping.contains(Param) ||
           Untracked.contains(Param) || ChangesOutsideArray;
  }

  // -- Pre-pass ---------------------------------------------------------------
  bool isTrackable(const VarDecl *V) const {
    if (!V || !Model.isArrayType(V->getType()))
      return false;
    QualType T = V->getType();
    if (LoopElementOf.count(V))
      return !T->isReferenceType() || T.getNonReferenceType().isConstQualified();
    if (isa<ParmVarDecl>(V))
      return !T->isReferenceType() ||
             T.getNonReferenceType().isConstQualified();
    return V->hasLocalStorage() && !T->isReferenceType();
  }

  /// The tracked variable a use of \p V denotes: V itself, or the handle a
  /// local const reference V is bound to.
  const VarDecl *resolve(const VarDecl *V) const {
    if (const VarDecl *To = ConstRefAliasOf.lookup(V))
      return To;
    return V;
  }

  /// The tracked variable a reference stands for: the field slot it is the
  /// base of (`train` in `train.X`), else its variable, resolved.
  const VarDecl *varOfRef(const DeclRefExpr *Ref) const {
    if (const VarDecl *Slot = SlotOfRef.lookup(Ref))
      return Slot;
    const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
    return V ? resolve(V) : nullptr;
  }

  /// The reference that stands for the tracked variable \p E names
  /// directly (a DeclRefExpr, or a field slot's `train.X`), or null.
  const DeclRefExpr *refOf(const Expr *E) const {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return SlotOfRef.count(Ref) ? nullptr : Ref; // `train` of `train.X`
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      if (const auto *Base = dyn_cast<DeclRefExpr>(
              Member->getBase()->IgnoreParenImpCasts());
          Base && SlotOfRef.count(Base))
        return Base;
    return nullptr;
  }

  /// The aggregate initialiser of \p V (`Dataset d{a, b}`), or null.
  static const InitListExpr *initListOf(const VarDecl *V) {
    const Expr *Init = V->getInit();
    const auto *List =
        Init ? dyn_cast<InitListExpr>(Init->IgnoreImplicit()) : nullptr;
    if (List && !List->isSemanticForm())
      List = List->getSemanticForm();
    return List;
  }

  /// The value \p List gives field \p Field; null when the field is
  /// default-initialised (its default member initialiser, or empty).
  static const Expr *fieldInit(const InitListExpr *List,
                               const FieldDecl *Field) {
    unsigned I = Field->getFieldIndex();
    if (I >= List->getNumInits())
      return nullptr;
    const Expr *Value = List->getInit(I);
    if (const auto *Default = dyn_cast<CXXDefaultInitExpr>(Value))
      Value = Default->getExpr();
    if (isa<ImplicitValueInitExpr>(Value))
      return nullptr;
    return Value;
  }

  /// Whether \p V is a local aggregate whose array fields can be followed
  /// one by one: a non-reference local of an aggregate class type.
  bool isSlotCandidate(const VarDecl *V) const {
    if (!V->hasLocalStorage() || isa<ParmVarDecl>(V) ||
        V->getType()->isReferenceType() || V->getType().isVolatileQualified())
      return false;
    const auto *RD = V->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition() || !RD->isAggregate() || RD->isUnion() ||
        RD->getNumBases() != 0)
      return false;
    // fieldInit() counts fields as the initialiser does.
    if (llvm::any_of(RD->fields(), [](const FieldDecl *F) {
          return F->isUnnamedBitField() || F->isAnonymousStructOrUnion();
        }))
      return false;
    return llvm::any_of(RD->fields(),
                        [&](const FieldDecl *F) { return isSlotField(F); });
  }

  /// Whether \p F, a field of a followed aggregate, gets a slot: an array
  /// held by value.
  bool isSlotField(const FieldDecl *F) const {
    return Model.isArrayType(F->getType()) && !F->getType()->isReferenceType();
  }

  /// The slot of field \p Field of aggregate \p Of: a variable declared
  /// nowhere, named `of.field`, so that messages name it as written.
  const VarDecl *slotFor(const VarDecl *Of, const FieldDecl *Field) {
    auto &Slots = SlotsOf[Of];
    for (const auto &[F, Slot] : Slots)
      if (F == Field)
        return Slot;
    std::string Name = (Of->getName() + "." + Field->getName()).str();
    auto *Slot = VarDecl::Create(
        Context, const_cast<DeclContext *>(Of->getDeclContext()),
        Of->getBeginLoc(), Of->getLocation(), &Context.Idents.get(Name),
        Field->getType().getUnqualifiedType(), nullptr, SC_None);
    Slot->setImplicit();
    Slots.push_back({Field, Slot});
    return Slot;
  }

  /// Finds the local aggregates whose fields are followed one by one, given
  /// every reference in the body: each use must name an array field, or a
  /// field of another type; anything else (a copy, a call, a capture, an
  /// address) leaves the aggregate to the class invariant.
  void findSlots(llvm::ArrayRef<const VarDecl *> Locals,
                 llvm::ArrayRef<const DeclRefExpr *> Refs,
                 llvm::ArrayRef<const LambdaExpr *> Lambdas) {
    // Each candidate's uses: the reference and the field it names.
    llvm::MapVector<
        const VarDecl *,
        llvm::SmallVector<std::pair<const DeclRefExpr *, const FieldDecl *>, 4>>
        Uses;
    for (const VarDecl *V : Locals)
      if (isSlotCandidate(V))
        Uses[V];
    llvm::DenseSet<const VarDecl *> Rejected;
    for (const DeclRefExpr *R : Refs) {
      const auto *V = dyn_cast<VarDecl>(R->getDecl());
      if (!V || Rejected.contains(V) || !Uses.count(V))
        continue;
      const auto *Member = dyn_cast_or_null<MemberExpr>(Parents->getParent(R));
      const auto *Field =
          Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
      if (!Field || Member->getBase()->IgnoreParenImpCasts() != R)
        Rejected.insert(V);
      else
        Uses[V].push_back({R, Field});
    }
    for (const LambdaExpr *L : Lambdas)
      for (const LambdaCapture &C : L->captures())
        if (C.capturesVariable())
          if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar()))
            Rejected.insert(V);
    for (const auto &[V, VRefs] : Uses) {
      if (Rejected.contains(V))
        continue;
      for (const auto &[R, Field] : VRefs)
        if (isSlotField(Field))
          SlotOfRef[R] = slotFor(V, Field);
      // Every array field gets a slot, used or not: the initialiser sets it.
      for (const FieldDecl *Field : V->getType()->getAsCXXRecordDecl()->fields())
        if (isSlotField(Field))
          Tracked.insert(slotFor(V, Field));
    }
  }

  /// Whether \p V is a local `const array&` bound to a tracked handle; then
  /// records it in ConstRefAliasOf.
  void noteConstRefAlias(const VarDecl *V) {
    if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) || !V->getInit())
      return;
    QualType T = V->getType();
    if (!T->isLValueReferenceType() ||
        !T.getNonReferenceType().isConstQualified() ||
        !Model.isArrayType(T))
      return;
    const auto *Ref =
        dyn_cast<DeclRefExpr>(ArrayModel::ignoreHandleCopies(V->getInit()));
    const auto *To = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!To)
      return;
    To = resolve(To);
    if (Tracked.contains(To))
      ConstRefAliasOf[V] = To;
  }

  /// Whether \p V is a local container of arrays the analysis may follow.
  bool isArrayContainer(const VarDecl *V) const {
    if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) ||
        V->getType()->isReferenceType())
      return false;
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        V->getType()->getAsCXXRecordDecl());
    if (!Spec || Spec->getTemplateArgs().size() == 0 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
        !Model.isArrayType(Spec->getTemplateArgs()[0].getAsType()))
      return false;
    return ArrayModel::isNamed(Spec, "::std::vector") ||
           ArrayModel::isNamed(Spec, "::std::deque") ||
           ArrayModel::isNamed(Spec, "::std::array");
  }

  /// The container an element access (`v[i]`, `v.at(i)`, `v.front()`,
  /// `v.back()`) reads, or null.
  const VarDecl *containerOfElement(const Expr *E) const {
    const Expr *Object = nullptr;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
        Object = Op->getArg(0);
    } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      if (const CXXMethodDecl *M = Call->getMethodDecl();
          M && M->getIdentifier() &&
          llvm::is_contained({"at", "front", "back"}, M->getName()))
        Object = Call->getImplicitObjectArgument();
    }
    const auto *Ref =
        Object ? dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()) : nullptr;
    const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return V && Containers.count(V) ? V : nullptr;
  }

  /// Records what the element access \p Element does to container \p V.
  void classifyElementUse(const Expr *Element, Container &C) {
    const Stmt *Child = Element;
    const Stmt *Parent = Parents->getParent(Child);
    while (Parent && isTransparent(Parent)) {
      Child = Parent;
      Parent = Parents->getParent(Child);
    }
    if (const auto *Assign = dyn_cast_or_null<CXXOperatorCallExpr>(Parent);
        Assign && Assign->getOperator() == OO_Equal &&
        Assign->getNumArgs() == 2 && Assign->getArg(0) == Child) {
      if (Model.isArrayType(Assign->getArg(1)->getType()))
        C.Inserts.push_back(Assign->getArg(1));
      return; // or an element-wise scalar assignment: layout unchanged
    }
    UseEffect E = classifyUse(Element);
    if (E == UseEffect::Clobber || E == UseEffect::Untrack)
      C.Unfollowed = true;
  }

  /// Records what the use \p Ref of container \p V does.
  void classifyContainerUse(const DeclRefExpr *Ref, Container &C) {
    if (RangeInits.contains(Ref))
      return;
    const Stmt *Child = Ref;
    const Stmt *Parent = Parents->getParent(Child);
    while (Parent && isTransparent(Parent)) {
      Child = Parent;
      Parent = Parents->getParent(Child);
    }
    if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Parent);
        Op && Op->getOperator() == OO_Subscript && Op->getArg(0) == Child)
      return classifyElementUse(Op, C);
    const auto *Member = dyn_cast_or_null<MemberExpr>(Parent);
    const auto *Call = Member ? dyn_cast_or_null<CXXMemberCallExpr>(
                                    Parents->getParent(Member))
                              : nullptr;
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (!Method || !Method->getIdentifier()) {
      C.Unfollowed = true;
      return;
    }
    llvm::StringRef Name = Method->getName();
    if (llvm::is_contained({"at", "front", "back"}, Name))
      return classifyElementUse(Call, C);
    if (llvm::is_contained({"push_back", "emplace_back", "push_front",
                            "emplace_front", "insert"},
                           Name) &&
        Call->getNumArgs() >= 1 &&
        Model.isArrayType(Call->getArg(Call->getNumArgs() - 1)->getType())) {
      C.Inserts.push_back(Call->getArg(Call->getNumArgs() - 1));
      return;
    }
    // What only changes how many elements there are, or reads the count.
    if (llvm::is_contained({"size", "empty", "capacity", "reserve", "clear",
                            "pop_back", "pop_front", "shrink_to_fit",
                            "max_size"},
                           Name))
      return;
    C.Unfollowed = true;
  }

  /// The values a container is initialised with.
  void noteContainerInit(const VarDecl *V, Container &C) {
    const Expr *Init = V->getInit();
    if (!Init)
      return;
    Init = Init->IgnoreImplicit();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init)) {
      if (Construct->getNumArgs() == 0)
        return; // empty
      if (Construct->getNumArgs() >= 1)
        if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(
                Construct->getArg(0)->IgnoreImplicit()))
          Init = List->getSubExpr()->IgnoreImplicit();
    }
    if (const auto *List = dyn_cast<InitListExpr>(Init)) {
      // std::array's elements sit one level down, in its member array.
      if (List->getNumInits() == 1)
        if (const auto *Inner = dyn_cast<InitListExpr>(
                List->getInit(0)->IgnoreImplicit()))
          List = Inner;
      if (List->hasArrayFiller()) {
        C.Unfollowed = true; // elements made by their default constructor
        return;
      }
      for (const Expr *E : List->inits())
        if (Model.isArrayType(E->getType()))
          C.Inserts.push_back(E);
        else
          C.Unfollowed = true;
      return;
    }
    C.Unfollowed = true;
  }

  UseEffect classifyUse(const Expr *Use) const {
    const Stmt *Child = Use;
    bool ThroughView = false; // a view of the variable, not the handle
    auto Downgrade = [&](UseEffect E) {
      return ThroughView && E == UseEffect::Clobber ? UseEffect::Escape : E;
    };
    for (int Depth = 0; Depth < 64; ++Depth) {
      const Stmt *Parent = Parents->getParent(Child);
      if (!Parent)
        return UseEffect::None;
      if (isTransparent(Parent)) {
        Child = Parent;
        continue;
      }
      if (const auto *Cond = dyn_cast<ConditionalOperator>(Parent)) {
        if (Cond->getCond() == Child)
          return UseEffect::None;
        Child = Parent;
        continue;
      }
      if (const auto *Unary = dyn_cast<UnaryOperator>(Parent))
        return Unary->getOpcode() == UO_AddrOf ? UseEffect::Untrack
                                               : Downgrade(UseEffect::Clobber);
      if (isa<ReturnStmt>(Parent))
        return UseEffect::None;
      if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
        const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
        if (!Method)
          return UseEffect::None;
        const Stmt *CallStmt = Parents->getParent(Member);
        const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(CallStmt);
        if (Call) {
          if (std::optional<ArrayOperation> Op = Model.classify(Call);
              Op && Op->Call == Call) {
            if (!mayShareResult(Op->Api->Kind))
              return UseEffect::None;
            ThroughView = true;
            Child = Call;
            continue;
          }
        }
        if ((Method->isConst() && !Model.mutatesLayout(Method)) ||
            Method->isStatic())
          return UseEffect::None;
        return Downgrade(UseEffect::Clobber);
      }
      if (const auto *OpCall = dyn_cast<CXXOperatorCallExpr>(Parent)) {
        if (OpCall->getNumArgs() > 0 && OpCall->getArg(0) == Child &&
            isa_and_nonnull<CXXMethodDecl>(OpCall->getDirectCallee())) {
          if (OpCall->getOperator() == OO_Equal && !ThroughView)
            return UseEffect::None; // reassignment: a transfer function
          if (std::optional<ArrayOperation> Op = Model.classify(OpCall);
              Op && Op->Call == OpCall) {
            if (!mayShareResult(Op->Api->Kind))
              return UseEffect::None;
            ThroughView = true;
            Child = OpCall;
            continue;
          }
          const auto *Method = cast<CXXMethodDecl>(OpCall->getDirectCallee());
          return Method->isConst() ? UseEffect::None
                                   : Downgrade(UseEffect::Clobber);
        }
        if (OpCall->getOperator() == OO_Equal && OpCall->getNumArgs() == 2 &&
            OpCall->getArg(1) == Child) {
          const DeclRefExpr *LHS = refOf(OpCall->getArg(0));
          if (LHS && Tracked.contains(varOfRef(LHS)))
            return UseEffect::None;
          return Downgrade(UseEffect::Clobber);
        }
        // A non-member operator: like a call below.
      }
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(Parent)) {
        if (Construct->getNumArgs() == 1 &&
            Construct->getConstructor()->isCopyOrMoveConstructor()) {
          // A handle copy: what matters is where the copy goes.
          Child = Parent;
          continue;
        }
        // A proxy (OpenCV's InputArray) built for a call of the library
        // that reads the elements, or writes them in place (randu):
        // neither changes the handle.
        if (proxyAccess(Construct, Model, *Parents) != ProxyAccess::Unknown)
          return UseEffect::None;
        // Converted into a typed array (OpenCV's Mat_<T>): a header of its
        // own that shares or copies the elements; this one stays as it is.
        if (Model.typedConversionLibrary(Construct))
          return UseEffect::Escape;
        return Downgrade(UseEffect::Clobber);
      }
      if (isa<InitListExpr, CXXStdInitializerListExpr>(Parent)) {
        Child = Parent;
        continue;
      }
      if (const auto *DS = dyn_cast<DeclStmt>(Parent)) {
        for (const Decl *D : DS->decls()) {
          const auto *V = dyn_cast<VarDecl>(D);
          if (!V || !V->getInit())
            continue;
          if (V->getType()->isReferenceType()) {
            if (!V->getType().getNonReferenceType().isConstQualified())
              return ThroughView ? UseEffect::Escape : UseEffect::Untrack;
            // A const reference: the variable can still change underneath,
            // but only through tracked operations on the original.
            return UseEffect::None;
          }
          // A tracked handle, or a field of a followed local aggregate.
          if (Tracked.contains(V) || SlotsOf.count(V))
            return UseEffect::None;
        }
        return Downgrade(UseEffect::Clobber);
      }
      if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        bool InLibrary = Callee && Model.isLibraryDecl(Callee);
        if (InLibrary) {
          if (std::optional<ArrayOperation> Op = Model.classify(Call);
              Op && Op->Call == Call && mayShareResult(Op->Api->Kind)) {
            ThroughView = true;
            Child = Call;
            continue;
          }
        }
        if (!Callee)
          return ThroughView ? UseEffect::Escape : UseEffect::Untrack;
        // Which parameter receives Child?
        unsigned ArgIndex = 0;
        bool Found = false;
        for (unsigned I = 0; I < Call->getNumArgs(); ++I)
          if (Call->getArg(I) == Child) {
            ArgIndex = I;
            Found = true;
          }
        if (!Found)
          return Downgrade(UseEffect::Clobber); // the callee itself
        if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee)) {
          if (ArgIndex == 0)
            return Downgrade(UseEffect::Clobber);
          --ArgIndex;
        }
        if (ArgIndex >= Callee->getNumParams())
          return ThroughView ? UseEffect::Escape : UseEffect::Untrack;
        QualType ParamType = Callee->getParamDecl(ArgIndex)->getType();
        bool ConstRef = ParamType->isReferenceType();
        if (ConstRef && !ParamType.getNonReferenceType().isConstQualified())
          return ThroughView ? UseEffect::Escape : UseEffect::Untrack;
        // The library's functions only read their arguments (their results
        // are modelled). A visible user function that neither keeps the
        // array nor changes a handle of it leaves it as it was. Any other
        // callee shares the buffer from then on; and where handle copies
        // share shape and strides (nd's set_shape), it may reshape the array
        // in place, even through a const reference, by copying the handle.
        if (InLibrary || (TU && !mayRetainParam(*Callee, ArgIndex)))
          return UseEffect::None;
        if (const LibraryModel *Library = Model.libraryOf(Use->getType());
            !Library || Library->SharedMetadataMutable)
          return Downgrade(UseEffect::Clobber);
        return ConstRef ? UseEffect::None : UseEffect::Escape;
      }
      if (isa<LambdaExpr>(Parent))
        return Downgrade(UseEffect::Clobber);
      return Downgrade(UseEffect::Clobber);
    }
    return UseEffect::Clobber;
  }

  void prepass() {
    const Stmt *Body = Function.getBody();
    Parents = &parents();
    for (const ParmVarDecl *P : Function.parameters())
      if (isTrackable(P))
        Tracked.insert(P);
    struct Visitor : RecursiveASTVisitor<Visitor> {
      Impl &Self;
      std::vector<const DeclRefExpr *> Refs;
      std::vector<const LambdaExpr *> Lambdas;
      explicit Visitor(Impl &Self) : Self(Self) {}
      bool VisitCXXForRangeStmt(CXXForRangeStmt *For) {
        const auto *Range = dyn_cast_or_null<DeclRefExpr>(
            For->getRangeInit() ? For->getRangeInit()->IgnoreParenImpCasts()
                                : nullptr);
        const auto *Of = Range ? dyn_cast<VarDecl>(Range->getDecl()) : nullptr;
        if (Of && Self.isArrayContainer(Of) && For->getLoopVariable()) {
          Self.RangeInits.insert(Range);
          Self.LoopElementOf[For->getLoopVariable()] = Of;
        }
        return true;
      }
      std::vector<const VarDecl *> Locals;
      bool VisitVarDecl(VarDecl *V) {
        Locals.push_back(V);
        if (Self.isArrayContainer(V))
          Self.Containers[V];
        if (Self.isTrackable(V))
          Self.Tracked.insert(V);
        else
          Self.noteConstRefAlias(V);
        return true;
      }
      std::vector<const CXXOperatorCallExpr *> Assignments;
      bool VisitDeclRefExpr(DeclRefExpr *R) {
        Refs.push_back(R);
        return true;
      }
      bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
        if (Call->getOperator() == OO_Equal && Call->getNumArgs() == 2)
          Assignments.push_back(Call);
        return true;
      }
      bool TraverseLambdaExpr(LambdaExpr *L) {
        Lambdas.push_back(L);
        // Capture initialisers belong to this function; the body does not.
        for (Expr *Init : L->capture_inits())
          if (Init)
            TraverseStmt(Init);
        return true;
      }
    } V(*this);
    V.TraverseStmt(const_cast<Stmt *>(Body));
    findSlots(V.Locals, V.Refs, V.Lambdas);
    for (const LambdaExpr *L : V.Lambdas)
      for (const LambdaCapture &C : L->captures()) {
        if (!C.capturesVariable())
          continue;
        const auto *Var = dyn_cast<VarDecl>(C.getCapturedVar());
        if (!Var || !Tracked.contains(resolve(Var)))
          continue;
        Var = resolve(Var);
        Escaping.insert(Var);
        if (C.getCaptureKind() == LCK_ByRef)
          Untracked.insert(Var);
      }
    for (auto &[Var, C] : Containers)
      noteContainerInit(Var, C);
    for (const auto &[Loop, Of] : LoopElementOf)
      if (!Tracked.contains(Loop))
        Containers[Of].Unfollowed = true; // a non-const reference: rebinds
    for (const LambdaExpr *L : V.Lambdas)
      for (const LambdaCapture &C : L->captures())
        if (C.capturesVariable())
          if (auto It = Containers.find(
                  dyn_cast<VarDecl>(C.getCapturedVar()));
              It != Containers.end())
            It->second.Unfollowed = true;
    for (const DeclRefExpr *R : V.Refs)
      if (auto It = Containers.find(dyn_cast<VarDecl>(R->getDecl()));
          It != Containers.end())
        classifyContainerUse(R, It->second);
    for (const DeclRefExpr *R : V.Refs) {
      const VarDecl *Var = varOfRef(R);
      if (!Var || !Tracked.contains(Var))
        continue;
      // A field slot's use is the member expression `train.X`.
      UseEffect E = SlotOfRef.count(R) ? classifyUse(cast<Expr>(Parents->getParent(R)))
                                       : classifyUse(R);
      Effects[R] = E;
      if (E == UseEffect::Untrack)
        Untracked.insert(Var);
      if (E != UseEffect::None)
        Escaping.insert(Var);
    }
    // Handle copies share one array object (shape and strides included):
    // once one of them can be modified behind the analysis' back, so can
    // every other handle of the same object.
    llvm::SmallVector<std::pair<const VarDecl *, const VarDecl *>, 8> Copies;
    auto AddCopies = [&](const VarDecl *To, const Expr *From) {
      llvm::SmallVector<const Expr *, 4> Work{From};
      while (!Work.empty()) {
        const Expr *E = ArrayModel::ignoreHandleCopies(Work.pop_back_val());
        if (const auto *Cond = dyn_cast<ConditionalOperator>(E)) {
          Work.push_back(Cond->getTrueExpr());
          Work.push_back(Cond->getFalseExpr());
        } else if (const DeclRefExpr *Ref = refOf(E)) {
          if (const VarDecl *W = varOfRef(Ref); W && Tracked.contains(W))
            Copies.push_back({To, W});
        }
      }
    };
    for (const VarDecl *Var : Tracked)
      if (Var->getInit())
        AddCopies(Var, Var->getInit());
    for (const CXXOperatorCallExpr *Assign : V.Assignments)
      if (const DeclRefExpr *LHS = refOf(Assign->getArg(0)))
        if (const VarDecl *To = varOfRef(LHS); To && Tracked.contains(To))
          AddCopies(To, Assign->getArg(1));
    for (const auto &[Of, Slots] : SlotsOf)
      if (const auto *List = initListOf(Of))
        for (const auto &[Field, Slot] : Slots)
          if (const Expr *Init = fieldInit(List, Field))
            AddCopies(Slot, Init);
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const auto &[A, B] : Copies)
        if (Untracked.contains(A) != Untracked.contains(B)) {
          Untracked.insert(A);
          Untracked.insert(B);
          Escaping.insert(A);
          Escaping.insert(B);
          Changed = true;
        }
    }
  }

  // -- Transfer ---------------------------------------------------------------
  using Lookup = llvm::function_ref<ArrayFacts(const DeclRefExpr *)>;

  ArrayFacts eval(const Expr *E, Lookup Find, int Depth = 0) const {
    if (!E || Depth > 64)
      return ArrayFacts::unknown();
    E = ArrayModel::ignoreHandleCopies(E);
    if (const DeclRefExpr *Ref = refOf(E)) {
      const VarDecl *Var = varOfRef(Ref);
      if (!Var || !Tracked.contains(Var) || Untracked.contains(Var))
        return ArrayFacts::unknown();
      ArrayFacts F = Find(Ref);
      F.Fresh = false;
      return F;
    }
    if (const auto *Cond = dyn_cast<ConditionalOperator>(E))
      return ArrayFacts::join(eval(Cond->getTrueExpr(), Find, Depth + 1),
                              eval(Cond->getFalseExpr(), Find, Depth + 1));
    if (const VarDecl *Of = containerOfElement(E))
      return elementFacts(Of);
    if (std::optional<ConstructedArray> Built = Model.construction(E, Context))
      return Steps.construct(*Built);
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      std::optional<ArrayOperation> Op = Model.classify(Call);
      if (!Op)
        return userCallResult(Call, Find, Depth);
      if (Op->Call != Call || Op->Api->Kind == ArrayOpKind::ElementAccess)
        return ArrayFacts::unknown();
      if (Op->Api->Layout == ResultLayout::FollowsInputs) {
        llvm::SmallVector<ArrayFacts, 4> Inputs;
        if (auto Exprs = Model.inputArrays(*Op))
          for (const Expr *In : *Exprs)
            Inputs.push_back(eval(In, Find, Depth + 1));
        ArrayFacts Result = Steps.applyToInputs(*Op, Inputs);
        for (const ArrayFacts &In : Inputs)
          Result.ContextDependent |= In.ContextDependent;
        return Result;
      }
      ArrayFacts Source =
          Op->Source ? eval(Op->Source, Find, Depth + 1) : ArrayFacts::bottom();
      return apply(*Op, Source);
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
          Field && TU && Model.isArrayType(Field->getType()))
        return TU->fieldFacts(*Field);
    return ArrayFacts::unknown();
  }

  /// The facts of an element of container \p Of: the join of what was put
  /// in, once known; the container itself is a buffer of its own, so that
  /// changing a handle taken from it is noticed.
  ArrayFacts elementFacts(const VarDecl *Of) const {
    auto It = ElementFacts.find(Of);
    ArrayFacts F = It == ElementFacts.end() ? ArrayFacts::unknown() : It->second;
    addBuffer(F, Of);
    F.Fresh = false;
    return F;
  }

  /// What a call to a user function returns, from the TU's summary of the
  /// callee given the facts of the array arguments here.
  ArrayFacts userCallResult(const CallExpr *Call, Lookup Find,
                            int Depth) const {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!TU || !Callee || !Model.isArrayType(Callee->getReturnType()) ||
        Model.isLibraryDecl(Callee))
      return ArrayFacts::unknown();
    std::vector<ArrayFacts> Params(Callee->getNumParams(),
                                   ArrayFacts::unknown());
    unsigned Offset =
        isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
    for (unsigned I = Offset; I < Call->getNumArgs(); ++I)
      if (I - Offset < Params.size() &&
          Model.isArrayType(Callee->getParamDecl(I - Offset)->getType()))
        Params[I - Offset] = eval(Call->getArg(I), Find, Depth + 1);
    ArrayFacts Result = TU->resultOf(*Callee, Call, Params);
    for (const ArrayFacts &Param : Params)
      Result.ContextDependent |= Param.ContextDependent;
    return Result;
  }

  CopyVerdict verdict(const ArrayOperation &Op, const ArrayFacts &Src) const {
    return Steps.verdict(Op, Src);
  }
  ArrayFacts apply(const ArrayOperation &Op, const ArrayFacts &Src) const {
    ArrayFacts Result = Steps.apply(Op, Src);
    Result.ContextDependent |= Src.ContextDependent;
    return Result;
  }

  // -- Dataflow ---------------------------------------------------------------
  ArrayFacts current(const VarDecl *V, const State &St) const {
    if (Untracked.contains(V))
      return ArrayFacts::unknown();
    auto It = St.find(V);
    if (It == St.end() || It->second.Bottom)
      return ArrayFacts::unknown();
    return It->second;
  }

  void clobber(const VarDecl *V, State &St) const {
    ArrayFacts Old = current(V, St);
    for (auto &Entry : St) {
      // Which handles share Old's buffers may differ in another context.
      Entry.second.ContextDependent |= Old.ContextDependent;
      if (Entry.first == V || Entry.second.mayShareWith(Old)) {
        clearLayout(Entry.second);
        Entry.second.Rank = -1;
        Entry.second.Extents.clear();
        // A run-time element type changes too (OpenCV's create(), an
        // OutputArray); the size that came with it goes with it.
        if (Entry.second.TypeCode >= 0) {
          Entry.second.TypeCode = -1;
          Entry.second.ElementSize = 0;
        }
        addBuffer(Entry.second, ExternalBuffer);
        Entry.second.Fresh = false;
      }
    }
    if (!St.count(V)) {
      ArrayFacts U = ArrayFacts::unknown();
      U.ContextDependent = Old.ContextDependent;
      St[V] = U;
    }
  }

  void record(const DeclRefExpr *Ref, const VarDecl *V, const State &St) {
    ArrayFacts Facts = current(V, St);
    RefFacts[Ref] = Facts;
    llvm::SmallVector<const VarDecl *, 4> Aliases;
    bool SharingContextDependent = Facts.ContextDependent;
    for (const auto &Entry : St) {
      if (Entry.first != V && !Entry.second.Bottom &&
          Entry.second.mayShareWith(Facts))
        Aliases.push_back(Entry.first);
      SharingContextDependent |= Entry.second.ContextDependent;
    }
    // A later visit of the block overwrites what an earlier one recorded.
    if (SharingContextDependent)
      RefSharingContextDependent.insert(Ref);
    else
      RefSharingContextDependent.erase(Ref);
    bool Fresh = !Escaping.contains(V) && !Untracked.contains(V) &&
                 Facts.Buffers.size() == 1 &&
                 Facts.Buffers[0] != ExternalBuffer && Aliases.empty();
    if (Fresh)
      RefFresh.insert(Ref);
    else
      RefFresh.erase(Ref);
    llvm::sort(Aliases, [](const VarDecl *A, const VarDecl *B) {
      return A->getBeginLoc() < B->getBeginLoc();
    });
    RefAliases[Ref] = std::move(Aliases);
  }

  void transfer(const Stmt *S, State &St) {
    auto Find = [&](const DeclRefExpr *Ref) {
      return current(varOfRef(Ref), St);
    };
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      const VarDecl *V = varOfRef(Ref);
      if (!V || !Tracked.contains(V))
        return;
      record(Ref, V, St);
      auto It = Effects.find(Ref);
      UseEffect E = It == Effects.end() ? UseEffect::None : It->second;
      if (E == UseEffect::Clobber || E == UseEffect::Untrack) {
        ArrayFacts Old = current(V, St);
        if (llvm::is_contained(Old.Buffers, ExternalBuffer))
          ChangesOutsideArray = true;
        ClobberedContextDependent |= Old.ContextDependent;
        for (BufferId B : Old.Buffers)
          if (!llvm::is_contained(ClobberedBuffers, B))
            ClobberedBuffers.push_back(B);
        clobber(V, St);
      } else if (E == UseEffect::Escape) {
        ArrayFacts F = current(V, St);
        addBuffer(F, ExternalBuffer);
        St[V] = F;
      }
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls()) {
        const auto *V = dyn_cast<VarDecl>(D);
        if (auto Slots = SlotsOf.find(V); Slots != SlotsOf.end()) {
          // A local aggregate: each field from its initialiser, if any.
          const InitListExpr *List = initListOf(V);
          for (const auto &[Field, Slot] : Slots->second) {
            const Expr *Init = List ? fieldInit(List, Field) : nullptr;
            // Otherwise (default construction, a field left out without a
            // default member initialiser), what every object of the class
            // holds, if known.
            ArrayFacts F = Init  ? eval(Init, Find)
                           : TU ? TU->fieldFacts(*Field)
                                : ArrayFacts::unknown();
            F.Fresh = false;
            St[Slot] = F.Bottom ? ArrayFacts::unknown() : F;
          }
          continue;
        }
        if (!V || !Tracked.contains(V))
          continue;
        ArrayFacts F;
        if (const VarDecl *Of = LoopElementOf.lookup(V))
          F = elementFacts(Of);
        else
          F = V->getInit() ? eval(V->getInit(), Find) : ArrayFacts::unknown();
        F.Fresh = false;
        if (F.Bottom)
          F = ArrayFacts::unknown();
        St[V] = F;
      }
      return;
    }
    if (const auto *OpCall = dyn_cast<CXXOperatorCallExpr>(S)) {
      if (OpCall->getOperator() != OO_Equal || OpCall->getNumArgs() != 2)
        return;
      const DeclRefExpr *LHS = refOf(OpCall->getArg(0));
      const VarDecl *V = LHS ? varOfRef(LHS) : nullptr;
      if (!V || !Tracked.contains(V))
        return;
      if (!Model.isArrayType(OpCall->getArg(1)->getType())) {
        // Element-wise assignment from a scalar: layout unchanged.
        return;
      }
      ArrayFacts F = eval(OpCall->getArg(1), Find);
      F.Fresh = false;
      St[V] = F.Bottom ? ArrayFacts::unknown() : F;
      return;
    }
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      for (const LambdaCapture &C : Lambda->captures())
        if (C.capturesVariable())
          if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar());
              V && Tracked.contains(V))
            clobber(V, St);
    }
  }

  /// Joins \p From into \p Into in place (a merge of paths).
  static void joinInto(State &Into, const State &From) {
    for (const auto &Entry : From) {
      auto [It, Inserted] = Into.try_emplace(Entry.first, Entry.second);
      if (!Inserted)
        It->second = ArrayFacts::join(It->second, Entry.second);
    }
  }

  static bool sameState(const State &A, const State &B) {
    if (A.size() != B.size())
      return false;
    for (const auto &Entry : A) {
      auto It = B.find(Entry.first);
      if (It == B.end() || It->second != Entry.second)
        return false;
    }
    return true;
  }

  void run(unsigned MaxBlockVisits) {
    prepass();
    if (Tracked.empty() && Containers.empty())
      return;
    const CFG *Cfg = graph();
    if (!Cfg) {
      GaveUp = true;
      return;
    }
    runDataflow(*Cfg, MaxBlockVisits);
    // Containers: what was put in is known after a first pass; a second one
    // gives their elements those facts. (Values put in that depend on the
    // elements were Unknown in the first pass, so the join covers them.)
    if (GaveUp || !followContainers())
      return;
    RefFacts.clear();
    RefAliases.clear();
    RefFresh.clear();
    RefSharingContextDependent.clear();
    runDataflow(*Cfg, MaxBlockVisits);
  }

  /// Sets ElementFacts from the first pass; false when none is known.
  bool followContainers() {
    auto Find = [&](const DeclRefExpr *Ref) {
      auto It = RefFacts.find(Ref);
      return It == RefFacts.end() ? ArrayFacts::unknown() : It->second;
    };
    for (const auto &[Var, C] : Containers) {
      if (C.Unfollowed || C.Inserts.empty() ||
          llvm::is_contained(ClobberedBuffers, BufferId(Var)))
        continue;
      ArrayFacts Joined = ArrayFacts::bottom();
      for (const Expr *Value : C.Inserts)
        Joined = ArrayFacts::join(Joined, eval(Value, Find));
      if (Joined.C == Contiguity::Unknown && Joined.F == Contiguity::Unknown)
        continue;
      Joined.Fresh = false;
      // Whether the container was changed behind the analysis' back may
      // depend on the calling context.
      Joined.ContextDependent |= ClobberedContextDependent;
      ElementFacts[Var] = Joined;
    }
    return !ElementFacts.empty();
  }

  void runDataflow(const CFG &Graph, unsigned MaxBlockVisits) {
    const CFG *Cfg = &Graph;
    State Initial;
    for (const ParmVarDecl *P : Function.parameters())
      if (Tracked.contains(P))
        Initial[P] = entryFactsOf(P);

    unsigned N = Cfg->getNumBlockIDs();
    std::vector<std::optional<State>> Out(N);
    // Reverse post-order: a block runs after its forward predecessors, so
    // each loop body is revisited only while its back edges change it.
    PostOrderCFGView Order(Cfg);
    ForwardDataflowWorklist Work(*Cfg, &Order);
    const CFGBlock &Entry = Cfg->getEntry();
    Work.enqueueBlock(&Entry);
    unsigned Visits = 0;
    auto EntryState = [&](const CFGBlock *B) {
      if (B == &Entry)
        return Initial;
      State In;
      bool First = true;
      for (const CFGBlock::AdjacentBlock &Pred : B->preds()) {
        const CFGBlock *P = Pred.getReachableBlock();
        if (!P || !Out[P->getBlockID()])
          continue;
        if (First)
          In = *Out[P->getBlockID()];
        else
          joinInto(In, *Out[P->getBlockID()]);
        First = false;
      }
      return In;
    };
    while (const CFGBlock *B = Work.dequeue()) {
      if (++Visits > MaxBlockVisits) {
        GaveUp = true;
        return;
      }
      // Each visit records the facts at the block's references. A block is
      // visited again whenever a predecessor's exit state changes, so its
      // last visit starts from the fixpoint and its records stand.
      State St = EntryState(B);
      for (const CFGElement &E : *B)
        if (std::optional<CFGStmt> CS = E.getAs<CFGStmt>())
          transfer(CS->getStmt(), St);
      std::optional<State> &Slot = Out[B->getBlockID()];
      if (Slot && sameState(*Slot, St))
        continue;
      Slot = std::move(St);
      Work.enqueueSuccessors(B);
    }
  }
};

LayoutAnalysis::LayoutAnalysis(const FunctionDecl &Function,
                               ASTContext &Context, const ArrayModel &Model,
                               Summaries *TU,
                               llvm::ArrayRef<ArrayFacts> ParamFacts,
                               unsigned MaxBlockVisits)
    : P(std::make_unique<Impl>(Function, Context, Model, TU, ParamFacts)) {
  P->MaxBlockVisits = MaxBlockVisits;
}

LayoutAnalysis::Impl &LayoutAnalysis::ensureRun() const {
  if (P->Ran)
    return *P;
  P->Ran = true;
  unsigned ProvisionalBefore = P->TU ? P->TU->provisionalAnswers() : 0;
  if (P->Function.getBody()) {
    // Calls back into a function being analysed (recursion) answer Unknown,
    // except the direct recursive calls' retention of parameters (assumed).
    if (P->TU)
      P->TU->beginAnalysis(P->Function);
    for (;;) {
      P->run(P->MaxBlockVisits);
      // An assumption the result contradicts: run again, assuming that
      // parameter retained. Each round adds one, so this ends.
      llvm::SmallBitVector Contradicted(P->Function.getNumParams());
      for (unsigned I : P->AssumedNotRetained.set_bits())
        if (P->paramEscapes(I))
          Contradicted.set(I);
      if (Contradicted.none())
        break;
      auto Again = std::make_unique<Impl>(P->Function, P->Context, P->Model,
                                          P->TU, P->ParamFacts);
      Again->MaxBlockVisits = P->MaxBlockVisits;
      Again->Ran = true;
      Again->KnownRetained = P->KnownRetained | Contradicted;
      P = std::move(Again);
    }
    if (P->TU)
      P->TU->endAnalysis(P->Function);
  }
  P->Done = true;
  P->Provisional =
      P->TU && P->TU->provisionalAnswers() != ProvisionalBefore;
  if (P->GaveUp) {
    P->RefFacts.clear();
    P->RefAliases.clear();
    P->RefFresh.clear();
  }
  return *P;
}

LayoutAnalysis::~LayoutAnalysis() = default;

void LayoutAnalysis::noteAnswer(bool ContextDependent) const {
  // Past the budget every answer is Unknown, which another context that
  // stays within it may not give; the same holds for provisional answers.
  if (ContextDependent || P->GaveUp || P->Provisional)
    ++ContextDependentAnswers;
}

ArrayFacts LayoutAnalysis::evaluate(const Expr *E,
                                    bool &ContextDependent) const {
  ensureRun();
  if (P->GaveUp) {
    ContextDependent = true;
    return ArrayFacts::unknown();
  }
  auto Find = [&](const DeclRefExpr *Ref) {
    auto It = P->RefFacts.find(Ref);
    return It == P->RefFacts.end() ? ArrayFacts::unknown() : It->second;
  };
  unsigned ProvisionalBefore = P->TU ? P->TU->provisionalAnswers() : 0;
  ArrayFacts Facts = P->eval(E, Find);
  ContextDependent =
      Facts.ContextDependent ||
      (P->TU && P->TU->provisionalAnswers() != ProvisionalBefore);
  return Facts;
}

ArrayFacts LayoutAnalysis::factsOf(const Expr *E) const {
  bool ContextDependent = false;
  ArrayFacts Facts = evaluate(E, ContextDependent);
  noteAnswer(ContextDependent);
  return Facts;
}

CopyVerdict LayoutAnalysis::copyVerdict(const ArrayOperation &Op) const {
  ensureRun();
  bool ContextDependent = false;
  ArrayFacts Source = Op.Source ? evaluate(Op.Source, ContextDependent)
                                : ArrayFacts::bottom();
  CopyVerdict V;
  if (P->GaveUp && Op.Api->Kind != ArrayOpKind::Copy) {
    V.Source = Source;
  } else {
    if (Source.Bottom && !hasNoSource(Op.Api->Kind))
      Source = ArrayFacts::unknown();
    V = P->verdict(Op, Source);
  }
  // What the operation does regardless of its source's layout (an explicit
  // copy, a view) is the same in every context; V.Source only describes it.
  if (ContextDependent && !P->GaveUp) {
    CopyVerdict Any = P->verdict(Op, ArrayFacts::unknown());
    ContextDependent =
        Any.Kind == CopyVerdict::Unknown || Any.Kind != V.Kind ||
        Any.Explicit != V.Explicit || Any.RequiredOrder != V.RequiredOrder ||
        Any.IfCopyAllowed != V.IfCopyAllowed;
  }
  noteAnswer(ContextDependent);
  return V;
}

ArrayFacts LayoutAnalysis::apply(const ArrayOperation &Op,
                                 const ArrayFacts &Source) const {
  ensureRun();
  return P->apply(Op, Source);
}

const VarDecl *LayoutAnalysis::trackedVar(const Expr *E) const {
  ensureRun();
  if (!E)
    return nullptr;
  const DeclRefExpr *Ref = P->refOf(ArrayModel::ignoreHandleCopies(E));
  if (!Ref)
    return nullptr;
  const VarDecl *V = P->varOfRef(Ref);
  return V && P->Tracked.contains(V) ? V : nullptr;
}

const VarDecl *LayoutAnalysis::containerOfElement(const Expr *E) const {
  ensureRun();
  return E ? P->containerOfElement(
                 ArrayModel::ignoreHandleCopies(E)->IgnoreParenImpCasts())
           : nullptr;
}

bool LayoutAnalysis::escapes(const VarDecl *V) const {
  ensureRun();
  return P->Escaping.contains(V) || P->Untracked.contains(V);
}

llvm::SmallVector<const VarDecl *, 4>
LayoutAnalysis::mayAliasAt(const DeclRefExpr *Use) const {
  ensureRun();
  noteAnswer(P->GaveUp || P->RefSharingContextDependent.contains(Use));
  auto It = P->RefAliases.find(Use);
  if (It != P->RefAliases.end() && !P->GaveUp)
    return It->second;
  // Unknown: every other tracked handle may share.
  llvm::SmallVector<const VarDecl *, 4> All;
  const Decl *Self = Use->getDecl();
  if (const auto *Var = dyn_cast<VarDecl>(Self))
    Self = P->resolve(Var);
  for (const VarDecl *V : P->Tracked)
    if (V != Self)
      All.push_back(V);
  llvm::sort(All, [](const VarDecl *A, const VarDecl *B) {
    return A->getBeginLoc() < B->getBeginLoc();
  });
  return All;
}

bool LayoutAnalysis::isFreshAt(const DeclRefExpr *Use) const {
  ensureRun();
  noteAnswer(P->GaveUp || P->RefSharingContextDependent.contains(Use));
  return !P->GaveUp && P->RefFresh.contains(Use);
}

ArrayFacts LayoutAnalysis::returnedFacts() const {
  Impl &I = ensureRun();
  if (I.Returned)
    return *I.Returned;
  I.Returned = ArrayFacts::unknown(); // asked again while computing: Unknown
  ArrayFacts Result = ArrayFacts::bottom();
  bool Fresh = true;
  // The return statements of this body, not of nested lambdas.
  struct Returns : RecursiveASTVisitor<Returns> {
    llvm::SmallVector<const ReturnStmt *, 4> Found;
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitReturnStmt(ReturnStmt *R) {
      Found.push_back(R);
      return true;
    }
  } Visitor;
  if (I.GaveUp || !I.Function.getBody())
    Result = ArrayFacts::unknown();
  else
    Visitor.TraverseStmt(const_cast<Stmt *>(I.Function.getBody()));
  for (const ReturnStmt *R : Visitor.Found) {
    const Expr *Value = R->getRetValue();
    if (!Value || !I.Model.isArrayType(Value->getType())) {
      Result = ArrayFacts::unknown();
      break;
    }
    ArrayFacts F = factsOf(Value);
    bool ThisFresh = F.Fresh;
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(ArrayModel::ignoreHandleCopies(Value)))
      ThisFresh = isFreshAt(Ref);
    Fresh = Fresh && ThisFresh;
    Result = ArrayFacts::join(Result, F);
  }
  if (Result.Bottom)
    Result = ArrayFacts::unknown(); // no return: nothing is known
  Result.Fresh = Fresh && !Result.Bottom;
  I.Returned = Result;
  return Result;
}

ArrayFacts LayoutAnalysis::entryFacts(const Expr *E) const {
  Impl &I = ensureRun();
  if (I.GaveUp)
    return ArrayFacts::unknown();
  auto Find = [&](const DeclRefExpr *Ref) {
    if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
        Param && Param->getDeclContext() == &I.Function)
      return I.entryFactsOf(Param);
    return ArrayFacts::unknown();
  };
  return I.eval(E, Find);
}

bool LayoutAnalysis::paramEscapes(unsigned Index) const {
  return ensureRun().paramEscapes(Index);
}

bool LayoutAnalysis::gaveUp() const { return ensureRun().GaveUp; }
bool LayoutAnalysis::inProgress() const { return P->Ran && !P->Done; }
const FunctionDecl &LayoutAnalysis::function() const { return P->Function; }

const CFG *LayoutAnalysis::cfg() const { return P->graph(); }

const ParentMap &LayoutAnalysis::parents() const { return P->parents(); }
const ArrayModel &LayoutAnalysis::model() const { return P->Model; }
ASTContext &LayoutAnalysis::astContext() const { return P->Context; }

} // namespace clang::tidy::ndarray::analysis
