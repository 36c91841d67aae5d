//===--- UnnecessaryCopyCheck.cpp - ndtidy --------------------------------===//
//
// A local initialised by flatten() or copy() whose elements are only read,
// that never escapes, and whose source is not written while it is in use:
// a view gives the same elements. Conservative in the way of clang-tidy's
// isOnlyUsedAsConst: any use HandleUses does not understand, any write
// through a handle that may share the source's buffer, and (for a source
// others may hold) any call the analysis cannot see into, keep it quiet.
//
//===----------------------------------------------------------------------===//

#include "ndarray/UnnecessaryCopyCheck.h"
#include "analysis/HandleUses.h"
#include "analysis/ValueUses.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "utils/FixItUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

namespace clang::tidy::ndarray {

using namespace analysis;

// Whether the source is contiguous in the order the view form needs.
static Contiguity contiguityFor(const ArrayFacts &Facts,
                                std::optional<MemoryOrder> Order) {
  if (!Order)
    return Contiguity::Unknown;
  if (*Order == MemoryOrder::C || *Order == MemoryOrder::F)
    return Facts.contiguity(*Order);
  // A and K: a view whenever the array is C- or F-contiguous (K also for
  // other dense axis orders, which the facts do not describe).
  if (Facts.C == Contiguity::Yes || Facts.F == Contiguity::Yes)
    return Contiguity::Yes;
  return Contiguity::Unknown;
}

void UnnecessaryCopyCheck::find(const FunctionContext &F,
                                std::vector<Finding> &Out) const {
  HandleUses &Uses = F.Uses.get();

  for (const VarDecl *Var : Uses.localArrayVars()) {
    std::optional<ArrayOperation> Op = F.Model.classify(Var->getInit());
    if (!Op || Op->Api->Kind != ArrayOpKind::Copy || Op->Api->ConvertsType ||
        !Op->Source)
      continue;
    const ArrayApiEntry *Ravel =
        Op->Library->find(ArrayOpKind::Ravel, ResultShape::Flat, true);
    const bool Flattens =
        Op->Api->Shape == ResultShape::Flat && Op->Api->IsMember && Ravel;
    const bool Copies = Op->Api->Shape == ResultShape::Same;
    if (!Flattens && !Copies)
      continue;

    HandleChain Source = Uses.chainOf(Op->Source);
    if (!Source.Root || !Source.Root->hasLocalStorage() ||
        Source.Root->isStaticLocal())
      continue;

    // The copy is only read...
    HandleUses::Summary Copy = Uses.usesOfVar(Var);
    if (Copy.Uses.empty() || Copy.has(HandleUseKind::Write) ||
        Copy.has(HandleUseKind::Escape) || Copy.has(HandleUseKind::Rebind))
      continue;
    // ...and with copy(), never reshaped or raveled: on the source these
    // could copy where on the dense copy they do not.
    if (Copies && Copy.hasMaybeCopyUse())
      continue;

    // ...while nothing writes the source.
    llvm::SmallVector<const Stmt *, 8> UseStmts;
    for (const HandleUse &Use : Copy.Uses) {
      UseStmts.push_back(Use.Occurrence);
      UseStmts.push_back(Use.Site);
    }
    HandleUses::LiveRegion Region = Uses.liveRegion(Op->Call, UseStmts);
    HandleUses::Summary Src = Uses.usesOfVar(Source.Root);
    bool SourceWritten = false;
    // Rebinding the source (`a = other;`) leaves its old buffer alone, but a
    // reference bound to it would follow: `const auto &b = a.copy();`.
    const bool RebindMatters = Var->getType()->isReferenceType();
    for (const HandleUse &Use : Src.Uses)
      if ((Use.Kind == HandleUseKind::Write ||
           Use.Kind == HandleUseKind::Escape ||
           (RebindMatters && Use.Kind == HandleUseKind::Rebind)) &&
          (Region.contains(Use.Site) || Region.contains(Use.Occurrence)))
        SourceWritten = true;
    if (SourceWritten)
      continue;
    llvm::SmallVector<const VarDecl *, 8> Known{Source.Root, Var};
    Known.append(Src.Aliases.begin(), Src.Aliases.end());
    Known.append(Copy.Aliases.begin(), Copy.Aliases.end());
    if (!Uses.isFreshUnescaped(Source.Root) &&
        Uses.mayWriteHiddenHandles(Region, Known))
      continue;

    // Where the source is known not to be contiguous, the view form would
    // copy too (ravel) or read a strided array (copy): not "unnecessary".
    // (Asked last: an answer about layout may make the function worth
    // analysing once per calling context.)
    const ArrayFacts Facts = F.Layout.factsOf(Op->Source);
    const Contiguity Contiguous = contiguityFor(
        Facts, Flattens ? Op->Order : std::optional(MemoryOrder::C));
    if (Contiguous == Contiguity::No ||
        Contiguous == Contiguity::NoUnlessDegenerate)
      continue;

    const std::string Name = "'" + Var->getName().str() + "'";
    const std::string SourceName = rootName(Source);
    Finding Found;
    Found.Kind = FindingKind::UnnecessaryCopy;
    Found.Anchor = Op->Call;
    Found.Loc = Op->NameLoc;
    Found.Elements = Facts.elementCount();
    const bool CanFix = !F.InTemplateInstantiation &&
                        utils::isFixable(Op->Call, F.AST) &&
                        Op->NameLoc.isFileID();
    if (Flattens) {
      Found.Message = Name + " is a copy made by " + Op->spelling() +
                      " that is only read, and " + SourceName +
                      " is not modified while " + Name + " is in use: " +
                      Ravel->Name.str() + "() gives the same elements";
      if (Contiguous == Contiguity::Yes)
        Found.Message += " as a view, without copying";
      else
        Found.Message += ", and copies only if its source is not " +
                         viewCondition(*Op);
      if (CanFix)
        Found.Fixes.push_back(FixItHint::CreateReplacement(
            CharSourceRange::getTokenRange(Op->NameLoc, Op->NameLoc),
            Ravel->Name));
    } else {
      Found.Message = Name + " is a copy made by " + Op->spelling() +
                      " that is only read, and " + SourceName +
                      " is not modified while " + Name +
                      " is in use: a handle to its source gives the same "
                      "elements without copying";
      if (CanFix)
        if (std::optional<FixItHint> Fix =
                utils::replaceCallBySource(Op->Call, Op->Source, F.AST))
          Found.Fixes.push_back(*Fix);
    }
    Out.push_back(std::move(Found));
  }
}


//===----------------------------------------------------------------------===//
// Eigen and xtensor: deep copies only read.
//
// Their objects have value semantics: `Eigen::MatrixXd b = a;`,
// `auto b = a;` on an xt::xarray and a by-value parameter copy every
// element into a new heap buffer. When the copy is only read while its
// source cannot change, a const reference to the source gives the same
// elements. Conservative: any use ValueUses does not understand (an
// escape), any write of the source after the copy is made, a goto, and
// for parameters anything through which the function could change its
// caller's argument (a non-const reference or pointer parameter, a
// non-const global, `this`, a call the analysis cannot see into) keep it
// quiet.
//===----------------------------------------------------------------------===//

namespace {

// The variable \p Init copy-constructs its object from, if any.
const VarDecl *copiedVariable(const Expr *Init) {
  if (!Init)
    return nullptr;
  Init = Init->IgnoreImplicit();
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init);
  if (!Construct || Construct->getNumArgs() < 1 ||
      !Construct->getConstructor()->isCopyConstructor())
    return nullptr;
  for (unsigned I = 1; I < Construct->getNumArgs(); ++I)
    if (!isa<CXXDefaultArgExpr>(Construct->getArg(I)))
      return nullptr;
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Construct->getArg(0)->IgnoreParenImpCasts());
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

bool onlyRead(llvm::ArrayRef<ValueUse> Uses) {
  return !Uses.empty() && llvm::all_of(Uses, [](const ValueUse &U) {
    return U.Kind == ValueUseKind::Read;
  });
}

// `const T &name`: the fix for a declaration of \p Var, or nothing when it
// cannot be written exactly (several declarators, macros).
// Whether a call of \p FD could resolve to another function of the same name
// once a parameter's type changes: an overload in FD's own scope, or one in
// the namespace of a parameter's class, which argument-dependent lookup
// adds (`mean(xt::xarray<double>)` against `xt::mean(E &&)`: with a `const&`
// parameter the library's template becomes the better match).
bool hasNamesakes(const FunctionDecl &FD) {
  auto OthersIn = [&](const DeclContext *DC) {
    for (const NamedDecl *D : DC->lookup(FD.getDeclName()))
      if (D->getCanonicalDecl() != FD.getCanonicalDecl())
        return true;
    return false;
  };
  if (OthersIn(FD.getDeclContext()->getRedeclContext()))
    return true;
  for (const ParmVarDecl *Param : FD.parameters()) {
    const auto *RD = Param->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (!RD)
      continue;
    const DeclContext *DC = RD->getDeclContext();
    while (DC && !DC->isFileContext())
      DC = DC->getParent();
    for (; DC && isa<NamespaceDecl>(DC); DC = DC->getParent())
      if (OthersIn(DC))
        return true;
  }
  return false;
}

std::vector<FixItHint> constReferenceFix(const VarDecl *Var) {
  std::vector<FixItHint> Fixes;
  const TypeSourceInfo *TSI = Var->getTypeSourceInfo();
  if (!TSI)
    return Fixes;
  SourceLocation TypeBegin = TSI->getTypeLoc().getBeginLoc();
  SourceLocation Name = Var->getLocation();
  if (TypeBegin.isInvalid() || !TypeBegin.isFileID() || !Name.isFileID() ||
      Var->getBeginLoc() != TypeBegin)
    return Fixes;
  if (!Var->getType().isConstQualified())
    Fixes.push_back(FixItHint::CreateInsertion(TypeBegin, "const "));
  Fixes.push_back(FixItHint::CreateInsertion(Name, "&"));
  return Fixes;
}

// Whether \p D writes no variable of static storage and calls only what
// cannot write one either: library and standard functions, or functions of
// the translation unit that satisfy the same (up to a depth).
bool cannotWriteGlobals(const Stmt *Body, const SourceManager &SM,
                        unsigned Depth,
                        llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen,
                        const ArrayModel &Model);

bool calleeCannotWriteGlobals(const FunctionDecl *Callee,
                              const SourceManager &SM, unsigned Depth,
                              llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen,
                              const ArrayModel &Model) {
  if (!Callee)
    return false;
  if (SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())) ||
      Model.isLibraryDecl(Callee))
    return true;
  const FunctionDecl *Definition = nullptr;
  if (!Callee->hasBody(Definition) || !Definition || Depth >= 3)
    return false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
      Method && Method->isVirtual())
    return false;
  if (!Seen.insert(Definition).second)
    return true;
  return cannotWriteGlobals(Definition->getBody(), SM, Depth + 1, Seen, Model);
}

