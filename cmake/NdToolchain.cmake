# Locates the LLVM 19 tools the build and the tests use, and sets the warning
# flags for our own targets. Debian 12 ships LLVM 14 under /usr/bin, so every
# tool is looked up in LLVM 19's own bin directory, never on PATH.
set(NDTIDY_LLVM_ROOT "/usr/lib/llvm-19" CACHE PATH "Root of the LLVM 19 installation")
set(NDTIDY_LLVM_BIN "${NDTIDY_LLVM_ROOT}/bin")

find_program(NDTIDY_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT NDTIDY_PYTHON)
  message(FATAL_ERROR "ndtidy needs Debian's /usr/bin/python3 (run scripts/setup)")
endif()

foreach(tool FileCheck clang-tidy not count)
  string(MAKE_C_IDENTIFIER "${tool}" var)
  string(TOUPPER "${var}" var)
  find_program(NDTIDY_${var} NAMES ${tool} PATHS "${NDTIDY_LLVM_BIN}" NO_DEFAULT_PATH)
endforeach()

set(NDTIDY_LIT "${NDTIDY_LLVM_ROOT}/build/utils/lit/lit.py")

# Use lld when the compiler can: links of the Clang-based tools dominate
# incremental builds on small machines.
include(CheckCXXSourceCompiles)
set(CMAKE_REQUIRED_LINK_OPTIONS "-fuse-ld=lld")
check_cxx_source_compiles("int main() { return 0; }" NDTIDY_HAVE_LLD)
unset(CMAKE_REQUIRED_LINK_OPTIONS)
if(NDTIDY_HAVE_LLD)
  add_link_options(-fuse-ld=lld)
endif()

# Strict warnings for the targets this project writes.
function(ndtidy_strict_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
endfunction()
