//===- NdTidyMain.cpp - clang-tidy with the ndarray module built in -------===//
//
// For users whose clang-tidy cannot load plugins (static builds, Windows,
// wheels). Everything but the module and --export-sarif is clang-tidy's own
// driver (the LLVM major ndtidy is built against), so every other option
// (-p, --fix, --export-fixes, --config, --warnings-as-errors, ...) behaves
// exactly as in clang-tidy.
//
//===----------------------------------------------------------------------===//

#include "SarifExport.h"

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>

namespace clang::tidy {
// Defined in NdarrayTidyModule.cpp; referencing it keeps the module's
// registration object in the link.
extern volatile int NdarrayModuleAnchorSource;
} // namespace clang::tidy

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

static llvm::cl::opt<std::string> ExportSarif("export-sarif", llvm::cl::desc(R"(
Write the diagnostics as SARIF 2.1.0 (ndtidy only,
not clang-tidy): one result per diagnostic, its
notes as related locations, its fix-it as a fix,
and each check as a rule linked to its doc page.
)"),
                                              llvm::cl::value_desc("filename"));

/// The check pages: installed beside the binary, or in the source tree.
static std::string checkPagesDir(const char *Argv0) {
  std::string Executable =
      fs::getMainExecutable(Argv0, reinterpret_cast<void *>(&checkPagesDir));
  llvm::SmallString<256> Installed(path::parent_path(path::parent_path(Executable)));
  path::append(Installed, "share", "doc", "ndtidy", "checks");
  if (fs::is_directory(Installed))
    return std::string(Installed);
  if (fs::is_directory(NDTIDY_SOURCE_CHECK_PAGES))
    return NDTIDY_SOURCE_CHECK_PAGES;
  return "";
}

/// Whether the command line asks for SARIF (before `--`, which starts the
/// compiler's arguments).
static bool asksForSarif(int argc, const char **argv) {
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef Arg(argv[I]);
    if (Arg == "--")
      return false;
    if (Arg.ltrim('-').starts_with("export-sarif"))
      return true;
  }
  return false;
}

int main(int argc, const char **argv) {
  static int ForceLinkNdarrayModule = clang::tidy::NdarrayModuleAnchorSource;
  (void)ForceLinkNdarrayModule;
  // After LLVM's own version lines: which ndtidy, built into which LLVM (a
  // plugin loads only into the major it was built for).
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "ndtidy version " NDTIDY_VERSION " (ndarray-* checks built in, "
          "LLVM " LLVM_VERSION_STRING ")\n";
  });

  // SARIF is written from clang-tidy's --export-fixes YAML: the user's file
  // if they asked for one too, else a temporary one.
  auto *ExportFixes = dynamic_cast<llvm::cl::opt<std::string> *>(
      llvm::cl::getRegisteredOptions().lookup("export-fixes"));
  if (!ExportFixes) {
    llvm::errs() << "ndtidy: error: this clang-tidy has no --export-fixes\n";
    return 1;
  }
  // Listed in --help with clang-tidy's own options.
  if (!ExportFixes->Categories.empty())
    ExportSarif.addCategory(*ExportFixes->Categories.front());
  llvm::SmallString<128> TemporaryFixes;
  if (asksForSarif(argc, argv)) {
    if (std::error_code EC = fs::createTemporaryFile("ndtidy-fixes", "yaml",
                                                     TemporaryFixes)) {
      llvm::errs() << "ndtidy: error: cannot create a temporary file: "
                   << EC.message() << "\n";
      return 1;
    }
    // clang-tidy writes the file only when there are diagnostics.
    fs::remove(TemporaryFixes);
    ExportFixes->setInitialValue(std::string(TemporaryFixes));
  }
  auto Start = std::chrono::system_clock::now();

  int Status = clang::tidy::clangTidyMain(argc, argv);

  if (!ExportSarif.empty()) {
    std::vector<std::string> Exported;
    fs::file_status Fixes;
    // A file of an earlier run, left as it was, holds no diagnostic of this one.
    if (!fs::status(ExportFixes->getValue(), Fixes) &&
        Fixes.getLastModificationTime() >= Start)
      Exported.push_back(ExportFixes->getValue());
    if (TemporaryFixes.empty()) {
      llvm::errs() << "ndtidy: error: --export-sarif must be given on the "
                      "command line itself\n";
      Status = Status ? Status : 1;
    } else if (llvm::Error Err = ndtidy::writeSarif(
                   Exported, ExportSarif,
                   {checkPagesDir(argv[0]), NDTIDY_VERSION})) {
      llvm::errs() << "ndtidy: error: " << llvm::toString(std::move(Err))
                   << "\n";
      Status = Status ? Status : 1;
    }
  }
  if (!TemporaryFixes.empty())
    fs::remove(TemporaryFixes);
  return Status;
}
