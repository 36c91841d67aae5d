//===- SarifExport.h - clang-tidy's exported diagnostics as SARIF ---------===//
//
// `ndtidy --export-sarif=FILE` writes the run's diagnostics as SARIF 2.1.0
// with Clang's own writer (clang::SarifDocumentWriter, the one behind
// `-fdiagnostics-format=sarif`). The diagnostics come from clang-tidy's
// `--export-fixes` YAML, which holds everything a SARIF result needs: the
// check, message, level, location and range, notes and fix-its.
//
//   ndtidy -p build --export-sarif=ndtidy.sarif src/a.cpp src/b.cpp
//
// Each check becomes a rule whose help URI is its installed doc page; each
// diagnostic a result located at its range; notes become related locations
// and fix-its a SARIF fix. Columns count Unicode code points, as Clang's
// writer declares (run.columnKind).
//
//===----------------------------------------------------------------------===//

#ifndef NDTIDY_TOOL_SARIFEXPORT_H
#define NDTIDY_TOOL_SARIFEXPORT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace ndtidy {

struct SarifExportOptions {
  /// Directory holding the check pages, `<check>.md`; empty if not found.
  std::string DocsDir;
  std::string ToolVersion;
};

/// Reads clang-tidy `--export-fixes` YAML files (an empty list: a run with no
/// diagnostics) and writes one SARIF 2.1.0 log to \p OutputPath.
llvm::Error writeSarif(llvm::ArrayRef<std::string> FixesFiles,
                       llvm::StringRef OutputPath,
                       const SarifExportOptions &Options);

} // namespace ndtidy

#endif // NDTIDY_TOOL_SARIFEXPORT_H
