//===--- Describe.h - shared wording of layout facts in diagnostics -------===//
//
// Checks word layout facts the same way: "'t' is not C-contiguous (a
// transpose of a C-contiguous array)", with notes at the origins.
//
//   std::string Who = describeArray(Op.Source, F.Layout);   // "'t'"
//   addOriginNotes(Found, Facts, MemoryOrder::C);
//
//===----------------------------------------------------------------------===//

#ifndef NDTIDY_ANALYSIS_DESCRIBE_H
#define NDTIDY_ANALYSIS_DESCRIBE_H

#include "analysis/Findings.h"

namespace clang::tidy::ndarray::analysis {

/// "'name'" for a tracked variable or a field, "an element of 'v'" for an
/// element of a followed container, "the array" otherwise.
std::string describeArray(const Expr *E, const LayoutAnalysis &Layout);

/// "C-contiguous" / "F-contiguous".
std::string contiguousName(MemoryOrder Order);

/// "nd::order::F": the spelling of an order argument.
std::string orderSpelling(const LibraryModel &Library, MemoryOrder Order);

/// "'t' is not C-contiguous (a transpose of a C-contiguous array)", with the
/// degenerate condition when \p Facts is NoUnlessDegenerate in \p Order.
std::string notContiguousPhrase(const std::string &Who, const ArrayFacts &Facts,
                                MemoryOrder Order);

/// One note per origin of the loss of contiguity in \p Order.
void addOriginNotes(Finding &Found, const ArrayFacts &Facts, MemoryOrder Order);

/// Thousands-free decimal byte count: "960000 bytes".
std::string bytesPhrase(int64_t Bytes);

/// " 960000 bytes": the size of a copy of \p Facts, to append to "copies",
/// or empty when it is not known or not the same for every instantiation
/// that shares the diagnostic. A diagnostic in a template is emitted once
/// for all instantiations, and the element size and extents may depend on
/// the template arguments, so instantiations never state a size; nor do
/// findings in a calling context (one diagnostic for several call paths).
std::string copySizePhrase(const ArrayFacts &Facts, const FunctionContext &F);

} // namespace clang::tidy::ndarray::analysis

#endif // NDTIDY_ANALYSIS_DESCRIBE_H
