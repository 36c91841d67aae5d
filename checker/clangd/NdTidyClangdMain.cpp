//===- NdTidyClangdMain.cpp - clangd with the ndarray module built in -----===//
//
// clangd cannot load clang-tidy plugins (clangd/clangd#1458), so editors get
// the ndarray-* checks from this build of Debian's clangd (19 or 22, the major
// ndtidy is built against): its own driver, with the module's objects linked
// in. Enable the checks per project in `.clangd`:
//
//   Diagnostics:
//     ClangTidy:
//       Add: ndarray-*
//
//===----------------------------------------------------------------------===//

namespace clang {
namespace clangd {
// Defined in libclangdMain.a, which ships no header.
int clangdMain(int argc, char *argv[]);
} // namespace clangd
namespace tidy {
// Defined in NdarrayTidyModule.cpp; referencing it keeps the module's
// registration object in the link.
extern volatile int NdarrayModuleAnchorSource;
} // namespace tidy
} // namespace clang

int main(int argc, char *argv[]) {
  static int ForceLinkNdarrayModule = clang::tidy::NdarrayModuleAnchorSource;
  (void)ForceLinkNdarrayModule;
  return clang::clangd::clangdMain(argc, argv);
}
