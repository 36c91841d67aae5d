//===--- WriteToCopyCheck.cpp - ndtidy ------------------------------------===//
//
// A write into an array that is a copy of another, where nothing ever reads
// the copy: a temporary (`a.flatten()(3) = 1.0;`) or a local that is only
// written. The write is lost, and the source is not modified — the "assumed
// flatten() returns a view" bug.
//
//===----------------------------------------------------------------------===//

#include "ndarray/WriteToCopyCheck.h"
#include "analysis/ValueUses.h"
#include "clang/AST/ExprCXX.h"
#include "analysis/Describe.h"
#include "analysis/HandleUses.h"
#include "utils/ASTUtils.h"
#include "utils/FixItUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

namespace clang::tidy::ndarray {

using namespace analysis;

// "flatten() returns a copy" / "ravel() returns a copy here: its source is
// not C-contiguous".
static std::string whyCopy(const WriteReach &Reach) {
  const ArrayOperation &Op = *Reach.Culprit;
  // A lazy result converted to an array (OpenCV's `cv::Mat b = a.t();`).
  if (isa_and_nonnull<CXXConversionDecl>(Op.Call->getDirectCallee()))
    return "the " + Op.Library->ArrayClass.drop_front(2).str() +
           " made from " + Op.spelling() + " is a new buffer";
  std::string Text = Op.spelling() + " returns a copy";
  if (Op.Api->Kind != ArrayOpKind::Copy && !Reach.Verdict.Explicit) {
    if (Reach.Verdict.Kind == CopyVerdict::CopyUnlessDegenerate)
      Text += " when its source is not " + viewCondition(Op);
    else if (Op.Api->Kind == ArrayOpKind::Reshape)
      Text += " here (its source's strides do not fit the new shape)";
    else
      Text += " here (its source is not " + viewCondition(Op) + ")";
  }
  return Text;
}

// The condition under which the write is lost, from the verdict.
static std::string lostCondition(const WriteReach &Reach) {
  if (Reach.Verdict.Kind == CopyVerdict::CopyUnlessDegenerate)
    return " " + degenerateCondition(Reach.Verdict.Source.Rank);
  return "";
}

// A hint at the view form, when there is one.
static std::string suggestion(const WriteReach &Reach,
                              const HandleChain &Chain) {
  const ArrayOperation &Op = *Reach.Culprit;
  if (Op.Api->Kind == ArrayOpKind::Copy && Op.Api->Shape == ResultShape::Flat)
    return "; ravel() returns a view when its source is " + viewCondition(Op);
  // take()/index() select elements: there is no one "direct" spelling.
  if (Chain.Root && Op.Api->Shape != ResultShape::Other)
    return "; write to " + rootName(Chain) + " directly";
  return "";
}

// A call of a user function whose result is a buffer nothing else holds
// (it returns a copy it made), at the bottom of \p Chain, which adds no copy
// of its own; null otherwise.
static const CallExpr *freshHelperResult(const HandleChain &Chain,
                                         const FunctionContext &F) {
  const auto *Call = dyn_cast_or_null<CallExpr>(
      Chain.Base ? Chain.Base->IgnoreParenImpCasts() : nullptr);
  if (!Call || !Call->getDirectCallee() || F.Model.classify(Call))
    return nullptr;
  if (reachOfWrite(Chain, F.Layout).Kind != WriteReach::Reaches)
    return nullptr;
  return F.Layout.factsOf(Call).Fresh ? Call : nullptr;
}

static std::string helperName(const CallExpr *Call) {
  return "'" + Call->getDirectCallee()->getNameAsString() + "()'";
}

static bool contains(const Stmt *Root, const Stmt *X) {
  if (Root == X)
    return true;
  for (const Stmt *Child : Root->children())
    if (Child && contains(Child, X))
      return true;
  return false;
}

// Whether every element read of the variable only computes a value written
// back into it (`c(i) = f(c(i))`, `c(i) += c(j)`): such reads see nothing
// the source does not hold, and what they compute stays in the copy.
static bool readsOnlyFeedOwnWrites(const HandleUses::Summary &Summary,
                                   bool &HasSelfReads) {
  HasSelfReads = false;
  for (const HandleUse &Read : Summary.Uses) {
    if (Read.Kind == HandleUseKind::Escape)
      return false;
    if (Read.Kind != HandleUseKind::DataRead)
      continue;
    bool Feeds = false;
    for (const HandleUse &Write : Summary.Uses)
      if (Write.Kind == HandleUseKind::Write &&
          Write.Occurrence != Read.Occurrence &&
          contains(Write.Site, Read.Occurrence))
        Feeds = true;
    if (!Feeds)
      return false;
    HasSelfReads = true;
  }
  return true;
}

// A local that is written, never rebound, and read only to compute its own
// writes: what is written into it is lost.
static bool isWrittenButUnread(const HandleUses::Summary &Summary,
                               bool &HasSelfReads) {
  return Summary.has(HandleUseKind::Write) &&
         readsOnlyFeedOwnWrites(Summary, HasSelfReads) &&
         !Summary.has(HandleUseKind::Rebind);
}

// The note at a write of \p Var. Through a derived handle that may be a
// copy (`v.to(at::kFloat).mul_(2)`) the write may reach that copy instead.
static FindingNote writtenHereNote(const VarDecl *Var, const HandleUse &Use) {
  std::string Name = "'" + Var->getName().str() + "'";
  return {Use.Site->getBeginLoc(),
          Use.ThroughMaybeCopy ? Name + ", or a copy of it, is written here"
                               : Name + " is written here",
          {}};
}

static std::optional<int64_t> elementsOf(const FunctionContext &F,
                                         const ArrayOperation &Op) {
  if (!Op.Source)
    return std::nullopt;
  return F.Layout.factsOf(Op.Source).elementCount();
}


// "2x40": the extents of \p Facts when all are known.
static std::optional<std::string> extentsText(const ArrayFacts &Facts) {
  if (Facts.Rank < 1)
    return std::nullopt;
  std::string Text;
  for (const std::optional<int64_t> &E : Facts.Extents) {
    if (!E)
      return std::nullopt;
    Text += (Text.empty() ? "" : "x") + std::to_string(*E);
  }
  return Text;
}

// Why a copy into \p Dst from \p Src must reallocate Dst, when certain:
// "its shape (1x40) differs from the source's (2x40)", "its element type
// (CV_8U) differs from the one convertTo() produces (CV_64F)". Only for a
// source known not to be empty: copyTo/convertTo of an empty Mat release
// the destination and write nothing.
static std::optional<std::string>
reallocationReason(const ArrayOperation &Op, const ArrayFacts &Src,
                   const ArrayFacts &Dst, const FunctionContext &F) {
  std::optional<int64_t> Count = Src.elementCount();
  if (!Count || *Count == 0)
    return std::nullopt;
  // A transposing copy (cv::transpose) produces the source's axes reversed.
  const bool Transposes = Op.Api->Permutation == PermuteStyle::Reverse;
  ArrayFacts Produced = Src;
  if (Transposes)
    std::reverse(Produced.Extents.begin(), Produced.Extents.end());
  std::optional<std::string> From = extentsText(Produced),
                             To = extentsText(Dst);
  if (From && To && Src.Rank == Dst.Rank && *From != *To)
    return "its shape (" + *To + ") differs from " +
           (Transposes ? "the one " + Op.spelling() + " produces ("
                       : std::string("the source's (")) +
           *From + ")";
  const ElementTypeCodes &Codes = Op.Library->TypeCodes;
  int Result = F.Model.copyIntoResultType(Op, Src.TypeCode, F.AST);
  if (Result >= 0 && Codes.known(Dst.TypeCode) && Result != Dst.TypeCode)
    return "its element type (" + Codes.name(Dst.TypeCode) + ") differs from " +
           (Op.Api->ResultTypeParam >= 0
                ? "the one " + Op.spelling() + " produces ("
                : std::string("the source's (")) +
           Codes.name(Result) + ")";
  if (!Op.Api->ConvertsType && Src.ElementSize && Dst.ElementSize &&
      Src.ElementSize != Dst.ElementSize)
    return "its element type (" + bytesPhrase(Dst.ElementSize) +
           ") differs from the source's (" + bytesPhrase(Src.ElementSize) + ")";
  return std::nullopt;
}

void WriteToCopyCheck::find(const FunctionContext &F,
                            std::vector<Finding> &Out) const {
  HandleUses &Uses = F.Uses.get();

  // An assignment that rebinds a temporary header instead of writing into it
  // (OpenCV: `a.row(i) = a.row(j);`): nothing is written, whatever the
  // layout.
  for (const ArrayOperation &Op : F.Operations) {
    if (Op.Api->Kind != ArrayOpKind::Rebind || !Op.Source)
      continue;
    HandleChain Chain = Uses.chainOf(Op.Source);
    if (Chain.Ops.empty())
      continue;
    const ArrayOperation &Header = Chain.Ops.front();
    Finding Found;
    Found.Kind = FindingKind::WriteToCopy;
    Found.Anchor = Op.Call;
    Found.Loc = Op.NameLoc;
    Found.Message = "the assignment writes no element: " + Op.spelling() +
                    " makes the temporary returned by " + Header.spelling() +
                    " refer to the right-hand side's data, and " +
                    (Chain.Root ? rootName(Chain) : std::string("the source")) +
                    " is not modified";
    llvm::StringRef CopyInto = Op.Library->CopyInto;
    if (!CopyInto.empty() && !F.InTemplateInstantiation && !F.InCallContext)
      if (std::optional<FixItHint> Fix =
              utils::assignmentAsCopyInto(Op.Call, CopyInto, F.AST)) {
        Found.Message += "; use " + CopyInto.str() + "() to copy the elements";
        Found.Fixes.push_back(*Fix);
      }
    Out.push_back(std::move(Found));
  }

  // A copy into a view of another shape or type (OpenCV's copyTo): the
  // destination is reallocated first and the viewed array never written.
  for (const ArrayOperation &Op : F.Operations) {
    if (Op.Api->Kind != ArrayOpKind::CopyInto || !Op.Source)
      continue;
    const Expr *Dst = F.Model.outputArgument(Op);
    if (!Dst)
      continue;
    ArrayFacts DstFacts = F.Layout.factsOf(Dst);
    std::optional<std::string> Why =
        reallocationReason(Op, F.Layout.factsOf(Op.Source), DstFacts, F);
    if (!Why)
      continue;
    // The view: a temporary (`canvas.row(4)`), or a local still holding the
    // view it was initialised with (every buffer it may hold is one of
    // that view's).
    HandleChain Chain = Uses.chainOf(Dst);
    const VarDecl *Local = nullptr;
    if (Chain.Ops.empty() && Chain.Root && Chain.Root->hasLocalStorage() &&
        Chain.Root->getInit() && !isa<ParmVarDecl>(Chain.Root)) {
      ArrayFacts Initial = F.Layout.factsOf(Chain.Root->getInit());
      bool StillThatView =
          !DstFacts.Buffers.empty() &&
          llvm::all_of(DstFacts.Buffers, [&](BufferId B) {
            return B != ExternalBuffer && llvm::is_contained(Initial.Buffers, B);
          });
      if (!StillThatView)
        continue;
      Local = Chain.Root;
      Chain = Uses.chainOf(Local->getInit());
    }
    if (Chain.Ops.empty() || !Chain.Root ||
        !llvm::all_of(Chain.Ops, [](const ArrayOperation &V) {
          return V.Api->Kind == ArrayOpKind::Slice ||
                 V.Api->Kind == ArrayOpKind::View ||
                 V.Api->Kind == ArrayOpKind::Permute;
        }))
      continue;
    Finding Found;
    Found.Kind = FindingKind::WriteToCopy;
    Found.Anchor = Op.Call;
    Found.Loc = Op.NameLoc;
    Found.Message =
        "the write is lost: " + Op.spelling() + " reallocates " +
        (Local ? "'" + Local->getName().str() + "' (a view of " +
                     rootName(Chain) + ")"
               : "the view of " + rootName(Chain) + " returned by " +
                     Chain.Ops.front().spelling()) +
        ", because " + *Why + "; " +
        (Local ? std::string("the array it views") : rootName(Chain)) +
        " is not modified";
    // Like a rebinding assignment, a defect at any size: no Elements.
    Out.push_back(std::move(Found));
  }

  // Writes into a temporary: `a.flatten()(3) = 1.0;`, `a.T().ravel().fill(0);`.
  for (const WriteSite &W : Uses.writeSites()) {
    HandleChain Chain = Uses.chainOf(W.Handle);
    if (const CallExpr *Helper = freshHelperResult(Chain, F)) {
      // `pixels_of(image)(0) = -1.0;` where pixels_of() returns a copy.
      Finding Found;
      Found.Kind = FindingKind::WriteToCopy;
      Found.Anchor = Helper;
      Found.Loc = Helper->getExprLoc();
      Found.Message = "the write is lost: " + helperName(Helper) +
                      " returns a new array that nothing else holds, and "
                      "nothing reads it after this write";
      Found.Elements = F.Layout.factsOf(Helper).elementCount();
      Out.push_back(std::move(Found));
      continue;
    }
    if (Chain.Ops.empty())
      continue; // through a variable: see below
    WriteReach Reach = reachOfWrite(Chain, F.Layout);
    if (Reach.Kind != WriteReach::Lost)
      continue;
    Finding Found;
    Found.Kind = FindingKind::WriteToCopy;
    Found.Anchor = Reach.Culprit->Call;
    Found.Loc = Reach.Culprit->NameLoc;
    Found.Message = "the write is lost" + lostCondition(Reach) + ": " +
                    whyCopy(Reach) + ", " + rootName(Chain) +
                    " is not modified" + suggestion(Reach, Chain);
    // `t.index({m}) = v` -> `t.index_put_({m}, v)`: the assignment is to the
    // advanced-index copy itself.
    llvm::StringRef IndexPut = Reach.Culprit->Library->IndexPut;
    const auto *Assign = dyn_cast<CXXOperatorCallExpr>(W.Site);
    const auto *Getter = dyn_cast<CXXMemberCallExpr>(Reach.Culprit->Call);
    if (!IndexPut.empty() && Assign && Getter &&
        Assign->getOperator() == OO_Equal && Chain.Ops.size() == 1 &&
        Reach.Culprit->Api->When == CallCondition::ArrayIndex &&
        !F.InTemplateInstantiation && !F.InCallContext)
      if (std::optional<FixItHint> Fix =
              utils::assignmentAsSetter(Assign, Getter, IndexPut, F.AST)) {
        Found.Message += "; use " + IndexPut.str() + "() to write in place";
        Found.Fixes.push_back(*Fix);
      }
    Found.Elements = elementsOf(F, *Reach.Culprit);
    Out.push_back(std::move(Found));
  }

  // A local holding a copy that is written but never read:
  //   auto flat = a.flatten(); flat(0) = 1.0;   // and nothing reads flat
  for (const VarDecl *Var : Uses.localArrayVars()) {
    HandleChain Chain = Uses.chainOf(Var->getInit());
    if (const CallExpr *Helper = freshHelperResult(Chain, F)) {
      // `auto p = normalized(img); p(i) /= 255;` and p is never read.
      HandleUses::Summary Summary = Uses.usesOfVar(Var);
      bool SelfReads = false;
      if (!isWrittenButUnread(Summary, SelfReads))
        continue;
      Finding Found;
      Found.Kind = FindingKind::WriteToCopy;
      Found.Anchor = Helper;
      Found.Loc = Helper->getExprLoc();
      Found.Message = "the writes to '" + Var->getName().str() +
                      "' are lost: it holds the new array " +
                      helperName(Helper) + " returns, and '" +
                      Var->getName().str() +
                      (SelfReads ? "' is read only to compute its own writes"
                                 : "' is never read");
      for (const HandleUse &Use : Summary.Uses)
        if (Use.Kind == HandleUseKind::Write)
          Found.Notes.push_back(writtenHereNote(Var, Use));
      Found.Elements = F.Layout.factsOf(Helper).elementCount();
      Out.push_back(std::move(Found));
      continue;
    }
    if (Chain.Ops.empty())
      continue;
    WriteReach Reach = reachOfWrite(Chain, F.Layout);
    if (Reach.Kind != WriteReach::Lost)
      continue;
    HandleUses::Summary Summary = Uses.usesOfVar(Var);
    bool SelfReads = false;
    if (!isWrittenButUnread(Summary, SelfReads))
      continue;
    Finding Found;
    Found.Kind = FindingKind::WriteToCopy;
    Found.Anchor = Reach.Culprit->Call;
    Found.Loc = Reach.Culprit->NameLoc;
    Found.Message = "the writes to '" + Var->getName().str() + "' are lost" +
                    lostCondition(Reach) + ": " + whyCopy(Reach) + ", " +
                    rootName(Chain) + " is not modified, and '" +
                    Var->getName().str() +
                    (SelfReads ? "' is read only to compute its own writes"
                               : "' is never read") +
                    suggestion(Reach, Chain);
    for (const HandleUse &Use : Summary.Uses)
      if (Use.Kind == HandleUseKind::Write)
        Found.Notes.push_back(writtenHereNote(Var, Use));
    Found.Elements = elementsOf(F, *Reach.Culprit);
    Out.push_back(std::move(Found));
  }
}

//===----------------------------------------------------------------------===//
// Eigen and xtensor: writes that only reach a copy.
//
//   - A write into a temporary object of a storage type (`a.transpose().
//     eval()(0, 0) = 1`, `xt::eval(e)(0) = 1`, `getMatrix()(0, 0) = 1`) as
//     a statement of its own: the temporary dies at the end of the
//     statement with the write.
//   - A local initialised as a copy of a variable, a member or a view of
//     one (`MatrixXd b = a.block(0, 0, 2, 2);`, `xt::xarray<double> v =
//     xt::view(a, 1, xt::all());`) that is written and never read nor
//     passed on: value semantics made a copy, and the writes never reach
//     the source.
//   - A by-value parameter that is written and never read: a copy of the
//     caller's argument.
//   - Either of the two read only to compute its own writes (`m /= m.norm()`)
//     through the library's calls: the reads feed nothing outside it.
//===----------------------------------------------------------------------===//

// How a message says that nothing outside a variable sees its writes.
static const char *unreadPhrase(bool SelfReads) {
  return SelfReads ? "read only to compute its own writes" : "never read";
}

static Finding lostParameterWrite(const ParmVarDecl *Param,
                                  const ValueUse &FirstWrite, bool SelfReads) {
  const std::string Name = "'" + Param->getName().str() + "'";
  Finding Found;
  Found.Kind = FindingKind::WriteToCopy;
  Found.Anchor = FirstWrite.Site;
  Found.Loc = FirstWrite.Site->getExprLoc();
  Found.Message = "write into " + Name + " is lost: " + Name +
                  " is a by-value parameter that is " +
                  unreadPhrase(SelfReads) +
                  ", and the write does not reach the caller's argument";
  Found.Notes.push_back(
      {Param->getLocation(),
       Name + " is a copy of the caller's argument: it owns its elements "
              "(value semantics)",
       {}});
  return Found;
}

void WriteToCopyCheck::findValues(const ValueFunctionContext &F,
                                  std::vector<Finding> &Out) const {
  const ASTContext &AST = F.AST;
  // Writes into temporaries.
  for (const ValueUses::WriteSite &Write : F.Uses.writes()) {
    if (!F.Uses.isFullStatement(Write.Site))
      continue;
    const Expr *Object = ValueUses::withoutParensAndBaseCasts(
        F.Uses.writtenObject(Write.Target));
    const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(Object);
    if (!Temporary || !F.Model.storageClassOf(Temporary->getType()).first)
      continue;
    const Expr *Made = Temporary->getSubExpr()->IgnoreImplicit();
    std::string What = "a temporary";
    std::string Unchanged;
    if (const auto *Call = dyn_cast<CallExpr>(Made)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee)
        continue;
      if (const Expr *Operand = F.Model.evaluatorOperand(Call)) {
        What = "the temporary copy that '" +
               (isa<CXXMethodDecl>(Callee)
                    ? Callee->getNameAsString()
                    : Callee->getQualifiedNameAsString()) +
               "()' makes";
        if (const Expr *Root = F.Model.viewedLValue(Operand, AST))
          Unchanged = ", and " + utils::sourceText(Root, AST) + " is unchanged";
      } else {
        What = "the temporary that '" + Callee->getQualifiedNameAsString() +
               "()' returns";
      }
    } else if (!isa<CXXConstructExpr>(Made) &&
               !isa<CXXFunctionalCastExpr>(Made)) {
      continue;
    }
    Finding Found;
    Found.Kind = FindingKind::WriteToCopy;
    Found.Anchor = Write.Site;
    Found.Loc = Write.Site->getExprLoc();
    if (isa<CXXMemberCallExpr>(Write.Site))
      Found.Loc = cast<CXXMemberCallExpr>(Write.Site)->getExprLoc();
    Found.Message = "write into " + What +
                    " is lost: the temporary is destroyed at the end of "
                    "the statement" +
                    Unchanged;
    Out.push_back(std::move(Found));
  }

