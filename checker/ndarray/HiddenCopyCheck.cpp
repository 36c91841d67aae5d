//===--- HiddenCopyCheck.cpp - ndtidy -------------------------------------===//

#include "ndarray/HiddenCopyCheck.h"
#include "analysis/Describe.h"
#include "utils/FixItUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::ndarray {

using namespace analysis;

HiddenCopyCheck::HiddenCopyCheck(StringRef Name, ClangTidyContext *Context)
    : NdarrayCheck(Name, Context, FindingKind::HiddenCopy),
      ReportUnknownLayout(Options.get("ReportUnknownLayout", false)) {}

void HiddenCopyCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  NdarrayCheck::storeOptions(Opts);
  Options.store(Opts, "ReportUnknownLayout", ReportUnknownLayout);
}

static bool isLayoutDependent(ArrayOpKind Kind) {
  return Kind == ArrayOpKind::Ravel || Kind == ArrayOpKind::Reshape ||
         Kind == ArrayOpKind::MakeContiguous;
}

void HiddenCopyCheck::find(const FunctionContext &F,
                           std::vector<Finding> &Out) const {
  for (const ArrayOperation &Op : F.Operations) {
    if (!isLayoutDependent(Op.Api->Kind) || !Op.Source)
      continue;
    CopyVerdict V = F.Layout.copyVerdict(Op);
    if (V.Explicit)
      continue; // reshape(..., copy_mode::always) says it copies
    const std::string Who = describeArray(Op.Source, F.Layout);
    const std::string Name = Op.spelling();
    Finding Found;
    Found.Anchor = Op.Call;
    Found.Loc = Op.NameLoc;
    Found.Elements = V.Source.elementCount();

    if (V.Kind == CopyVerdict::Copy ||
        V.Kind == CopyVerdict::CopyUnlessDegenerate) {
      if (!V.RequiredOrder) {
        // ravel(K) of exact geometry that is not a dense permutation.
        Found.Message = Name + " copies: the strides of " + Who +
                        " are not a dense permutation";
        Out.push_back(std::move(Found));
        continue;
      }
      MemoryOrder O = *V.RequiredOrder;
      bool Always = V.Kind == CopyVerdict::Copy;
      std::string Bytes = Always ? copySizePhrase(V.Source, F) : "";
      Found.Message = Name + " copies" + Bytes;
      if (!Always)
        Found.Message += " " + degenerateCondition(V.Source.Rank);
      Found.Message += ": " + notContiguousPhrase(Who, V.Source, O);
      if (!Always)
        Found.Message += " otherwise";
      addOriginNotes(Found, V.Source, O);

      if (Op.Api->Kind == ArrayOpKind::Ravel) {
        MemoryOrder Other =
            O == MemoryOrder::C ? MemoryOrder::F : MemoryOrder::C;
        if (V.Source.contiguity(Other) == Contiguity::Yes &&
            Op.Api->OrderParam >= 0)
          Found.Notes.push_back(
              {Op.NameLoc,
               Op.Api->Name.str() + "(" + orderSpelling(*Op.Library, Other) +
                   ") would be a view of " + Who +
                   ", but it orders the elements differently",
               {}});
        // ravel() that always copies is flatten(): same result, explicit.
        // Not on one call path only: other paths get a view from ravel().
        // (Only where the library has an always-copying flatten: torch's
        // flatten() is a reshape.)
        const ArrayApiEntry *Flatten = Op.Library->find(
            ArrayOpKind::Copy, ResultShape::Flat, /*IsMember=*/true);
        if (Flatten && Always && O == MemoryOrder::C && !F.InCallContext &&
            Model.explicitArgumentCount(Op) == 0) {
          FindingNote Note{Op.NameLoc,
                           "use " + Flatten->Name.str() +
                               "() to make the copy explicit",
                           {}};
          if (Op.NameLoc.isFileID() && utils::isFixable(Op.Call, F.AST))
            Note.Fixes.push_back(FixItHint::CreateReplacement(
                CharSourceRange::getTokenRange(Op.NameLoc, Op.NameLoc),
                Flatten->Name));
          Found.Notes.push_back(std::move(Note));
        }
      }
      Out.push_back(std::move(Found));
      continue;
    }

    if (V.Kind != CopyVerdict::Unknown || !ReportUnknownLayout)
      continue;
    // Unknown layout: say exactly what the outcome depends on.
    std::optional<MemoryOrder> O = Op.Api->Kind == ArrayOpKind::MakeContiguous
                                       ? std::optional(Op.Api->FixedOrder)
                                       : Op.Order;
    if (!O || (*O != MemoryOrder::C && *O != MemoryOrder::F))
      continue;
    if (V.Source.contiguity(*O) != Contiguity::Unknown)
      continue;
    if (Op.Api->Kind == ArrayOpKind::Reshape) {
      std::optional<CopyMode> Mode = Model.copyMode(Op);
      if (!Mode || *Mode != CopyMode::IfNeeded)
        continue;
      Found.Message =
          Name + " may copy: the layout of " + Who + " is not known here";
    } else {
      Found.Message = Name + " copies unless " + Who + " is " +
                      contiguousName(*O) + "; its layout is not known here";
    }
    Out.push_back(std::move(Found));
  }

  // An array converted into a typed array class of another depth (OpenCV's
  // `cv::Mat_<float> f = gray8;`): its constructor converts every element
  // into a new buffer, where the same spelling with the same type shares.
  for (const TypedConversion &C : F.Conversions) {
    const ElementTypeCodes &Codes = C.Library->TypeCodes;
    ArrayFacts Src = F.Layout.factsOf(C.Source);
    if (!Codes.known(C.TargetType) || !Codes.known(Src.TypeCode))
      continue;
    // Another channel count throws; the same depth is a view (reshape).
    if (Codes.channelsOf(Src.TypeCode) != Codes.channelsOf(C.TargetType) ||
        Codes.depthOf(Src.TypeCode) == Codes.depthOf(C.TargetType))
      continue;
    const std::string Who = describeArray(C.Source, F.Layout);
    const std::string Target =
        C.Target.getUnqualifiedType().getAsString(F.AST.getPrintingPolicy());
    Finding Found;
    Found.Anchor = C.Where;
    Found.Loc = C.Source->getExprLoc();
    Found.Elements = Src.elementCount();
    ArrayFacts Converted = Src;
    Converted.ElementSize = Codes.elementSize(C.TargetType);
    Found.Message = "converting " + Who + " to " + Target + " copies" +
                    copySizePhrase(Converted, F);
    // Mat_'s constructor releases, and copies nothing from, an empty Mat.
    if (!Found.Elements)
      Found.Message += " unless " + Who + " is empty";
    else if (*Found.Elements == 0)
      continue;
    Found.Message += ": " + Who + " holds " + Codes.name(Src.TypeCode) +
                     " elements and " + Target + " holds " +
                     Codes.name(C.TargetType) +
                     ", so its constructor converts them into a new buffer";
    Out.push_back(std::move(Found));
  }
}

} // namespace clang::tidy::ndarray
