# Picks the LLVM major ndtidy is built against (19 or 22), locates that
# LLVM's tools for the build and the tests, and sets the warning flags for our
# own targets. Debian 12 ships LLVM 14 under /usr/bin, so every tool is looked
# up in the chosen LLVM's own bin directory, never on PATH.
#
# The choice: -DNDTIDY_LLVM=19|22, else the environment's NDTIDY_LLVM, else
# the newest of the supported majors installed under /usr/lib/llvm-<major>
# (with the clang-tidy development files the checker needs). The major is
# cached: a build tree stays on the LLVM it was configured with.
set(NDTIDY_SUPPORTED_LLVM 22 19) # newest first
if(NOT DEFINED NDTIDY_LLVM OR NDTIDY_LLVM STREQUAL "")
  if(DEFINED ENV{NDTIDY_LLVM} AND NOT "$ENV{NDTIDY_LLVM}" STREQUAL "")
    set(_nd_major "$ENV{NDTIDY_LLVM}")
  else()
    set(_nd_major "")
    foreach(m IN LISTS NDTIDY_SUPPORTED_LLVM)
      if(EXISTS "/usr/lib/llvm-${m}/lib/cmake/clang/ClangConfig.cmake"
         AND EXISTS "/usr/lib/llvm-${m}/include/clang-tidy/ClangTidyCheck.h")
        set(_nd_major ${m})
        break()
      endif()
    endforeach()
    if(_nd_major STREQUAL "")
      message(FATAL_ERROR "No supported LLVM found (looked for /usr/lib/llvm-{22,19} with "
        "libclang-<major>-dev and clang-tidy-<major>). Run scripts/setup, or pass "
        "-DNDTIDY_LLVM=<major> -DNDTIDY_LLVM_ROOT=<prefix>.")
    endif()
  endif()
  set(NDTIDY_LLVM "${_nd_major}" CACHE STRING "LLVM major ndtidy is built against (19 or 22)")
endif()
set_property(CACHE NDTIDY_LLVM PROPERTY STRINGS ${NDTIDY_SUPPORTED_LLVM})
if(NOT NDTIDY_LLVM IN_LIST NDTIDY_SUPPORTED_LLVM)
  message(FATAL_ERROR "NDTIDY_LLVM=${NDTIDY_LLVM}: ndtidy supports LLVM ${NDTIDY_SUPPORTED_LLVM}")
endif()
set(NDTIDY_LLVM_ROOT "/usr/lib/llvm-${NDTIDY_LLVM}" CACHE PATH
  "Root of the LLVM installation ndtidy is built against (its major must be NDTIDY_LLVM)")
set(NDTIDY_LLVM_BIN "${NDTIDY_LLVM_ROOT}/bin")
message(STATUS "ndtidy: building against LLVM ${NDTIDY_LLVM} (${NDTIDY_LLVM_ROOT})")

find_program(NDTIDY_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT NDTIDY_PYTHON)
  message(FATAL_ERROR "ndtidy needs Debian's /usr/bin/python3 (run scripts/setup)")
endif()

foreach(tool FileCheck clang-tidy not count)
  string(MAKE_C_IDENTIFIER "${tool}" var)
  string(TOUPPER "${var}" var)
  find_program(NDTIDY_${var} NAMES ${tool} PATHS "${NDTIDY_LLVM_BIN}" NO_DEFAULT_PATH)
endforeach()

# lit: Debian's LLVM 19 ships it as build/utils/lit/lit.py, LLVM 22 as the
# script bin/lit (both from llvm-<major>-tools); either runs under python3.
set(NDTIDY_LIT "")
foreach(candidate "${NDTIDY_LLVM_ROOT}/build/utils/lit/lit.py" "${NDTIDY_LLVM_BIN}/lit")
  if(EXISTS "${candidate}" AND NOT IS_DIRECTORY "${candidate}")
    set(NDTIDY_LIT "${candidate}")
    break()
  endif()
endforeach()
if(NOT NDTIDY_LIT)
  message(FATAL_ERROR "lit not found under ${NDTIDY_LLVM_ROOT} (llvm-${NDTIDY_LLVM}-tools; run scripts/setup)")
endif()

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

# find_package(Clang) for the chosen major, in the caller's scope. Clang's
# exported targets refer to clangd's remote-index dependencies: LLVM 19's by
# bare library names (protobuf, grpc++, ...), LLVM 22's as the imported
# targets gRPC::grpc++ and protobuf::libprotobuf, which must exist before
# Clang's targets file is read. Debian's gRPCConfig.cmake cannot provide them
# without protobuf-compiler-grpc (it insists on /usr/bin/grpc_cpp_plugin), so
# define gRPC::grpc++ over the same libraries LLVM 19 links by name, and take
# protobuf::libprotobuf from CMake's FindProtobuf.
macro(ndtidy_find_clang)
  if(NDTIDY_LLVM GREATER_EQUAL 22)
    if(NOT TARGET protobuf::libprotobuf)
      find_package(Protobuf REQUIRED)
    endif()
    if(NOT TARGET gRPC::grpc++)
      add_library(gRPC::grpc++ INTERFACE IMPORTED)
      set_target_properties(gRPC::grpc++ PROPERTIES
        INTERFACE_LINK_LIBRARIES "grpc++;grpc;gpr;absl_synchronization")
    endif()
  endif()
  find_package(Clang REQUIRED CONFIG HINTS "${NDTIDY_LLVM_ROOT}/lib/cmake/clang")
endmacro()
