//===- NdTidyMain.cpp - clang-tidy with the ndarray module built in -------===//
//
// For users whose clang-tidy cannot load plugins (static builds, Windows,
// wheels). Everything but the module is clang-tidy 19's own driver, so every
// option (-p, --fix, --export-fixes, --config, --warnings-as-errors, ...)
// behaves exactly as in clang-tidy-19.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"

namespace clang::tidy {
// Defined in NdarrayTidyModule.cpp; referencing it keeps the module's
// registration object in the link.
extern volatile int NdarrayModuleAnchorSource;
} // namespace clang::tidy

int main(int argc, const char **argv) {
  static int ForceLinkNdarrayModule = clang::tidy::NdarrayModuleAnchorSource;
  (void)ForceLinkNdarrayModule;
  return clang::tidy::clangTidyMain(argc, argv);
}
