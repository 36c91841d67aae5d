//===- FastChecks.cpp - the ndarray checks pass clangd's FastCheckFilter --===//
//
// clangd runs a clang-tidy check only if its FastCheckFilter lets it through:
// by default (Strict) only checks in clangd's own table of measured-fast
// checks, TidyFastChecks.inc, which cannot know the ndarray-* checks. So a
// `.clangd` with just `Add: ndarray-*` would show nothing.
//
// ndtidy-clangd is linked with `--wrap` on clangd's lookup,
// clang::clangd::isFastTidyCheck, so every caller in clangd (the filter in
// ParsedAST.cpp, the config warnings in ConfigCompile.cpp) asks this function
// instead. It counts every ndarray-* check as fast: running them is what
// ndtidy-clangd is for, and they share one analysis, so enabling all of them
// costs about as much as enabling one (docs/integration.md has the measured
// cost; scripts/measure-clangd-check-cost). Every other check keeps clangd's
// own answer, so the user's FastCheckFilter keeps its meaning for them:
// Strict runs clangd's measured-fast checks, Loose also the unmeasured ones,
// None all of them.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"

#include <optional>

// clangd's own lookup, reached through the linker's --wrap.
std::optional<bool> clangdIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");

// Replaces clang::clangd::isFastTidyCheck for every caller (--wrap).
std::optional<bool> ndtidyIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__wrap__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");

std::optional<bool> ndtidyIsFastTidyCheck(llvm::StringRef Check) {
  if (Check.starts_with("ndarray-"))
    return true;
  return clangdIsFastTidyCheck(Check);
}
