//===--- NdarrayTidyModule.cpp - the ndarray clang-tidy module ------------===//
//
// Registers every ndarray-* check. The same object file goes into the
// clang-tidy plugin, the standalone ndtidy binary and ndtidy-clangd.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidyModule.h"
#include "ndarray/AliasingCheck.h"
#include "ndarray/AmbiguousAliasCheck.h"
#include "ndarray/CopyInLoopCheck.h"
#include "ndarray/HiddenCopyCheck.h"
#include "ndarray/HiddenTemporaryCheck.h"
#include "ndarray/ImpossibleViewCheck.h"
#include "ndarray/RedundantCopyChainCheck.h"
#include "ndarray/UnnecessaryCopyCheck.h"
#include "ndarray/WriteToCopyCheck.h"
#include "utils/LLVMCompat.h"

namespace clang::tidy {
namespace ndarray {

class NdarrayModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<RedundantCopyChainCheck>(
        "ndarray-redundant-copy-chain");
    Factories.registerCheck<HiddenCopyCheck>("ndarray-hidden-copy");
    Factories.registerCheck<WriteToCopyCheck>("ndarray-write-to-copy");
    Factories.registerCheck<AmbiguousAliasCheck>("ndarray-ambiguous-alias");
    Factories.registerCheck<UnnecessaryCopyCheck>("ndarray-unnecessary-copy");
    Factories.registerCheck<ImpossibleViewCheck>("ndarray-impossible-view");
    Factories.registerCheck<CopyInLoopCheck>("ndarray-copy-in-loop");
    Factories.registerCheck<AliasingCheck>("ndarray-aliasing");
    Factories.registerCheck<HiddenTemporaryCheck>(
        "ndarray-hidden-temporary");
  }
};

} // namespace ndarray

static ClangTidyModuleRegistry::Add<ndarray::NdarrayModule>
    X("ndarray-module", "Checks for accidental n-d array copies.");

// Referenced by the standalone and clangd mains so that static linking keeps
// the registration above.
volatile int NdarrayModuleAnchorSource = 0;

} // namespace clang::tidy