bool cannotWriteGlobals(const Stmt *Body, const SourceManager &SM,
                        unsigned Depth,
                        llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen,
                        const ArrayModel &Model) {
  llvm::SmallVector<const Stmt *, 32> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (!Var->hasLocalStorage() && !Var->getType().isConstQualified() &&
            !Var->isConstexpr())
          return false;
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (!calleeCannotWriteGlobals(Call->getDirectCallee(), SM, Depth, Seen,
                                    Model))
        return false;
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      if (!calleeCannotWriteGlobals(Construct->getConstructor(), SM, Depth,
                                    Seen, Model))
        return false;
    } else if (isa<LambdaExpr>(S)) {
      return false;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return true;
}

// Whether a parameter of type \p T cannot reach the caller's objects for
// writing: a scalar or a storage object by value, or anything by const
// lvalue reference or pointer to const.
bool parameterCannotWrite(QualType T, const ArrayModel &Model) {
  if (T->isLValueReferenceType() || T->isPointerType())
    return T->getPointeeType().isConstQualified();
  if (T->isReferenceType())
    return false;
  return T->isScalarType() || Model.storageClassOf(T).first != nullptr;
}

// Whether nothing \p FD runs can change the object its parameter \p Param
// refers to or was copied from: no `this`, no other parameter that can
// write, no variable of static storage written, directly or by a callee.
bool cannotChangeArgument(const FunctionDecl &FD, const ParmVarDecl *Param,
                          const ArrayModel &Model, const SourceManager &SM) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  if ((Method && (Method->isInstance() || Method->isVirtual())) ||
      isa<CXXConstructorDecl>(FD) || FD.isMain() || FD.isVariadic() ||
      isa<CXXTryStmt>(FD.getBody()))
    return false;
  for (const ParmVarDecl *Other : FD.parameters())
    if (Other != Param && !parameterCannotWrite(Other->getType(), Model))
      return false;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen{&FD};
  return cannotWriteGlobals(FD.getBody(), SM, 0, Seen, Model);
}

} // namespace

