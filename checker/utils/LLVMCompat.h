//===--- LLVMCompat.h - the differences between LLVM 19 and 22 ------------===//
//
// ndtidy builds against Debian's LLVM 19 and LLVM 22 from one source tree
// (NDTIDY_LLVM, docs/integration.md). Every API that differs between the two
// is wrapped here, and only here: the checks, the model and the tools include
// this header instead of testing LLVM_VERSION_MAJOR themselves.
//
// What changed, and why the wrapper is equivalent on both:
//  - clang-tidy's module registry moved from ClangTidyModuleRegistry.h into
//    ClangTidyModule.h (LLVM 22 keeps the old header only to #warning that it
//    is deprecated, which -Werror turns into an error).
//  - LLVM 22 represents a class's type without ElaboratedType sugar and
//    creates tag types lazily: ASTContext::getRecordType and
//    TagDecl::getTypeForDecl are gone. On LLVM 19 both returned the type the
//    declaration was created with, as getTagDeclType does; on LLVM 22
//    getCanonicalTagType gives the class's canonical type (what the model
//    compares, by declaration and name, is the same).
//  - LLVM 22's SarifResult adds locations (addLocations) where LLVM 19's
//    sets them (setLocations); on a new result the two are the same.
//  - LLVM 22's DiagnosticsEngine takes its DiagnosticOptions by reference,
//    owned by the caller; LLVM 19's shares them by IntrusiveRefCntPtr.
//
//===----------------------------------------------------------------------===//

#ifndef NDTIDY_UTILS_LLVMCOMPAT_H
#define NDTIDY_UTILS_LLVMCOMPAT_H

#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/Sarif.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Config/llvm-config.h"

#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

#if LLVM_VERSION_MAJOR != 19 && LLVM_VERSION_MAJOR != 22
#error "ndtidy builds against LLVM 19 or 22 (NDTIDY_LLVM); this is another major"
#endif

namespace clang::tidy::ndarray::compat {

/// The canonical type of class \p RD (a RecordType, without sugar).
inline QualType recordType(const ASTContext &Context, const TagDecl *RD) {
#if LLVM_VERSION_MAJOR >= 22
  return Context.getCanonicalTagType(RD);
#else
  return Context.getTagDeclType(RD);
#endif
}

/// \p Result located at \p Range (a result made without locations).
inline SarifResult withLocation(SarifResult Result,
                                const CharSourceRange &Range) {
#if LLVM_VERSION_MAJOR >= 22
  return Result.addLocations({Range});
#else
  return Result.setLocations({Range});
#endif
}

/// A SourceManager over the real file system, outside any compiler
/// invocation (ndtidy's SARIF export maps exported offsets to locations).
class StandaloneSourceManager {
public:
  StandaloneSourceManager()
      : Files(FileSystemOptions()),
#if LLVM_VERSION_MAJOR >= 22
        Diagnostics(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(), Options,
                    new IgnoringDiagConsumer()),
#else
        Diagnostics(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(),
                    llvm::makeIntrusiveRefCnt<DiagnosticOptions>(),
                    new IgnoringDiagConsumer()),
#endif
        Sources(Diagnostics, Files) {
  }
  SourceManager &get() { return Sources; }

private:
#if LLVM_VERSION_MAJOR >= 22
  DiagnosticOptions Options;
#endif
  FileManager Files;
  DiagnosticsEngine Diagnostics;
  SourceManager Sources;
};

} // namespace clang::tidy::ndarray::compat

#endif // NDTIDY_UTILS_LLVMCOMPAT_H
