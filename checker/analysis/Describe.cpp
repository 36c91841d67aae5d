//===--- Describe.cpp -----------------------------------------------------===//

#include "analysis/Describe.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::ndarray::analysis {

std::string describeArray(const Expr *E, const LayoutAnalysis &Layout) {
  if (const VarDecl *V = Layout.trackedVar(E)) {
    // The name as spelled: a const reference bound to V says its own name.
    const NamedDecl *Named = V;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(
            ArrayModel::ignoreHandleCopies(E)->IgnoreParenImpCasts()))
      Named = Ref->getDecl();
    return "'" + Named->getNameAsString() + "'";
  }
  if (const VarDecl *Of = Layout.containerOfElement(E))
    return "an element of '" + Of->getNameAsString() + "'";
  // A field (its facts are the class invariant).
  if (const auto *Member = dyn_cast<MemberExpr>(
          ArrayModel::ignoreHandleCopies(E)->IgnoreParenImpCasts()))
    if (isa<FieldDecl>(Member->getMemberDecl()))
      return "'" + Member->getMemberDecl()->getNameAsString() + "'";
  return "the array";
}

std::string contiguousName(MemoryOrder Order) {
  return Order == MemoryOrder::F ? "F-contiguous" : "C-contiguous";
}

std::string orderSpelling(const LibraryModel &L, MemoryOrder Order) {
  return (L.OrderEnum.drop_front(2) +
          "::" + L.OrderEnumerators[static_cast<unsigned>(Order)])
      .str();
}

std::string notContiguousPhrase(const std::string &Who, const ArrayFacts &Facts,
                                MemoryOrder Order) {
  std::string Text = Who + " is not " + contiguousName(Order);
  llvm::StringRef Reason = Facts.reason(Order);
  if (!Reason.empty())
    Text += " (it is " + Reason.str() + ")";
  return Text;
}

void addOriginNotes(Finding &Found, const ArrayFacts &Facts,
                    MemoryOrder Order) {
  llvm::SmallVector<LayoutOrigin, 2> Origins(Facts.origins(Order).begin(),
                                             Facts.origins(Order).end());
  // Source order (locations of one file encode increasing offsets).
  llvm::sort(Origins, [](const LayoutOrigin &A, const LayoutOrigin &B) {
    return A.Loc.getRawEncoding() < B.Loc.getRawEncoding();
  });
  for (const LayoutOrigin &O : Origins)
    if (O.Loc.isValid())
      Found.Notes.push_back(
          {O.Loc,
           "not " + contiguousName(Order) + " since it was " + O.What.str(),
           {}});
}

std::string bytesPhrase(int64_t Bytes) {
  return std::to_string(Bytes) + (Bytes == 1 ? " byte" : " bytes");
}

std::string copySizePhrase(const ArrayFacts &Facts, const FunctionContext &F) {
  if (F.InTemplateInstantiation || F.InCallContext)
    return ""; // one diagnostic stands for several instantiations or calls
  if (std::optional<int64_t> Bytes = Facts.byteCount())
    return " " + bytesPhrase(*Bytes);
  return "";
}

} // namespace clang::tidy::ndarray::analysis