  // Locals copied, written and never read; by-value parameters written and
  // never read (a parameter is a copy of the caller's argument).
  if (F.Uses.hasGoto())
    return;
  for (const VarDecl *Var : F.Uses.variables()) {
    if (!F.Uses.isOwnedValue(Var))
      continue;
    if (const auto *Param = dyn_cast<ParmVarDecl>(Var)) {
      bool SelfReads = false;
      if (const ValueUse *FirstWrite =
              F.Uses.onlyWrittenParameter(Param, &SelfReads))
        Out.push_back(lostParameterWrite(Param, *FirstWrite, SelfReads));
      continue;
    }
    if (!Var->getInit())
      continue;
    const auto *Construct =
        dyn_cast<CXXConstructExpr>(Var->getInit()->IgnoreImplicit());
    if (!Construct || Construct->getNumArgs() < 1 ||
        Construct->getConstructor()->isMoveConstructor())
      continue;
    const Expr *Source = Construct->getArg(0);
    const Expr *Root = F.Model.viewedLValue(Source, AST);
    if (!Root)
      continue;
    bool SelfReads = false;
    const ValueUse *FirstWrite = F.Uses.firstOfOnlyWrites(Var, &SelfReads);
    if (!FirstWrite)
      continue;
    const std::string Name = "'" + Var->getName().str() + "'";
    const std::string From = utils::sourceText(Source->IgnoreImplicit(), AST);
    Finding Found;
    Found.Kind = FindingKind::WriteToCopy;
    Found.Anchor = Var->getInit();
    Found.Loc = FirstWrite->Site->getExprLoc();
    Found.Message = "write into " + Name + " is lost: " + Name +
                    " is a copy of " + From + " that is " +
                    unreadPhrase(SelfReads) +
                    ", and the write does not reach " +
                    utils::sourceText(Root, AST);
    Found.Notes.push_back(
        {Var->getLocation(),
         Name + " is a copy: it owns its elements (value semantics)",
         {}});
    Out.push_back(std::move(Found));
  }
}

} // namespace clang::tidy::ndarray
