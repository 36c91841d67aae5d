//===- FastChecks.cpp - clangd's fast-check table, with the ndarray checks -===//
//
// clangd runs a clang-tidy check only if its FastCheckFilter lets it through:
// by default (Strict) only checks in clangd's own table of measured-fast
// checks, TidyFastChecks.inc, which cannot know the ndarray-* checks. So a
// `.clangd` with just `Add: ndarray-*` would show nothing.
//
// ndtidy-clangd is linked with `--wrap` on clangd's lookup,
// clang::clangd::isFastTidyCheck, so every caller in clangd (the filter in
// ParsedAST.cpp, the config warnings in ConfigCompile.cpp) asks this function
// instead. It answers for the ndarray-* checks from NdarrayFastChecks.inc,
// measured the way clangd measures its own table (clangd --check-tidy-time,
// the same 8% threshold; scripts/measure-clangd-fast-checks), and passes every
// other check to clangd's own table. The user's FastCheckFilter keeps its
// meaning: Strict runs the measured-fast checks, Loose also the unmeasured
// ones, None all of them.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

// clangd's own lookup, reached through the linker's --wrap.
std::optional<bool> clangdIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");

namespace {

const llvm::StringMap<bool> &ndarrayCheckSpeeds() {
  static const auto *Speeds = new llvm::StringMap<bool>{
#define FAST(CHECK, DELTA) {#CHECK, true},
#define SLOW(CHECK, DELTA) {#CHECK, false},
#include "NdarrayFastChecks.inc"
  };
  return *Speeds;
}

} // namespace

// Replaces clang::clangd::isFastTidyCheck for every caller (--wrap).
std::optional<bool> ndtidyIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__wrap__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");

std::optional<bool> ndtidyIsFastTidyCheck(llvm::StringRef Check) {
  const auto &Speeds = ndarrayCheckSpeeds();
  if (auto It = Speeds.find(Check); It != Speeds.end())
    return It->second;
  return clangdIsFastTidyCheck(Check);
}