void UnnecessaryCopyCheck::findValues(const ValueFunctionContext &F,
                                      std::vector<Finding> &Out) const {
  if (F.Uses.hasGoto())
    return;
  const SourceManager &SM = F.AST.getSourceManager();
  const bool CanFix = !F.InTemplateInstantiation;
  for (const VarDecl *Var : F.Uses.variables()) {
    if (!F.Uses.isOwnedValue(Var) || isa<ParmVarDecl>(Var) ||
        !F.Model.storageAllocates(Var->getType()) ||
        Var->getBeginLoc().isMacroID())
      continue;
    const VarDecl *Source = copiedVariable(Var->getInit());
    if (!Source || Source == Var)
      continue;
    // A local or by-value parameter, or a `const T&` parameter of a
    // function that cannot change its argument meanwhile.
    const auto *SourceParam = dyn_cast<ParmVarDecl>(Source);
    const bool ConstRefParam =
        SourceParam && SourceParam->getDeclContext() == &F.Function &&
        Source->getType()->isLValueReferenceType() &&
        Source->getType().getNonReferenceType().isConstQualified();
    if (!F.Uses.isOwnedValue(Source) &&
        !(ConstRefParam &&
          cannotChangeArgument(F.Function, SourceParam, F.Model, SM)))
      continue;
    if (!onlyRead(F.Uses.usesOf(Var)))
      continue;
    // The source is never aliased, and not written while the copy is used.
    if (F.Uses.changedWhileLive(Var, Source))
      continue;

    const std::string Name = "'" + Var->getName().str() + "'";
    const std::string SourceName = "'" + Source->getName().str() + "'";
    Finding Found;
    Found.Kind = FindingKind::UnnecessaryCopy;
    Found.Anchor = Var->getInit();
    Found.Loc = Var->getLocation();
    Found.Message = Name + " is a deep copy of " + SourceName +
                    " that is only read, and " + SourceName +
                    " is not modified while " + Name +
                    " is in use: a const reference to " + SourceName +
                    " gives the same elements without copying";
    // One declarator: `const` would apply to all of them.
    const auto *Decl =
        dyn_cast_or_null<DeclStmt>(F.Uses.parentOf(Var->getInit()));
    if (CanFix && Decl && Decl->isSingleDecl())
      Found.Fixes = constReferenceFix(Var);
    Out.push_back(std::move(Found));
  }

  // By-value parameters only read. (A lambda's call operator is an
  // instance method: cannotChangeArgument() skips it.)
  const FunctionDecl &FD = F.Function;
  for (const ParmVarDecl *Param : FD.parameters()) {
    if (!F.Uses.isOwnedValue(Param) || !Param->getIdentifier() ||
        !F.Model.storageAllocates(Param->getType()) ||
        !onlyRead(F.Uses.usesOf(Param)) ||
        !cannotChangeArgument(FD, Param, F.Model, SM))
      continue;
    const std::string Type = writtenTypeOf(Param, F.AST);
    Finding Found;
    Found.Kind = FindingKind::UnnecessaryCopy;
    Found.Anchor = nullptr;
    Found.Loc = Param->getLocation();
    Found.Message = "parameter '" + Param->getName().str() + "' of type '" +
                    Type +
                    "' is a deep copy of its argument that is only read, "
                    "and nothing in the function can modify the argument: "
                    "'const " +
                    Type + " &' gives the same elements without copying";
    // Changing the signature is exact only where it is declared once, and
    // where no other function of that name competes at the calls.
    if (CanFix && !FD.getPreviousDecl() && FD.getMostRecentDecl() == &FD &&
        !FD.isTemplateInstantiation() && !FD.getDescribedFunctionTemplate() &&
        !FD.isFunctionTemplateSpecialization() && !hasNamesakes(FD))
      Found.Fixes = constReferenceFix(Param);
    Out.push_back(std::move(Found));
  }
}

} // namespace clang::tidy::ndarray
