//===- NdTidyMain.cpp - clang-tidy with the ndarray module built in -------===//
//
// For users whose clang-tidy cannot load plugins (static builds, Windows,
// wheels). Everything but the module is clang-tidy's own driver, of the LLVM
// major ndtidy is built against (19 or 22), so every option (-p, --fix,
// --export-fixes, --config, --warnings-as-errors, ...) behaves exactly as in
// that clang-tidy.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy {
// Defined in NdarrayTidyModule.cpp; referencing it keeps the module's
// registration object in the link.
extern volatile int NdarrayModuleAnchorSource;
} // namespace clang::tidy

int main(int argc, const char **argv) {
  static int ForceLinkNdarrayModule = clang::tidy::NdarrayModuleAnchorSource;
  (void)ForceLinkNdarrayModule;
  // After LLVM's own version lines: which ndtidy, built into which LLVM (a
  // plugin loads only into the major it was built for).
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "ndtidy version " NDTIDY_VERSION " (ndarray-* checks built in, "
          "LLVM " LLVM_VERSION_STRING ")\n";
  });
  return clang::tidy::clangTidyMain(argc, argv);
}
